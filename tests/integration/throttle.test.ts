import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, signInThrottle } from "@/db/schema";
import { authenticate, TooManyAttempts } from "@/lib/auth/credentials";
import { recordSignInFailure } from "@/lib/auth/mutations";
import { hashPassword } from "@/lib/auth/password";
import { throttleRules } from "@/lib/auth/throttle";
import { makeUser } from "../support/factories";
import { databaseKind } from "../support/database";

const rightPassword = "correct horse battery";

function from(address: string) {
  return new Request("http://app.example/api/auth/callback/credentials", { headers: { "x-forwarded-for": address } });
}

async function lockoutLines(key: string) {
  const db = await getDb();
  return db.select().from(auditLog).where(and(eq(auditLog.action, "auth.lockout"), eq(auditLog.objectId, key)));
}

async function throttleRow(key: string) {
  const db = await getDb();
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, key));
  return row;
}

async function attempt(email: string, password: string, request?: Request) {
  try {
    return (await authenticate({ email, password }, request)) ? "signed in" : "refused";
  } catch (error) {
    if (error instanceof TooManyAttempts) return `locked ${Math.ceil(error.retryAfterSeconds / 60)} min`;
    throw error;
  }
}

describe(`sign-in throttle (${databaseKind})`, () => {
  it("locks an account after five wrong passwords, then refuses even the right one", async () => {
    const user = await makeUser("executive", { passwordHash: await hashPassword(rightPassword) });
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await attempt(user.email, "wrong", from("198.51.100.1")));
    expect(outcomes).toEqual(["refused", "refused", "refused", "refused", "locked 15 min"]);
    expect(await attempt(user.email, rightPassword, from("198.51.100.2"))).toBe("locked 15 min");
    // Whatever the case of the e-mail.
    expect(await attempt(user.email.toUpperCase(), rightPassword, from("198.51.100.3"))).toBe("locked 15 min");

    const lines = await lockoutLines(`account:${user.email}`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actorId: null, objectType: "account" });
  });

  it("locks an unknown e-mail the same way, so the answer says nothing about who has an account", async () => {
    const email = "nobody-here@test.example";
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push(await attempt(email, "guess", from("198.51.100.4")));
    expect(outcomes).toEqual(["refused", "refused", "refused", "refused", "locked 15 min", "locked 15 min"]);
  });

  it("forgets the failures after a successful sign-in", async () => {
    const user = await makeUser("executive", { passwordHash: await hashPassword(rightPassword) });
    for (let i = 0; i < 4; i++) expect(await attempt(user.email, "wrong")).toBe("refused");
    expect(await attempt(user.email, rightPassword)).toBe("signed in");
    for (let i = 0; i < 4; i++) expect(await attempt(user.email, "wrong")).toBe("refused");
    expect((await throttleRow(`account:${user.email}`))?.failures).toBe(4);
  });

  it("lets the right password in again once the lock has run out, and counts afresh", async () => {
    const user = await makeUser("executive", { passwordHash: await hashPassword(rightPassword) });
    for (let i = 0; i < 5; i++) await attempt(user.email, "wrong");
    const db = await getDb();
    const key = `account:${user.email}`;
    await db
      .update(signInThrottle)
      .set({ lockedUntil: sql`now() - interval '1 second'`, windowStartedAt: sql`now() - interval '16 minutes'` })
      .where(eq(signInThrottle.key, key));
    expect(await attempt(user.email, "wrong")).toBe("refused");
    expect(await throttleRow(key)).toMatchObject({ failures: 1, lockedUntil: null });
    expect(await attempt(user.email, rightPassword)).toBe("signed in");
  });

  it("starts a new window when the old one is over", async () => {
    const key = { kind: "account" as const, key: "account:window@test.example" };
    for (let i = 0; i < 4; i++) await recordSignInFailure(key);
    const db = await getDb();
    await db.update(signInThrottle).set({ windowStartedAt: sql`now() - interval '15 minutes 1 second'` }).where(eq(signInThrottle.key, key.key));
    const next = await recordSignInFailure(key);
    expect(next).toEqual({ failures: 1, retryAfterSeconds: null, justLocked: false });
  });

  it("locks a client address that tries many accounts, for every account", async () => {
    const address = "203.0.113.9";
    const { limit } = throttleRules.address;
    const outcomes = new Set<string>();
    for (let i = 0; i < limit; i++) outcomes.add(await attempt(`spray-${i}@test.example`, "Winter2026!", from(`10.0.0.1, ${address}`)));
    expect([...outcomes]).toEqual(["refused", "locked 15 min"]);
    const user = await makeUser("executive", { passwordHash: await hashPassword(rightPassword) });
    expect(await attempt(user.email, rightPassword, from(address))).toBe("locked 15 min");
    // Someone elsewhere is not affected; nor does a forged first entry move the address that counts.
    expect(await attempt(user.email, rightPassword, from(`${address}, 198.51.100.77`))).toBe("signed in");
    expect(await lockoutLines(`address:${address}`)).toHaveLength(1);
  });

  it("never loses a count under twenty parallel failures, and writes one lock-out line", async () => {
    const key = { kind: "account" as const, key: "account:parallel@test.example" };
    const results = await Promise.all(Array.from({ length: 20 }, () => recordSignInFailure(key)));
    expect(results.map((r) => r.failures).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(results.filter((r) => r.justLocked)).toHaveLength(1);
    expect(results.filter((r) => r.failures >= 5).every((r) => r.retryAfterSeconds !== null && r.retryAfterSeconds > 890)).toBe(true);
    expect((await throttleRow(key.key))?.failures).toBe(20);
    expect(await lockoutLines(key.key)).toHaveLength(1);
  });

  it("locks an account under parallel wrong passwords through authenticate as well", async () => {
    const user = await makeUser("executive", { passwordHash: await hashPassword(rightPassword) });
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => attempt(user.email, "wrong")));
    expect(outcomes.filter((o) => o === "refused").length).toBeLessThanOrEqual(4);
    expect(await attempt(user.email, rightPassword)).toBe("locked 15 min");
    expect(await lockoutLines(`account:${user.email}`)).toHaveLength(1);
  });
});
