import "server-only";
import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { signInThrottle, userSessions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { sessionMaxAgeSeconds } from "./config";
import { throttleRules, type ThrottleKey } from "./throttle";

/* Session rows and the sign-in throttle. Times are the database's, so several app instances agree. */

const secondsFromNow = (seconds: number) => sql`now() + ${seconds}::int * interval '1 second'`;

/** A new session for a successful sign-in; its id goes into the session token. */
export async function startSession(userId: string): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(userSessions)
      .values({ userId, expiresAt: secondsFromNow(sessionMaxAgeSeconds) })
      .returning({ id: userSessions.id });
    await recordAudit(tx, { actorId: userId, action: "auth.sign_in", objectType: "user", objectId: userId, details: { sessionId: session!.id } });
    return session!.id;
  });
}

/** Sign-out: this one session ends; a copy of its cookie opens nothing any more. */
export async function endSession(sessionId: string, userId: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(userSessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
      .returning({ id: userSessions.id });
    if (ended.length === 0) return false;
    await recordAudit(tx, { actorId: userId, action: "auth.sign_out", objectType: "user", objectId: userId, details: { sessionId } });
    return true;
  });
}

/** Ends every open session of a person, inside the caller's transaction; how many there were. */
export async function endAllSessionsOf(tx: Transaction, userId: string): Promise<number> {
  const ended = await tx
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return ended.length;
}

/** A new password hash; every session of the person ends with it (the caller signs this browser in again). */
export async function changePassword(userId: string, passwordHash: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    const sessionsEnded = await endAllSessionsOf(tx, userId);
    await recordAudit(tx, { actorId: userId, action: "user.password_change", objectType: "user", objectId: userId, details: { sessionsEnded } });
  });
}

export type FailureCount = { failures: number; retryAfterSeconds: number | null; justLocked: boolean };

/**
 * Counts one failed sign-in against a key, in one atomic upsert: a failure within the window adds one,
 * one after the window (or after a lock ran out) starts a new window, and the failure that reaches the
 * limit sets the lock. Exactly one failure per window reaches it, so there is one audit line per lock-out.
 */
export async function recordSignInFailure({ kind, key }: ThrottleKey): Promise<FailureCount> {
  const { limit, windowSeconds, lockSeconds } = throttleRules[kind];
  const t = signInThrottle;
  const startsAnew = sql`(${t.windowStartedAt} <= now() - ${windowSeconds}::int * interval '1 second' or ${t.lockedUntil} <= now())`;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(t)
      .values({ key, failures: 1, windowStartedAt: sql`now()`, lockedUntil: limit <= 1 ? secondsFromNow(lockSeconds) : null })
      .onConflictDoUpdate({
        target: t.key,
        set: {
          // Every expression here sees the row as it was before this failure.
          failures: sql`case when ${startsAnew} then 1 else least(${t.failures} + 1, 32767) end`,
          windowStartedAt: sql`case when ${startsAnew} then now() else ${t.windowStartedAt} end`,
          lockedUntil: sql`case
            when ${startsAnew} then (case when 1 >= ${limit}::int then ${secondsFromNow(lockSeconds)} end)
            when ${t.failures} + 1 = ${limit}::int then ${secondsFromNow(lockSeconds)}
            else ${t.lockedUntil} end`,
        },
      })
      .returning({
        failures: t.failures,
        retryAfterSeconds: sql<number | null>`case when ${t.lockedUntil} > now() then ceil(extract(epoch from ${t.lockedUntil} - now()))::int end`,
      });
    const justLocked = row!.failures === limit;
    if (justLocked) {
      await recordAudit(tx, { actorId: null, action: "auth.lockout", objectType: "account", objectId: key, details: { failures: limit, lockSeconds } });
    }
    return { failures: row!.failures, retryAfterSeconds: row!.retryAfterSeconds, justLocked };
  });
}

/** A successful sign-in forgets the account's failures, unless a lock has just been set in parallel. */
export async function clearSignInFailures(key: string): Promise<void> {
  const db = await getDb();
  await db
    .delete(signInThrottle)
    .where(and(eq(signInThrottle.key, key), or(isNull(signInThrottle.lockedUntil), lte(signInThrottle.lockedUntil, sql`now()`))));
}
