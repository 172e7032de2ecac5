import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { notifications, type NotificationKind } from "@/db/schema";
import type { NotificationDetails } from "./messages";

/*
 * The inbox is also the outbox: a notice is written in the transaction of the change it reports, so it
 * exists exactly when the change does, and a later delivery (e-mail, calendar) reads the rows from here
 * without touching the flows that write them.
 */

export type Notice<K extends NotificationKind = NotificationKind> = {
  userId: string;
  kind: K;
  eventId: string | null;
  details: NotificationDetails[K];
  /** Makes a scheduled notice happen once however often its job runs (e.g. "answer_reminder:<participation>"). */
  dedupeKey?: string;
};

/** Writes notices in `tx`; returns how many were new (a repeated dedupe key writes nothing). */
export async function notify(tx: Transaction, notices: Notice[]): Promise<number> {
  if (notices.length === 0) return 0;
  const rows = await tx
    .insert(notifications)
    .values(notices.map(({ userId, kind, eventId, details, dedupeKey }) => ({ userId, kind, eventId, details, dedupeKey: dedupeKey ?? null })))
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  return rows.length;
}

/** Marks the user's own notices read (the given ones, or all); someone else's ids change nothing. */
export async function markRead(userId: string, ids: string[] | "all", now: Date): Promise<number> {
  const db = await getDb();
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(ids === "all" ? mine : and(mine, inArray(notifications.id, ids)))
    .returning({ id: notifications.id });
  return rows.length;
}
