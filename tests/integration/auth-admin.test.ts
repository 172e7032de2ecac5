import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, users } from "@/db/schema";
import { findSessionUser } from "@/lib/auth/data";
import { startSession } from "@/lib/auth/mutations";
import { changeRole, endAllSessions } from "@/lib/people/mutations";
import { makeUser } from "../support/factories";
import { databaseKind } from "../support/database";

async function auditLines(action: "user.role_change" | "user.sessions_ended", userId: string) {
  const db = await getDb();
  return db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.objectId, userId)));
}

describe(`an admin's session and role controls (${databaseKind})`, () => {
  it("ends every session of a person, leaves others signed in, and records it", async () => {
    const admin = await makeUser("admin");
    const person = await makeUser("executive");
    const bystander = await makeUser("executive");
    const sessions = [await startSession(person.id), await startSession(person.id)];
    const bystanders = await startSession(bystander.id);

    expect(await endAllSessions(admin.id, person.id)).toBe(2);
    for (const id of sessions) expect(await findSessionUser(id, person.id)).toBeNull();
    expect(await findSessionUser(bystanders, bystander.id)).not.toBeNull();
    const [line] = await auditLines("user.sessions_ended", person.id);
    expect(line).toMatchObject({ actorId: admin.id, objectType: "user", details: { sessionsEnded: 2 } });
  });

  it("changes a role, ends the person's sessions, and records from and to", async () => {
    const admin = await makeUser("admin");
    const person = await makeUser("executive");
    const session = await startSession(person.id);

    expect(await changeRole(admin.id, person.id, "organizer")).toEqual({ from: "executive", to: "organizer", sessionsEnded: 1 });
    expect(await findSessionUser(session, person.id)).toBeNull();
    const db = await getDb();
    const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, person.id));
    expect(row?.role).toBe("organizer");
    const [line] = await auditLines("user.role_change", person.id);
    expect(line).toMatchObject({ actorId: admin.id, details: { from: "executive", to: "organizer", sessionsEnded: 1 } });
  });

  it("changes nothing when the role stays the same", async () => {
    const admin = await makeUser("admin");
    const person = await makeUser("reviewer");
    const session = await startSession(person.id);
    expect(await changeRole(admin.id, person.id, "reviewer")).toEqual({ from: "reviewer", to: "reviewer", sessionsEnded: 0 });
    expect(await findSessionUser(session, person.id)).not.toBeNull();
    expect(await auditLines("user.role_change", person.id)).toHaveLength(0);
  });

  it("refuses an admin's change of their own role, and an unknown person", async () => {
    const admin = await makeUser("admin");
    await expect(changeRole(admin.id, admin.id, "executive")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const db = await getDb();
    const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, admin.id));
    expect(row?.role).toBe("admin");
    await expect(changeRole(admin.id, crypto.randomUUID(), "executive")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(endAllSessions(admin.id, crypto.randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
