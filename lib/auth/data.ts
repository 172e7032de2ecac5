import "server-only";
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { signInThrottle, userSessions, users } from "@/db/schema";
import type { SessionUser } from "./config";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user of a session token, when its session row exists, belongs to that user, has not been ended
 * (sign-out, password change, an admin) and has not expired; otherwise null. One query, by the clock of
 * the database, so every app instance agrees.
 */
export async function findSessionUser(sessionId: string, userId: string): Promise<SessionUser | null> {
  if (!uuidPattern.test(sessionId) || !uuidPattern.test(userId)) return null;
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, timeZone: users.timeZone })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.id, sessionId),
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        // The database's real time, not appNow() (lib/time/clock.ts): a session must not expire because a
        // test moved the domain clock ahead. Sign-in throttling stays on real time for the same reason.
        gt(userSessions.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return user ?? null;
}

/** Seconds until the last of these throttle keys is unlocked, or null when none is locked. */
export async function lockedForSeconds(keys: string[]): Promise<number | null> {
  if (keys.length === 0) return null;
  const db = await getDb();
  const [row] = await db
    .select({ seconds: sql<number | null>`ceil(extract(epoch from max(${signInThrottle.lockedUntil}) - now()))::int` })
    .from(signInThrottle)
    .where(and(inArray(signInThrottle.key, keys), gt(signInThrottle.lockedUntil, sql`now()`)));
  return row?.seconds ?? null;
}
