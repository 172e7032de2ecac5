import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import type { UserRole } from "@/db/enums";
import { calendarFeeds, users } from "@/db/schema";
import { hashFeedToken, isWellFormedFeedToken } from "./token";

/** The user's live feed (never its token: only the hash is stored), or null. */
export async function liveFeed(userId: string): Promise<{ id: string; createdAt: Date } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
  return row ?? null;
}

/** Whose feed a token opens: null for a malformed, unknown or revoked token alike. */
export async function feedOwner(token: string): Promise<{ id: string; name: string; role: UserRole } | null> {
  if (!isWellFormedFeedToken(token)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, hashFeedToken(token)), isNull(calendarFeeds.revokedAt)));
  return row ?? null;
}
