import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { UserRole } from "@/db/enums";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { endAllSessionsOf } from "@/lib/auth/mutations";
import { AppError } from "@/lib/errors/app-error";

/**
 * An admin gives a person another role. Their sessions end with it, so nothing they opened under the old
 * role stays open. An admin cannot change their own role (and so cannot leave the app without an admin
 * by accident).
 */
export async function changeRole(actorId: string, userId: string, role: UserRole): Promise<{ from: UserRole; to: UserRole; sessionsEnded: number }> {
  if (actorId === userId) throw new AppError("FORBIDDEN", "You cannot change your own role.");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).for("update");
    if (!person) throw new AppError("NOT_FOUND");
    if (person.role === role) return { from: role, to: role, sessionsEnded: 0 };
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    const sessionsEnded = await endAllSessionsOf(tx, userId);
    await recordAudit(tx, { actorId, action: "user.role_change", objectType: "user", objectId: userId, details: { from: person.role, to: role, sessionsEnded } });
    return { from: person.role, to: role, sessionsEnded };
  });
}

/** An admin signs a person out everywhere (a lost laptop, someone leaving): every copy of their cookie stops working. */
export async function endAllSessions(actorId: string, userId: string): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!person) throw new AppError("NOT_FOUND");
    const sessionsEnded = await endAllSessionsOf(tx, userId);
    await recordAudit(tx, { actorId, action: "user.sessions_ended", objectType: "user", objectId: userId, details: { sessionsEnded } });
    return sessionsEnded;
  });
}
