import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { authenticate } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { makeUser } from "../support/factories";

describe("authenticate", () => {
  it("accepts the right password, whatever the e-mail's case, and never returns the hash", async () => {
    const user = await makeUser("executive", { passwordHash: await hashPassword("correct horse battery") });
    const result = await authenticate({ email: user.email.toUpperCase(), password: "correct horse battery" });
    expect(result).toEqual({ id: user.id, email: user.email, name: user.name });
  });

  it("refuses a wrong password and an unknown e-mail alike", async () => {
    const user = await makeUser("organizer", { passwordHash: await hashPassword("correct horse battery") });
    expect(await authenticate({ email: user.email, password: "wrong" })).toBeNull();
    expect(await authenticate({ email: "nobody@test.example", password: "correct horse battery" })).toBeNull();
    expect(await authenticate({ email: "not an e-mail", password: "x" })).toBeNull();
  });

  it("refuses an e-mail longer than any account's as plain wrong credentials, not a database error", async () => {
    expect(await authenticate({ email: `${"a".repeat(100_000)}@test.example`, password: "x" })).toBeNull();
    expect(await authenticate({ email: `${"a".repeat(250)}@example.com`, password: "x" })).toBeNull();
  });

  it("stores passwords only as argon2id hashes", async () => {
    const db = await getDb();
    const user = await makeUser("reviewer", { passwordHash: await hashPassword("secret-words-here") });
    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row?.hash).toMatch(/^\$argon2id\$/);
    expect(row?.hash).not.toContain("secret-words-here");
  });
});
