import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, userSessions, users } from "@/db/schema";
import { findSessionUser } from "@/lib/auth/data";
import { changePassword, endSession, startSession } from "@/lib/auth/mutations";
import { makeUser } from "../support/factories";
import { databaseKind } from "../support/database";

async function auditActionsFor(userId: string) {
  const db = await getDb();
  const rows = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.objectId, userId)).orderBy(auditLog.at);
  return rows.map((row) => row.action);
}

describe(`session store (${databaseKind})`, () => {
  it("accepts an open session for its own user and for nobody else", async () => {
    const user = await makeUser("executive");
    const other = await makeUser("organizer");
    const sessionId = await startSession(user.id);
    expect(await findSessionUser(sessionId, user.id)).toEqual({ id: user.id, email: user.email, name: user.name, role: "executive", timeZone: user.timeZone });
    expect(await findSessionUser(sessionId, other.id)).toBeNull();
    expect(await findSessionUser(crypto.randomUUID(), user.id)).toBeNull();
    expect(await findSessionUser("not-a-uuid", user.id)).toBeNull();
  });

  it("lasts twelve hours from sign-in, by the database's clock", async () => {
    const user = await makeUser("executive");
    const sessionId = await startSession(user.id);
    const db = await getDb();
    const [row] = await db
      .select({ hours: sql<number>`round(extract(epoch from ${userSessions.expiresAt} - ${userSessions.createdAt}) / 3600)::int` })
      .from(userSessions)
      .where(eq(userSessions.id, sessionId));
    expect(row?.hours).toBe(12);

    await db.update(userSessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(userSessions.id, sessionId));
    expect(await findSessionUser(sessionId, user.id)).toBeNull();
  });

  it("ends one session at sign-out and leaves the person's others open", async () => {
    const user = await makeUser("executive");
    const laptop = await startSession(user.id);
    const phone = await startSession(user.id);
    expect(await endSession(laptop, user.id)).toBe(true);
    expect(await findSessionUser(laptop, user.id)).toBeNull();
    expect(await findSessionUser(phone, user.id)).not.toBeNull();
    // Signing out twice, or with someone else's session id, changes nothing.
    expect(await endSession(laptop, user.id)).toBe(false);
    expect(await endSession(phone, crypto.randomUUID())).toBe(false);
    expect(await findSessionUser(phone, user.id)).not.toBeNull();
    expect(await auditActionsFor(user.id)).toEqual(["auth.sign_in", "auth.sign_in", "auth.sign_out"]);
  });

  it("ends every session of the person when the password changes, and only theirs", async () => {
    const user = await makeUser("executive");
    const other = await makeUser("executive");
    const sessions = [await startSession(user.id), await startSession(user.id)];
    const othersSession = await startSession(other.id);
    await changePassword(user.id, "$argon2id$v=19$m=19456,t=2,p=1$bmV3LXNhbHQtMTIz$placeholderplaceholderplaceholderplaceholde");
    for (const id of sessions) expect(await findSessionUser(id, user.id)).toBeNull();
    expect(await findSessionUser(othersSession, other.id)).not.toBeNull();

    const db = await getDb();
    const [line] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.password_change"), eq(auditLog.objectId, user.id)));
    expect(line).toMatchObject({ actorId: user.id, details: { sessionsEnded: 2 } });
    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row?.hash).toContain("bmV3LXNhbHQtMTIz");
  });

  it("sees the role as it is now, not as it was at sign-in", async () => {
    const user = await makeUser("executive");
    const sessionId = await startSession(user.id);
    const db = await getDb();
    await db.update(users).set({ role: "reviewer" }).where(eq(users.id, user.id));
    expect((await findSessionUser(sessionId, user.id))?.role).toBe("reviewer");
  });
});
