import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { getDb } from "@/db";
import type { UserRole } from "@/db/enums";
import { executiveBlackouts, executiveProfiles, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { endAllSessionsOf } from "@/lib/auth/mutations";
import { AppError } from "@/lib/errors/app-error";
import type { ExecutiveProfileInput, OwnProfileInput } from "./schema";

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

/**
 * An executive saves their own profile: time zone, languages, preferred types, and the blackouts not yet
 * over at `now` (those are replaced by the form's; past ones stay as history). All or nothing.
 * Their profile must exist: department and seniority are the CX team's to set first.
 */
export async function saveOwnProfile(userId: string, input: OwnProfileInput, now: Date): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    // Locking the profile row makes two saves of the same profile run one after the other.
    const [row] = await tx
      .select({ userId: executiveProfiles.userId })
      .from(executiveProfiles)
      .innerJoin(users, eq(users.id, executiveProfiles.userId))
      .where(and(eq(executiveProfiles.userId, userId), eq(users.role, "executive")))
      .for("update", { of: executiveProfiles });
    if (!row) throw new AppError("INVALID_STATE", "The CX team has not set up your profile yet. Please ask them to.");
    await tx.update(users).set({ timeZone: input.timeZone }).where(eq(users.id, userId));
    await tx
      .update(executiveProfiles)
      .set({ languages: input.languages, preferredTypes: input.preferredTypes })
      .where(eq(executiveProfiles.userId, userId));
    await tx.delete(executiveBlackouts).where(and(eq(executiveBlackouts.userId, userId), gt(executiveBlackouts.endAt, now)));
    if (input.blackouts.length > 0) {
      await tx
        .insert(executiveBlackouts)
        .values(input.blackouts.map((b) => ({ userId, startAt: b.startAt, endAt: b.endAt, timeZone: input.timeZone })));
    }
  });
}

const organizerFields = ["department", "seniority", "cadencePerQuarter", "monthlyCap"] as const;

/**
 * The CX team sets an executive's department, seniority, cadence target and monthly cap, creating the
 * profile when there is none yet. Records the before and after of what changed in the audit trail.
 */
export async function saveExecutiveProfile(
  actorId: string,
  { executiveId, ...values }: ExecutiveProfileInput,
): Promise<{ created: boolean; changed: string[] }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // The user row is locked, so two first saves cannot both find no profile and both insert one.
    const [executive] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, executiveId), eq(users.role, "executive")))
      .for("update");
    if (!executive) throw new AppError("NOT_FOUND");
    const [before] = await tx.select().from(executiveProfiles).where(eq(executiveProfiles.userId, executiveId));
    if (!before) await tx.insert(executiveProfiles).values({ userId: executiveId, ...values });
    else await tx.update(executiveProfiles).set(values).where(eq(executiveProfiles.userId, executiveId));
    const changed = organizerFields.filter((field) => !before || before[field] !== values[field]);
    if (changed.length > 0) {
      const details: Record<string, unknown> = { created: !before };
      for (const field of changed) details[field] = { from: before ? before[field] : null, to: values[field] };
      await recordAudit(tx, { actorId, action: "profile.edit", objectType: "user", objectId: executiveId, details });
    }
    return { created: !before, changed };
  });
}
