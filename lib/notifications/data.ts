import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { notifications } from "@/db/schema";

/*
 * Reads of one user's inbox, always by user id: nobody reads anyone else's notices. Newest first, paged
 * by keyset on (created_at, id); the cursor is a notice id, whose key the database looks up within the
 * same user's notices, so a forged cursor cannot reach another inbox.
 */

export const inboxPageSize = 20;

/** The user's notices older than `before` (a notice id), newest first, with whether more follow. */
export async function listNotifications(userId: string, before: string | null, pageSize = inboxPageSize) {
  const db = await getDb();
  const mine = eq(notifications.userId, userId);
  const cursor = before
    ? sql`(${notifications.createdAt}, ${notifications.id}) < (select n.created_at, n.id from ${notifications} n where n.id = ${before} and n.user_id = ${userId})`
    : undefined;
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      eventId: notifications.eventId,
      details: notifications.details,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(cursor ? and(mine, cursor) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize + 1);
  const [{ total }] = (await db.select({ total: count() }).from(notifications).where(mine)) as [{ total: number }];
  return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize, total };
}

export type InboxNotice = Awaited<ReturnType<typeof listNotifications>>["rows"][number];

/** How many of the user's notices are unread (the navigation's badge); a partial index answers it. */
export async function unreadCount(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}
