import "server-only";
import { and, asc, count, desc, eq, gte, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { eventTypeName } from "@/lib/event-types/data";
import { events, executiveProfiles, matchRunEvents, matchRunProposals, matchRuns, matchRunUnplaced, users } from "@/db/schema";
import type { EventType } from "@/db/enums";
import type { Interval } from "@/lib/matching/types";
import { readPage, type Page } from "@/lib/paging/keyset";
import type { Cursor } from "@/lib/paging/params";

/*
 * Reads for the match-run pages. Lists are paged by keyset in SQL: the cursor is a row's id and the
 * database looks up its key, so a page link cannot be forged into another order and no key is in the URL.
 */

export type { Cursor, Page };

/**
 * One page ordered by `keys` (the last one unique), after or before the row `cursor` names. `keyOf(id)`
 * selects that row's keys; rows carry their `id`. A cursor that names no row reads as the first page.
 */
async function keysetPage<T extends { id: string }>(options: {
  cursor: Cursor;
  pageSize: number;
  keys: SQL[];
  keyOf: (id: string) => SQL;
  descending?: boolean;
  read: (where: SQL | undefined, orderBy: SQL[], limit: number) => Promise<T[]>;
}): Promise<Page<T>> {
  const { cursor, pageSize, keys, keyOf, read } = options;
  const page = await readPage({
    cursor,
    pageSize,
    ascending: !options.descending,
    key: sql`(${sql.join(keys, sql`, `)})`,
    keyOf: (id) => sql`(${keyOf(id)})`,
    read: (beyond, order, limit) => read(beyond, keys.map((key) => (order === "asc" ? asc(key) : desc(key))), limit),
    id: (row) => row.id,
  });
  return cursor && page.rows.length === 0 ? keysetPage({ ...options, cursor: null }) : page;
}

/** Safaris a run may take: published, starting in the period and not before now, with a seat free. */
export async function listMatchableEvents(period: Interval, now: Date) {
  const db = await getDb();
  const from = now > period.start ? now : period.start;
  return db
    .select({ id: events.id, title: events.title, type: events.type, typeName: eventTypeName, startAt: events.startAt, endAt: events.endAt, timeZone: events.timeZone, seats: events.seats, seatsTaken: events.seatsTaken })
    .from(events)
    .where(and(eq(events.status, "published"), gte(events.startAt, from), lt(events.startAt, period.end), lt(events.seatsTaken, events.seats)))
    .orderBy(asc(events.startAt), asc(events.id));
}

/** The ids of the safaris a run may take in the period whose type is one of `types`, soonest first. */
export async function matchableEventIdsOfTypes(period: Interval, now: Date, types: readonly EventType[]): Promise<string[]> {
  return (await listMatchableEvents(period, now)).filter((event) => types.includes(event.type)).map((event) => event.id);
}

const activeProposals = sql<number>`(select count(*)::int from ${matchRunProposals} p where p.run_id = ${matchRuns.id} and p.removed_at is null)`;
const creator = alias(users, "creator");
const publisher = alias(users, "publisher");

/** Earlier runs, newest first. */
export async function listRuns(cursor: Cursor, pageSize: number) {
  const db = await getDb();
  return keysetPage({
    cursor,
    pageSize,
    descending: true,
    keys: [sql`${matchRuns.createdAt}`, sql`${matchRuns.id}`],
    keyOf: (id) => sql`select r.created_at, r.id from ${matchRuns} r where r.id = ${id}`,
    read: (where, orderBy, limit) =>
      db
        .select({
          id: matchRuns.id,
          createdAt: matchRuns.createdAt,
          createdBy: creator.name,
          periodStart: matchRuns.periodStart,
          periodEnd: matchRuns.periodEnd,
          eventsCount: matchRuns.eventsCount,
          executivesCount: matchRuns.executivesCount,
          coverageBefore: matchRuns.coverageBefore,
          coverageAfter: matchRuns.coverageAfter,
          proposals: activeProposals,
          publishedAt: matchRuns.publishedAt,
          parentRunId: matchRuns.parentRunId,
        })
        .from(matchRuns)
        .innerJoin(creator, eq(creator.id, matchRuns.createdById))
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
  });
}

export type RunListItem = Awaited<ReturnType<typeof listRuns>>["rows"][number];

/** A run with who made and published it and how its proposals stand, or null. */
export async function findRun(runId: string) {
  const db = await getDb();
  const [run] = await db
    .select({ run: matchRuns, createdBy: creator.name, publishedBy: publisher.name })
    .from(matchRuns)
    .innerJoin(creator, eq(creator.id, matchRuns.createdById))
    .leftJoin(publisher, eq(publisher.id, matchRuns.publishedById))
    .where(eq(matchRuns.id, runId));
  if (!run) return null;
  const [[tally], [unplaced]] = await Promise.all([
    db
      .select({
        active: sql<number>`(count(*) filter (where ${isNull(matchRunProposals.removedAt)}))::int`,
        removed: sql<number>`(count(*) filter (where ${isNotNull(matchRunProposals.removedAt)}))::int`,
        manual: sql<number>`(count(*) filter (where ${isNull(matchRunProposals.removedAt)} and ${matchRunProposals.origin} = 'manual'))::int`,
        invited: sql<number>`(count(*) filter (where ${matchRunProposals.outcome} = 'invited'))::int`,
        stale: sql<number>`(count(*) filter (where ${matchRunProposals.outcome} = 'stale'))::int`,
      })
      .from(matchRunProposals)
      .where(eq(matchRunProposals.runId, runId)),
    db.select({ count: count() }).from(matchRunUnplaced).where(eq(matchRunUnplaced.runId, runId)),
  ]);
  return { ...run.run, createdBy: run.createdBy, publishedBy: run.publishedBy, proposals: tally!, unplacedCount: unplaced!.count };
}

export type RunView = NonNullable<Awaited<ReturnType<typeof findRun>>>;

/** A page of the run's events (by start), each with its proposals: who, why, and what became of it. */
export async function listRunEventGroups(runId: string, cursor: Cursor, pageSize: number) {
  const db = await getDb();
  const page = await keysetPage({
    cursor,
    pageSize,
    keys: [sql`${events.startAt}`, sql`${events.id}`],
    keyOf: (id) => sql`select e.start_at, e.id from ${events} e join ${matchRunEvents} m on m.event_id = e.id where m.run_id = ${runId} and e.id = ${id}`,
    read: (where, orderBy, limit) =>
      db
        .select({
          id: events.id,
          title: events.title,
          type: events.type,
          typeName: eventTypeName,
          status: events.status,
          startAt: events.startAt,
          endAt: events.endAt,
          timeZone: events.timeZone,
          seats: events.seats,
          seatsTaken: events.seatsTaken,
        })
        .from(matchRunEvents)
        .innerJoin(events, eq(events.id, matchRunEvents.eventId))
        .where(and(eq(matchRunEvents.runId, runId), where))
        .orderBy(...orderBy)
        .limit(limit),
  });
  const ids = page.rows.map((row) => row.id);
  const proposals = ids.length
    ? await db
        .select({
          id: matchRunProposals.id,
          eventId: matchRunProposals.eventId,
          executiveId: matchRunProposals.executiveId,
          name: users.name,
          department: executiveProfiles.department,
          origin: matchRunProposals.origin,
          reason: matchRunProposals.reason,
          removedAt: matchRunProposals.removedAt,
          outcome: matchRunProposals.outcome,
          outcomeNote: matchRunProposals.outcomeNote,
        })
        .from(matchRunProposals)
        .innerJoin(users, eq(users.id, matchRunProposals.executiveId))
        .leftJoin(executiveProfiles, eq(executiveProfiles.userId, users.id))
        .where(and(eq(matchRunProposals.runId, runId), sql`${matchRunProposals.eventId} in ${ids}`))
        .orderBy(asc(users.name), asc(matchRunProposals.id))
    : [];
  return { ...page, rows: page.rows.map((event) => ({ ...event, proposals: proposals.filter((p) => p.eventId === event.id) })) };
}

export type RunEventGroup = Awaited<ReturnType<typeof listRunEventGroups>>["rows"][number];

/** A page of the executives the run left short of their target, by name. */
export async function listRunUnplaced(runId: string, cursor: Cursor, pageSize: number) {
  const db = await getDb();
  return keysetPage({
    cursor,
    pageSize,
    keys: [sql`${users.name}`, sql`${matchRunUnplaced.executiveId}`],
    keyOf: (id) => sql`select u.name, u.id from ${users} u join ${matchRunUnplaced} m on m.executive_id = u.id where m.run_id = ${runId} and u.id = ${id}`,
    read: (where, orderBy, limit) =>
      db
        .select({
          id: matchRunUnplaced.executiveId,
          executiveId: matchRunUnplaced.executiveId,
          name: users.name,
          department: executiveProfiles.department,
          missing: matchRunUnplaced.missing,
          reason: matchRunUnplaced.reason,
          explanation: matchRunUnplaced.explanation,
        })
        .from(matchRunUnplaced)
        .innerJoin(users, eq(users.id, matchRunUnplaced.executiveId))
        .leftJoin(executiveProfiles, eq(executiveProfiles.userId, users.id))
        .where(and(eq(matchRunUnplaced.runId, runId), where))
        .orderBy(...orderBy)
        .limit(limit),
  });
}

/** The choices of the form that adds an executive by hand: the run's events and every executive with a profile. */
export async function listAddChoices(runId: string) {
  const db = await getDb();
  const [runEvents, executives] = await Promise.all([
    db
      .select({ id: events.id, title: events.title, startAt: events.startAt, timeZone: events.timeZone })
      .from(matchRunEvents)
      .innerJoin(events, eq(events.id, matchRunEvents.eventId))
      .where(eq(matchRunEvents.runId, runId))
      .orderBy(asc(events.startAt), asc(events.id)),
    db
      .select({ id: users.id, name: users.name, department: executiveProfiles.department })
      .from(users)
      .innerJoin(executiveProfiles, eq(executiveProfiles.userId, users.id))
      .where(eq(users.role, "executive"))
      .orderBy(asc(users.name), asc(users.id)),
  ]);
  return { events: runEvents, executives };
}
