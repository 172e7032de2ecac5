import "server-only";
import { and, asc, count, desc, eq, gte, lt, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { events, executiveProfiles, participations, users, type Seniority } from "@/db/schema";
import { readPage } from "@/lib/paging/keyset";
import type { Cursor } from "@/lib/paging/params";
import { cursorFound } from "@/lib/paging/sql";
import type { CadenceSort } from "./schema";

/*
 * The cadence board: every executive's safaris in a period against their target, filtered, sorted and paged
 * in SQL. Per-executive figures come from lateral subqueries over their own participations (indexed by
 * executive), so a page costs one query whatever the size of the company, and the count one more.
 * Pages are found by keyset on (sort key, user id); the cursor is a user id and the database looks up its
 * key, so a page link cannot be forged into a different order and no key passes through the URL.
 */

export type CadenceQuery = {
  /** The period, [start, end): safaris starting in it count. */
  start: Date;
  end: Date;
  /** Contacts up to this instant count; days since are counted on the calendar of `zone`. */
  now: Date;
  zone: string;
  department: string | null;
  seniority: Seniority | null;
  sort: CadenceSort;
  /** Only executives who attended no safari of the period: "not out yet" in the summary. */
  notOut?: boolean;
};

export type CadenceCursor = Cursor;

// The sort keys are never null, so that row comparisons order every executive: "never" is the longest
// time without contact, and an executive without a profile (no target) comes after every shortfall.
const never = 2_147_483_647;
const noTarget = -1;

/** The executives the filter matches; department and seniority come from the profile. */
function executiveFilter(query: CadenceQuery): SQL[] {
  const filter = [eq(users.role, "executive")];
  if (query.department) filter.push(eq(executiveProfiles.department, query.department));
  if (query.seniority) filter.push(eq(executiveProfiles.seniority, query.seniority));
  return filter;
}

function board(db: Awaited<ReturnType<typeof getDb>>, query: CadenceQuery) {
  const now = sql`${query.now.toISOString()}::timestamptz`;
  // Per executive, over the period's events only (indexed by start), not over their whole history.
  const period = db
    .select({
      executiveId: participations.executiveId,
      attended: sql<number>`(count(*) filter (where ${participations.status} = 'attended'))::int`.as("attended"),
      confirmed: sql<number>`(count(*) filter (where ${participations.status} = 'confirmed'))::int`.as("confirmed"),
      invited: sql<number>`(count(*) filter (where ${participations.status} = 'invited'))::int`.as("invited"),
    })
    .from(events)
    .innerJoin(participations, eq(participations.eventId, events.id))
    .where(
      and(
        gte(events.startAt, query.start),
        lt(events.startAt, query.end),
        // A cancelled safari counts nowhere, whatever its participations still say.
        ne(events.status, "cancelled"),
      ),
    )
    .groupBy(participations.executiveId)
    .as("period");
  // Each executive's last contact: the latest end among their attended safaris, read down an index of
  // (executive, end) and stopping at the first that ended by now and was not cancelled.
  const contact = db
    .select({ at: sql<Date | null>`upper(${participations.during})`.mapWith(events.endAt).as("last_contact_at") })
    .from(participations)
    .innerJoin(events, eq(events.id, participations.eventId))
    .where(
      and(
        eq(participations.executiveId, users.id),
        eq(participations.status, "attended"),
        sql`upper(${participations.during}) <= ${query.now.toISOString()}::timestamptz`,
        ne(events.status, "cancelled"),
      ),
    )
    .orderBy(sql`upper(${participations.during}) desc`)
    .limit(1)
    .as("contact");

  // Calendar days in the organisation's zone, so a contact "ten days ago" stays ten across a clock change.
  const daysSince = sql<number | null>`((${now} at time zone ${query.zone})::date - (${contact.at} at time zone ${query.zone})::date)`;
  const shortfall = sql<number | null>`case when ${executiveProfiles.cadencePerQuarter} is null then null else greatest(${executiveProfiles.cadencePerQuarter} - coalesce(${period.attended}, 0) - coalesce(${period.confirmed}, 0), 0) end`;
  const key: Record<CadenceSort, SQL> = {
    contact: sql`coalesce(${daysSince}, ${never})`,
    shortfall: sql`coalesce(${shortfall}, ${noTarget})`,
    name: sql`${users.name}`,
  };

  const filter = executiveFilter(query);

  return db.$with("board").as(
    db
      .select({
        id: users.id,
        name: users.name,
        department: executiveProfiles.department,
        seniority: executiveProfiles.seniority,
        target: executiveProfiles.cadencePerQuarter,
        attended: sql<number>`coalesce(${period.attended}, 0)`.as("attended_count"),
        confirmed: sql<number>`coalesce(${period.confirmed}, 0)`.as("confirmed_count"),
        invited: sql<number>`coalesce(${period.invited}, 0)`.as("invited_count"),
        lastContactAt: contact.at,
        daysSince: daysSince.as("days_since"),
        shortfall: shortfall.as("shortfall"),
        sortKey: key[query.sort].as("sort_key"),
      })
      .from(users)
      .leftJoin(executiveProfiles, eq(executiveProfiles.userId, users.id))
      .leftJoin(period, eq(period.executiveId, users.id))
      .leftJoinLateral(contact, sql`true`)
      .where(and(...filter)),
  );
}

/** Names sort A to Z; the other keys largest first (most days without contact, furthest behind). */
const ascending = (sort: CadenceSort) => sort === "name";

/**
 * One page of the board, with how many executives match in all and the cursors of the pages after and
 * before it (null where there is none). Null when the cursor names no executive the filter matches.
 */
export async function listCadence(query: CadenceQuery, cursor: Cursor, pageSize: number) {
  const db = await getDb();
  const rows = board(db, query);
  const only = query.notOut ? sql`${rows.attended} = 0` : undefined;

  const [page, [total]] = await Promise.all([
    readPage({
      cursor,
      pageSize,
      ascending: ascending(query.sort),
      key: sql`(${rows.sortKey}, ${rows.id})`,
      keyOf: (id) => sql`(select c.sort_key, c.id from ${rows} c where c.id = ${id})`,
      read: (beyond, order, limit) =>
        db
          .with(rows)
          .select({
            id: rows.id,
            name: rows.name,
            department: rows.department,
            seniority: rows.seniority,
            target: rows.target,
            attended: rows.attended,
            confirmed: rows.confirmed,
            invited: rows.invited,
            lastContactAt: rows.lastContactAt,
            daysSince: rows.daysSince,
            shortfall: rows.shortfall,
          })
          .from(rows)
          .where(and(only, beyond))
          .orderBy(...(order === "asc" ? [asc(rows.sortKey), asc(rows.id)] : [desc(rows.sortKey), desc(rows.id)]))
          .limit(limit),
      id: (row) => row.id,
    }),
    query.notOut
      ? db.with(rows).select({ count: count(), cursorFound: cursorFound(rows.id, cursor) }).from(rows).where(only)
      : // Without a condition on the figures, the count needs none of them.
        db
          .select({ count: count(), cursorFound: cursorFound(users.id, cursor) })
          .from(users)
          .leftJoin(executiveProfiles, eq(executiveProfiles.userId, users.id))
          .where(and(...executiveFilter(query))),
  ]);
  if (!total?.cursorFound) return null;
  return {
    ...page,
    rows: page.rows.map((row) => ({
      ...row,
      daysSince: row.daysSince === null ? null : Number(row.daysSince),
      shortfall: row.shortfall === null ? null : Number(row.shortfall),
      onTrack: row.shortfall === null ? null : Number(row.shortfall) === 0,
    })),
    count: total.count,
  };
}

export type CadencePage = NonNullable<Awaited<ReturnType<typeof listCadence>>>;
export type CadenceRow = CadencePage["rows"][number];

/** The departments executives belong to, for the filter's list. */
export async function listDepartments(): Promise<string[]> {
  const db = await getDb();
  const rows = await db.selectDistinct({ department: executiveProfiles.department }).from(executiveProfiles).orderBy(asc(executiveProfiles.department));
  return rows.map((row) => row.department);
}
