import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { mails, notifications, users } from "@/db/schema";
import type { NotificationKind } from "@/db/enums";
import { readPage } from "@/lib/paging/keyset";
import type { Cursor } from "@/lib/paging/params";
import { containsText, cursorFound } from "@/lib/paging/sql";

/*
 * Reads for mail: one person's preferences, and the admin outbox (every mail sent, newest first, paged
 * by keyset on (created_at, id); the notices whose mail failed).
 */

/** The kinds user `userId` turned off. */
export async function mailOptOuts(userId: string): Promise<NotificationKind[]> {
  const db = await getDb();
  const [row] = await db.select({ optOuts: users.mailOptOuts }).from(users).where(eq(users.id, userId));
  return (row?.optOuts ?? []) as NotificationKind[];
}

export type OutboxQuery = { to?: string; via?: "smtp" | "outbox" };

function outboxFilter(query: OutboxQuery): SQL | undefined {
  return and(query.to ? containsText(mails.toAddress, query.to) : undefined, query.via ? eq(mails.transport, query.via) : undefined);
}

/** One page of mails matching `query`, newest first, with how many match; null when the cursor is not among them. */
export async function listMails(query: OutboxQuery, cursor: Cursor, pageSize: number) {
  const db = await getDb();
  const filter = outboxFilter(query);
  const [counted] = await db.select({ count: sql<number>`count(*)::int`, found: cursorFound(mails.id, cursor) }).from(mails).where(filter);
  if (!counted?.found) return null;
  const page = await readPage({
    cursor,
    pageSize,
    ascending: false,
    key: sql`(${mails.createdAt}, ${mails.id})`,
    keyOf: (id) => sql`(select m.created_at, m.id from ${mails} m where m.id = ${id})`,
    read: (beyond, order, limit) =>
      db
        .select({ id: mails.id, createdAt: mails.createdAt, toAddress: mails.toAddress, subject: mails.subject, transport: mails.transport, calendarMethod: mails.calendarMethod })
        .from(mails)
        .where(and(filter, beyond))
        .orderBy(...(order === "asc" ? [mails.createdAt, mails.id] : [desc(mails.createdAt), desc(mails.id)]))
        .limit(limit),
    id: (row) => row.id,
  });
  return { ...page, count: counted.count };
}

export type OutboxMail = NonNullable<Awaited<ReturnType<typeof listMails>>>["rows"][number];

/** One mail as sent, or undefined. */
export async function getMail(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(mails).where(eq(mails.id, id));
  return row;
}

/** The newest notices whose mail failed (at most `limit`), with the recipient and the last error, and how many there are. */
export async function listFailedNotices(to: string | undefined, limit = 50) {
  const db = await getDb();
  const filter = and(eq(notifications.mailStatus, "failed"), to ? containsText(users.email, to) : undefined);
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      attempts: notifications.mailAttempts,
      error: notifications.mailError,
      email: users.email,
      title: sql<string>`${notifications.details}->>'title'`,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(filter)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  const [counted] = await db.select({ count: sql<number>`count(*)::int` }).from(notifications).innerJoin(users, eq(users.id, notifications.userId)).where(filter);
  return { rows, count: counted?.count ?? 0 };
}
