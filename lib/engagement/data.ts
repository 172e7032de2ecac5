import "server-only";
import { and, eq, gte, isNotNull, lt, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { getDb } from "@/db";
import { commitments, executiveProfiles, participations, reflectionEmotions, reflectionMoments, reflections, users } from "@/db/schema";
import { commitmentStates, type EngagementFigures } from "./summary";

/*
 * The summary's counts, in SQL, per person: summary.ts applies the small-group rule, which needs to know
 * whom each figure rests on. "Of the period" means: the event started in [start, end) and was not
 * cancelled (a cancelled safari counts nowhere, whatever its participations still say). Figures about
 * feelings (emotions, empathy shift, surprise, ouch and aah themes) come only from reflections their
 * authors let count (cx_team or anonymised), never private ones.
 *
 * Every row counted carries that rule as `summary_at` (its safari's start, or null where it must not
 * count), kept by the database's triggers (db/migrations/0009; 0017 for moments). So each figure is one
 * stretch of one index, whose length is the period's, however much history lies before it.
 */

type Period = { start: Date; end: Date };

type Counted = typeof participations | typeof reflections | typeof reflectionEmotions | typeof reflectionMoments | typeof commitments;
const ofPeriod = (table: Counted, { start, end }: Period) => and(gte(table.summaryAt, start), lt(table.summaryAt, end));

/*
 * Each figure comes back as a few rows of lists (per department and seniority, per emotion, per state)
 * rather than a row per person: the database does the same work, and the app reads a few values instead
 * of thousands of rows. A list is comma-separated text, not an array: postgres.js parses arrays character
 * by character in JavaScript, String.split is native (for a quarter's 12,000 emotion authors that is
 * about 8 ms less per summary). Lists built by one aggregation see the rows in the same order, so
 * `ids[i]` and `counts[i]` are the same person's. Over no rows a list is null.
 */
const list = (value: SQLWrapper) => sql<string[] | null>`string_agg(${value}::text, ',')`.mapWith((text: string) => text.split(","));
const numbers = (value: SQLWrapper) => sql<number[] | null>`string_agg(${value}::text, ',')`.mapWith((text: string) => text.split(",").map(Number));

/** How many of a group's rows meet `condition`. */
const countWhere = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;

/** Every executive with the safaris they attended in the period and the hours those lasted (in no order: only counted). */
async function executiveExposure(period: Period): Promise<EngagementFigures["executives"]> {
  const db = await getDb();
  const attended = db
    .select({
      executiveId: participations.executiveId,
      safaris: sql<number>`count(*)::int`.as("safaris"),
      // Durations added up first and turned into hours once: a third cheaper than converting every row.
      hours: sql<number>`(extract(epoch from sum(upper(${participations.during}) - lower(${participations.during}))) / 3600)::float8`.as("hours"),
    })
    .from(participations)
    .where(ofPeriod(participations, period))
    .groupBy(participations.executiveId)
    .as("attended");

  const groups = await db
    .select({
      department: executiveProfiles.department,
      seniority: executiveProfiles.seniority,
      ids: list(users.id),
      safaris: numbers(sql`coalesce(${attended.safaris}, 0)`),
      hours: numbers(sql`coalesce(${attended.hours}, 0)`),
    })
    .from(users)
    .leftJoin(executiveProfiles, eq(executiveProfiles.userId, users.id))
    .leftJoin(attended, eq(attended.executiveId, users.id))
    .where(eq(users.role, "executive"))
    .groupBy(executiveProfiles.department, executiveProfiles.seniority);
  return groups.flatMap(({ department, seniority, ids, safaris, hours }) =>
    (ids ?? []).map((id, i) => ({ id, department, seniority, safaris: safaris![i]!, hours: hours![i]! })),
  );
}

/**
 * The period's reflections per author, and the empathy shift and surprise score of those their authors let
 * count (cx_team or anonymised: the reflections' own copy counts every visibility, for "Reflections
 * written", so private ones are left out of the scores by name). One pass over the period's stretch of
 * reflections_summary_idx, which holds every column read here: no table row is read.
 */
async function reflectionsAndScores(period: Period): Promise<Pick<EngagementFigures, "reflections" | "scores">> {
  const db = await getDb();
  const counting = sql`${reflections.visibility} in ('cx_team', 'anonymised')`;
  const byAuthor = db
    .select({
      authorId: reflections.authorId,
      count: sql<number>`count(*)::int`.as("count"),
      // numeric, exactly summed; as text so that the list below carries it unrounded.
      shiftSum: sql<string>`coalesce(sum(${reflections.empathyShift}) filter (where ${counting}), 0)`.as("shift_sum"),
      shiftCount: sql<number>`(count(${reflections.empathyShift}) filter (where ${counting}))::int`.as("shift_count"),
      surpriseSum: sql<number>`coalesce(sum(${reflections.surpriseScore}) filter (where ${counting}), 0)::int`.as("surprise_sum"),
      surpriseCount: sql<number>`(count(${reflections.surpriseScore}) filter (where ${counting}))::int`.as("surprise_count"),
    })
    .from(reflections)
    .where(ofPeriod(reflections, period))
    .groupBy(reflections.authorId)
    .as("by_author");
  const [row] = await db
    .select({
      authorIds: list(byAuthor.authorId),
      counts: numbers(byAuthor.count),
      shiftSums: numbers(byAuthor.shiftSum),
      shiftCounts: numbers(byAuthor.shiftCount),
      surpriseSums: numbers(byAuthor.surpriseSum),
      surpriseCounts: numbers(byAuthor.surpriseCount),
    })
    .from(byAuthor);
  const authors = (row?.authorIds ?? []).map((authorId, i) => ({
    authorId,
    count: row!.counts![i]!,
    shiftSum: row!.shiftSums![i]!,
    shiftCount: row!.shiftCounts![i]!,
    surpriseSum: row!.surpriseSums![i]!,
    surpriseCount: row!.surpriseCounts![i]!,
  }));
  return {
    reflections: authors.map(({ authorId, count }) => ({ authorId, count })),
    // Only those who rated at least one of the reflections that count.
    scores: authors.filter((a) => a.shiftCount > 0 || a.surpriseCount > 0).map(({ count: _count, ...scores }) => scores),
  };
}

/** Emotions from reflections their authors let count, per emotion with the distinct people who reported it. */
async function emotionsReported(period: Period): Promise<EngagementFigures["emotions"]> {
  const db = await getDb();
  const byAuthor = db
    .select({
      emotion: reflectionEmotions.emotion,
      authorId: reflectionEmotions.authorId,
      reports: sql<number>`count(*)::int`.as("reports"),
      intensitySum: sql<number>`sum(${reflectionEmotions.intensity})::int`.as("intensity_sum"),
    })
    .from(reflectionEmotions)
    .where(ofPeriod(reflectionEmotions, period))
    .groupBy(reflectionEmotions.emotion, reflectionEmotions.authorId)
    .as("by_author");
  const rows = await db
    .select({
      emotion: byAuthor.emotion,
      authorIds: list(byAuthor.authorId),
      reports: sql<number>`sum(${byAuthor.reports})::int`,
      intensitySum: sql<number>`sum(${byAuthor.intensitySum})::int`,
    })
    .from(byAuthor)
    .groupBy(byAuthor.emotion);
  return rows.map((row) => ({ ...row, authorIds: row.authorIds ?? [] }));
}

/** Commitments made on the period's reflections per owner and state; `today` decides what is overdue. */
async function commitmentsByOwner(period: Period, today: string): Promise<EngagementFigures["commitments"]> {
  const db = await getDb();
  const pastDue = sql`${commitments.dueOn} < ${today}::date`;
  const byOwner = db
    .select({
      ownerId: commitments.ownerId,
      done: countWhere(sql`${commitments.status} = 'done'`).as("done"),
      // A commitment in progress is still to keep: it counts as open, or overdue once past its due date.
      open: countWhere(sql`${commitments.status} in ('open', 'in_progress') and not ${pastDue}`).as("open"),
      overdue: countWhere(sql`${commitments.status} in ('open', 'in_progress') and ${pastDue}`).as("overdue"),
      dropped: countWhere(sql`${commitments.status} = 'dropped'`).as("dropped"),
    })
    .from(commitments)
    .where(ofPeriod(commitments, period))
    .groupBy(commitments.ownerId)
    .as("by_owner");
  const [row] = await db
    .select({
      ownerIds: list(byOwner.ownerId),
      done: numbers(byOwner.done),
      open: numbers(byOwner.open),
      overdue: numbers(byOwner.overdue),
      dropped: numbers(byOwner.dropped),
    })
    .from(byOwner);
  return (row?.ownerIds ?? []).flatMap((ownerId, i) =>
    commitmentStates.filter((state) => row![state]![i]! > 0).map((state) => ({ ownerId, state, count: row![state]![i]! })),
  );
}

/**
 * Moments their authors let count (their copy is null otherwise), per kind and journey stage with the
 * distinct people who wrote them. Moments from before stages were asked have none and are no theme.
 * All four columns are in the index: the database reads no table rows.
 */
async function momentThemes(period: Period): Promise<EngagementFigures["themes"]> {
  const db = await getDb();
  const byAuthor = db
    .select({
      kind: reflectionMoments.kind,
      stage: reflectionMoments.journeyStage,
      authorId: reflectionMoments.authorId,
      moments: sql<number>`count(*)::int`.as("moments"),
    })
    .from(reflectionMoments)
    .where(and(ofPeriod(reflectionMoments, period), isNotNull(reflectionMoments.journeyStage)))
    .groupBy(reflectionMoments.kind, reflectionMoments.journeyStage, reflectionMoments.authorId)
    .as("by_author");
  const rows = await db
    .select({ kind: byAuthor.kind, stage: byAuthor.stage, authorIds: list(byAuthor.authorId), moments: sql<number>`sum(${byAuthor.moments})::int` })
    .from(byAuthor)
    .groupBy(byAuthor.kind, byAuthor.stage);
  return rows.map((row) => ({ kind: row.kind, stage: row.stage!, authorIds: row.authorIds ?? [], moments: row.moments }));
}

/**
 * The period's commitments whose loop was closed (always done ones: a database check), per owner, with how
 * many of those told the customer and the frontline host.
 */
async function loopsByOwner(period: Period): Promise<EngagementFigures["loops"]> {
  const db = await getDb();
  const byOwner = db
    .select({
      ownerId: commitments.ownerId,
      closed: sql<number>`count(*)::int`.as("closed"),
      customerTold: countWhere(sql`${commitments.customerTold}`).as("customer_told"),
      frontlineTold: countWhere(sql`${commitments.frontlineTold}`).as("frontline_told"),
    })
    .from(commitments)
    // commitments_summary_loops_idx's own predicate: only the closed ones are read, from the index alone.
    .where(and(ofPeriod(commitments, period), isNotNull(commitments.loopClosedAt)))
    .groupBy(commitments.ownerId)
    .as("by_owner");
  const [row] = await db
    .select({ ownerIds: list(byOwner.ownerId), closed: numbers(byOwner.closed), customerTold: numbers(byOwner.customerTold), frontlineTold: numbers(byOwner.frontlineTold) })
    .from(byOwner);
  return (row?.ownerIds ?? []).map((ownerId, i) => ({ ownerId, closed: row!.closed![i]!, customerTold: row!.customerTold![i]!, frontlineTold: row!.frontlineTold![i]! }));
}

/**
 * Counts for the period; `today` ("yyyy-MM-dd", the organisation's calendar) decides what is overdue.
 * They run at once: on a server, on as many connections as the pool gives.
 */
export async function loadEngagementFigures(period: Period, today: string): Promise<EngagementFigures> {
  const [executives, { reflections: reflectionCounts, scores }, emotions, commitmentCounts, themes, loops] = await Promise.all([
    executiveExposure(period),
    reflectionsAndScores(period),
    emotionsReported(period),
    commitmentsByOwner(period, today),
    momentThemes(period),
    loopsByOwner(period),
  ]);
  return { executives, reflections: reflectionCounts, emotions, commitments: commitmentCounts, scores, themes, loops };
}
