import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import type { JourneyStage, MomentEmotion, MomentKind } from "@/db/enums";
import { commitmentMoments, commitments, eventPersonas, events, eventTypes, reflectionMoments, users, type UserRole } from "@/db/schema";
import { readPage } from "@/lib/paging/keyset";
import type { Cursor } from "@/lib/paging/params";

/*
 * The ouch/aah library: moments of reflections, searched and filtered in SQL. Whose moments a library
 * holds is decided here, with the data, from the trigger-kept copies on each moment (migration 0017):
 * the CX team's holds the moments of reflections shared with them (visibility 'cx_team'), with their
 * author; an executive's holds their own, whatever their visibility. Nobody else's private or anonymised
 * moment is ever read as text (anonymised ones count only in the summary's figures).
 */

export type LibraryScope = { sharedWithCxTeam: true } | { authorId: string };

/** Whose moments a reader's library holds: the CX team's for organizers, anyone else's own (the page lets in executives too). */
export function libraryScopeFor(reader: { id: string; role: UserRole }): LibraryScope {
  return reader.role === "organizer" ? { sharedWithCxTeam: true } : { authorId: reader.id };
}

export type LibraryQuery = {
  scope: LibraryScope;
  /** Web-search syntax ("quoted phrase", or, -not), stemmed as written, English, German and Greek. */
  search?: string;
  kind?: MomentKind;
  personaId?: string;
  eventType?: string;
  emotion?: MomentEmotion;
  stage?: JourneyStage;
  /** The safari's start from (included) and until (excluded). */
  start?: Date;
  end?: Date;
  /** Only the moments this commitment answers. */
  commitmentId?: string;
};

/** Counting stops here: beyond it "more than" is all a reader needs, and a count of 200,000 rows costs time. */
export const libraryCountCap = 1_000;

const m = reflectionMoments;

/**
 * The read rule, in SQL. The CX team's scope names the shared index's predicate literally (not as a
 * parameter), so that a prepared statement's generic plan can still use reflection_moments_shared_idx.
 */
function scopeFilter(scope: LibraryScope): SQL {
  if ("authorId" in scope) return eq(m.authorId, scope.authorId);
  return sql`${m.visibility} = 'cx_team'`;
}

/**
 * The search as one tsquery: the `search` column holds every moment stemmed four ways (as written, English,
 * German, Greek), so the query is parsed the same four ways and any of them may match ("Rechnungen" finds
 * "Rechnung", "λογαριασμοι" finds "λογαριασμό").
 */
export function searchQuery(text: string): SQL {
  return sql`(websearch_to_tsquery('simple', ${text}) || websearch_to_tsquery('english', ${text}) || websearch_to_tsquery('german', ${text}) || websearch_to_tsquery('greek', ${text}))`;
}

function filterOf(query: LibraryQuery): SQL {
  return and(
    scopeFilter(query.scope),
    query.search ? sql`${m.search} @@ ${searchQuery(query.search)}` : undefined,
    query.kind ? eq(m.kind, query.kind) : undefined,
    query.emotion ? eq(m.emotion, query.emotion) : undefined,
    query.stage ? eq(m.journeyStage, query.stage) : undefined,
    query.eventType ? sql`exists (select 1 from ${events} where ${events.id} = ${m.eventId} and ${events.type} = ${query.eventType})` : undefined,
    query.personaId
      ? sql`exists (select 1 from ${eventPersonas} where ${eventPersonas.eventId} = ${m.eventId} and ${eventPersonas.personaId} = ${query.personaId})`
      : undefined,
    query.start ? gte(m.occurredAt, query.start) : undefined,
    query.end ? lt(m.occurredAt, query.end) : undefined,
    query.commitmentId
      ? sql`exists (select 1 from ${commitmentMoments} where ${commitmentMoments.momentId} = ${m.id} and ${commitmentMoments.commitmentId} = ${query.commitmentId})`
      : undefined,
  )!;
}

/**
 * One page of the library, newest safari first (its start, then the moment's id), with the count of all
 * that match up to libraryCountCap and the commitments each moment led to; null when the cursor's moment
 * is not among them.
 */
export async function listLibrary(query: LibraryQuery, cursor: Cursor, pageSize: number) {
  const db = await getDb();
  const filter = filterOf(query);
  const cursorId = cursor ? ("after" in cursor ? cursor.after : cursor.before) : null;
  const [[counted], cursorRows] = await Promise.all([
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(db.select({ one: sql`1`.as("one") }).from(m).where(filter).limit(libraryCountCap + 1).as("matching")),
    // The cursor's own moment still matches: checked by its primary key, not by counting past it.
    cursorId ? db.select({ id: m.id }).from(m).where(and(eq(m.id, cursorId), filter)) : Promise.resolve([{ id: "" }]),
  ]);
  if (cursorRows.length === 0) return null;
  const count = counted?.count ?? 0;
  /*
   * How the page is read. Walking the newest-first index and testing each moment is fast while matches are
   * dense, but a rare word would walk most of it; so a search with few matches (fewer than the count's cap,
   * known from the count just made through the GIN index) takes them all from the GIN index and sorts them.
   * Adding zero seconds to the sort key keeps the planner off the ordered index for that read.
   */
  const fewWords = query.search !== undefined && count <= libraryCountCap;
  const at = fewWords ? sql`(${m.occurredAt} + interval '0 seconds')` : m.occurredAt;
  const page = await readPage({
    cursor,
    pageSize,
    ascending: false,
    key: sql`(${m.occurredAt}, ${m.id})`,
    keyOf: (id) => sql`(select c.occurred_at, c.id from ${reflectionMoments} c where c.id = ${id})`,
    read: (beyond, order, limit) =>
      db
        .select({
          id: m.id,
          reflectionId: m.reflectionId,
          kind: m.kind,
          body: m.body,
          quote: m.quote,
          stage: m.journeyStage,
          emotion: m.emotion,
          intensity: m.intensity,
          eventTitle: events.title,
          eventType: eventTypes.name,
          eventStartAt: events.startAt,
          authorName: users.name,
        })
        .from(m)
        .innerJoin(events, eq(events.id, m.eventId))
        .innerJoin(eventTypes, eq(eventTypes.key, events.type))
        .innerJoin(users, eq(users.id, m.authorId))
        .where(and(filter, beyond))
        .orderBy(...(order === "asc" ? [asc(at), asc(m.id)] : [desc(at), desc(m.id)]))
        .limit(limit),
    id: (row) => row.id,
  });
  return {
    ...page,
    count: Math.min(count, libraryCountCap),
    /** More match than were counted. */
    countCapped: count > libraryCountCap,
    commitments: await commitmentsOfMoments(query.scope, page.rows.map((row) => row.id)),
  };
}

export type LibraryMoment = NonNullable<Awaited<ReturnType<typeof listLibrary>>>["rows"][number];
export type MomentCommitment = { id: string; body: string; status: (typeof commitments.status.enumValues)[number]; dueOn: string };

/**
 * The commitments the given moments led to, by moment id, in one query. The read rule is applied again to
 * the moments here, and a commitment counts only when it belongs to the moment's own reflection, so a
 * caller cannot reach another reflection's commitments by passing ids it may not read.
 */
export async function commitmentsOfMoments(scope: LibraryScope, momentIds: string[]) {
  const byMoment = new Map<string, MomentCommitment[]>();
  if (momentIds.length === 0) return byMoment;
  const db = await getDb();
  const rows = await db
    .select({ momentId: commitmentMoments.momentId, id: commitments.id, body: commitments.body, status: commitments.status, dueOn: commitments.dueOn })
    .from(commitmentMoments)
    .innerJoin(m, eq(m.id, commitmentMoments.momentId))
    .innerJoin(commitments, and(eq(commitments.id, commitmentMoments.commitmentId), eq(commitments.reflectionId, m.reflectionId)))
    .where(and(inArray(commitmentMoments.momentId, momentIds), scopeFilter(scope)))
    .orderBy(asc(commitments.dueOn), asc(commitments.id));
  for (const { momentId, ...commitment } of rows) byMoment.set(momentId, [...(byMoment.get(momentId) ?? []), commitment]);
  return byMoment;
}

/** The commitment a library view is filtered to, when the reader may read it (null otherwise): its body for the heading. */
export async function commitmentInScope(scope: LibraryScope, commitmentId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: commitments.id, body: commitments.body })
    .from(commitments)
    .innerJoin(commitmentMoments, eq(commitmentMoments.commitmentId, commitments.id))
    .innerJoin(m, and(eq(m.id, commitmentMoments.momentId), eq(m.reflectionId, commitments.reflectionId)))
    .where(and(eq(commitments.id, commitmentId), scopeFilter(scope)))
    .limit(1);
  return row ?? null;
}
