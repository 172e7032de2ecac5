import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, events, users } from "@/db/schema";
import { containsText } from "@/lib/paging/sql";

/*
 * Reading the audit trail: newest first, filtered, one page at a time. Pages are found by keyset on
 * (at, id), never by offset, so a page stays right while new lines are appended above it; the cursor is
 * an entry's id and the database looks up its (at, id), so no timestamp passes through JavaScript's
 * milliseconds.
 */

export type AuditQuery = {
  /** A person's id, "system" for entries without one, or null for everyone. */
  actor: string | null;
  /** Part of the acting person's name or e-mail address, any case. */
  who?: string | null;
  objectType: string | null;
  objectId: string | null;
  /** Instants, [from, to). */
  from: Date | null;
  to: Date | null;
};

export type AuditCursor = { older: string } | { newer: string } | null;


function conditions(query: AuditQuery): SQL[] {
  const where: SQL[] = [];
  if (query.actor === "system") where.push(isNull(auditLog.actorId));
  else if (query.actor) where.push(eq(auditLog.actorId, query.actor));
  if (query.who) {
    const who = query.who;
    where.push(sql`exists (select 1 from ${users} w where w.id = ${auditLog.actorId} and (${containsText(sql`w.name`, who)} or ${containsText(sql`w.email`, who)}))`);
  }
  if (query.objectType) where.push(eq(auditLog.objectType, query.objectType));
  if (query.objectId) where.push(eq(auditLog.objectId, query.objectId));
  if (query.from) where.push(gte(auditLog.at, query.from));
  if (query.to) where.push(lt(auditLog.at, query.to));
  return where;
}

/** Entries before (older) or after (newer) the entry `id` in the trail's order. */
const beyond = (id: string, direction: "older" | "newer") =>
  direction === "older"
    ? sql`(${auditLog.at}, ${auditLog.id}) < (select c.at, c.id from ${auditLog} c where c.id = ${id})`
    : sql`(${auditLog.at}, ${auditLog.id}) > (select c.at, c.id from ${auditLog} c where c.id = ${id})`;

/**
 * One page of entries matching `query`, newest first, with how many match in all and the cursors of the
 * pages before and after it (null where there is none). Null when the cursor names no entry.
 */
export async function listAuditEntries(query: AuditQuery, cursor: AuditCursor, pageSize: number) {
  const db = await getDb();
  const filter = conditions(query);
  if (cursor) {
    const id = "older" in cursor ? cursor.older : cursor.newer;
    const [found] = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.id, id));
    if (!found) return null;
  }
  const towardsNewer = cursor !== null && "newer" in cursor;
  const pageFilter = cursor ? [...filter, "older" in cursor ? beyond(cursor.older, "older") : beyond(cursor.newer, "newer")] : filter;

  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        objectType: auditLog.objectType,
        objectId: auditLog.objectId,
        details: auditLog.details,
        actorId: auditLog.actorId,
        actorName: users.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(...pageFilter))
      .orderBy(...(towardsNewer ? [asc(auditLog.at), asc(auditLog.id)] : [desc(auditLog.at), desc(auditLog.id)]))
      .limit(pageSize + 1),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(...filter)),
  ]);

  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (towardsNewer) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  // Whether there is anything on the other side of the page than the one just fetched towards.
  const exists = async (id: string, direction: "older" | "newer") =>
    (await db.select({ id: auditLog.id }).from(auditLog).where(and(...filter, beyond(id, direction))).limit(1)).length > 0;
  const hasOlder = towardsNewer ? (last ? await exists(last.id, "older") : false) : more;
  const hasNewer = towardsNewer ? more : cursor && first ? await exists(first.id, "newer") : false;

  const names = await objectNames(page);
  return {
    entries: page.map((entry) => ({ ...entry, objectName: names.get(`${entry.objectType}:${entry.objectId}`) ?? null })),
    count: total?.count ?? 0,
    older: hasOlder && last ? last.id : null,
    newer: hasNewer && first ? first.id : null,
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The title of each event and the name of each person a page's entries are about, by "type:id". Looked up
 * for the page's ids only: joining the trail on a cast of the object id read every event and every account.
 */
async function objectNames(entries: { objectType: string; objectId: string }[]): Promise<Map<string, string>> {
  const db = await getDb();
  const idsOf = (type: string) => [...new Set(entries.filter((e) => e.objectType === type && uuidPattern.test(e.objectId)).map((e) => e.objectId))];
  const [eventIds, userIds] = [idsOf("event"), idsOf("user")];
  const [eventRows, userRows] = await Promise.all([
    eventIds.length ? db.select({ id: events.id, name: events.title }).from(events).where(inArray(events.id, eventIds)) : [],
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : [],
  ]);
  return new Map([...eventRows.map((row) => [`event:${row.id}`, row.name] as const), ...userRows.map((row) => [`user:${row.id}`, row.name] as const)]);
}

export type AuditPage = NonNullable<Awaited<ReturnType<typeof listAuditEntries>>>;
export type AuditRow = AuditPage["entries"][number];

/**
 * The filter's list of people: the staff (organizers, reviewers, admins), whose acts the trail is mostly
 * read for, and the person chosen, if someone else. Not every executive: in a large company that list alone
 * made the page half a megabyte; executives are found by the name search.
 */
export async function listAuditActors(chosen: string | null) {
  const db = await getDb();
  const chosenId = chosen && chosen !== "system" ? chosen : null;
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(chosenId ? or(ne(users.role, "executive"), eq(users.id, chosenId)) : ne(users.role, "executive"))
    .orderBy(asc(users.name), asc(users.id));
}
