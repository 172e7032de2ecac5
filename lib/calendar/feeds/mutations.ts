import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { calendarFeeds } from "@/db/schema";
import { hashFeedToken, newFeedToken } from "./token";

/** The feed the form named is not the user's live one (another tab replaced or revoked it, or it is not theirs). */
export class NotYourLiveFeed extends Error {
  override name = "NotYourLiveFeed";
}

/**
 * Makes the user a new feed token, revoking the live one in the same transaction; `currentFeedId` must
 * be that live feed (null when there is none). Returns the token: the only time it exists in clear.
 */
export async function replaceFeed(userId: string, currentFeedId: string | null, now: Date): Promise<{ id: string; token: string }> {
  const token = newFeedToken();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [live] = await tx
      .select({ id: calendarFeeds.id })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
      .for("update");
    if ((live?.id ?? null) !== currentFeedId) throw new NotYourLiveFeed();
    if (live) await tx.update(calendarFeeds).set({ revokedAt: now }).where(eq(calendarFeeds.id, live.id));
    // The partial unique index (one live feed a user) refuses a concurrent second insert.
    const [created] = await tx.insert(calendarFeeds).values({ userId, tokenHash: hashFeedToken(token) }).returning({ id: calendarFeeds.id });
    return { id: created!.id, token };
  });
}

/** Revokes the user's live feed with this id; a feed that is not their live one is refused. */
export async function revokeFeed(userId: string, feedId: string, now: Date): Promise<void> {
  const db = await getDb();
  const revoked = await db
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeeds.id, feedId), eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  if (revoked.length === 0) throw new NotYourLiveFeed();
}
