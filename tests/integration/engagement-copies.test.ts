import { and, eq, sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import type { JourneyStage, MomentKind } from "@/db/enums";
import { commitments, events, participations, reflectionEmotions, reflectionMoments, reflections } from "@/db/schema";
import { loadEngagementFigures } from "@/lib/engagement/data";
import { parseQuarter, type EngagementFigures, type Quarter } from "@/lib/engagement/summary";
import { createReflection } from "@/lib/reflections/mutations";
import type { Emotion } from "@/lib/reflections/schema";
import { structuredReflection } from "../support/reflections";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";
import { structuredSafari, type Writer } from "../support/structured-safari";

/*
 * The summary reads `summary_at`, a copy the database's triggers keep on participations, reflections,
 * emotions, moments and commitments (db/migrations/0009, 0017). After every kind of change to what those copies come
 * from, two things must hold: no copy differs from what its sources say now, and the summary's figures
 * equal the same figures counted from the tables of record (joins through events, as before the copies).
 */
const berlin = "Europe/Berlin";
const today = "2026-10-15";
const quarters = ["2026-Q2", "2026-Q3"].map((key) => parseQuarter(key, berlin)!);
// Where the structured reflections below are written (and moved to), apart from the rows above.
const [q1, q4] = ["2026-Q1", "2026-Q4"].map((key) => parseQuarter(key, berlin)!) as [Quarter, Quarter];

/** The rows of a raw query: postgres.js returns them as an array, PGlite under `rows`. */
async function query<T>(statement: SQL): Promise<T[]> {
  const result = (await (await getDb()).execute(statement)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? [...result] : result.rows;
}

/** Rows whose copy is not what their sources say now, per table (all zero when the triggers did their work). */
async function staleCopies() {
  const [row] = await query<Record<string, number>>(sql`select
    (select count(*)::int from participations p join events e on e.id = p.event_id
      where p.summary_at is distinct from case when p.status = 'attended' and e.status <> 'cancelled' then e.start_at end) as participations,
    (select count(*)::int from reflections r join events e on e.id = r.event_id
      where r.summary_at is distinct from case when e.status <> 'cancelled' then e.start_at end) as reflections,
    (select count(*)::int from reflection_emotions re join reflections r on r.id = re.reflection_id join events e on e.id = r.event_id
      where re.author_id is distinct from r.author_id
         or re.summary_at is distinct from case when e.status <> 'cancelled' and r.visibility in ('cx_team', 'anonymised') then e.start_at end) as emotions,
    (select count(*)::int from commitments c join reflections r on r.id = c.reflection_id join events e on e.id = r.event_id
      where c.summary_at is distinct from case when e.status <> 'cancelled' then e.start_at end) as commitments,
    (select count(*)::int from reflection_moments m join reflections r on r.id = m.reflection_id join events e on e.id = r.event_id
      where m.author_id is distinct from r.author_id or m.event_id is distinct from r.event_id or m.visibility is distinct from r.visibility
         or m.occurred_at is distinct from e.start_at
         or m.summary_at is distinct from case when e.status <> 'cancelled' and r.visibility in ('cx_team', 'anonymised') then e.start_at end) as moments`);
  return row;
}

/** The summary's figures counted from the tables of record alone, without the copies. */
async function countedFromRecords({ start, end }: { start: Date; end: Date }): Promise<EngagementFigures> {
  const ofPeriod = sql`e.start_at >= ${start.toISOString()}::timestamptz and e.start_at < ${end.toISOString()}::timestamptz and e.status <> 'cancelled'`;
  const executives = await query<EngagementFigures["executives"][number]>(sql`
    select u.id, x.department, x.seniority, coalesce(a.safaris, 0)::int as safaris, coalesce(a.hours, 0)::float8 as hours
    from users u left join executive_profiles x on x.user_id = u.id
    left join (
      select p.executive_id, count(*)::int as safaris, (sum(extract(epoch from e.end_at - e.start_at)) / 3600)::float8 as hours
      from participations p join events e on e.id = p.event_id where p.status = 'attended' and ${ofPeriod} group by p.executive_id
    ) a on a.executive_id = u.id
    where u.role = 'executive'`);
  const reflectionRows = await query<EngagementFigures["reflections"][number]>(sql`
    select r.author_id as "authorId", count(*)::int as count from reflections r join events e on e.id = r.event_id where ${ofPeriod} group by r.author_id`);
  const emotions = await query<EngagementFigures["emotions"][number]>(sql`
    select re.emotion, array_agg(distinct r.author_id::text) as "authorIds", count(*)::int as reports, sum(re.intensity)::int as "intensitySum"
    from reflection_emotions re join reflections r on r.id = re.reflection_id join events e on e.id = r.event_id
    where r.visibility in ('cx_team', 'anonymised') and ${ofPeriod} group by re.emotion`);
  const commitmentRows = await query<EngagementFigures["commitments"][number]>(sql`
    select c.owner_id as "ownerId",
      -- In progress is still to keep: open, or overdue past its due date (as the summary counts it).
      case when c.status in ('open', 'in_progress') then case when c.due_on < ${today}::date then 'overdue' else 'open' end else c.status::text end as state,
      count(*)::int as count
    from commitments c join reflections r on r.id = c.reflection_id join events e on e.id = r.event_id
    where ${ofPeriod} group by 1, 2`);
  const scores = await query<EngagementFigures["scores"][number]>(sql`
    select r.author_id as "authorId", coalesce(sum(r.empathy_shift), 0)::float8 as "shiftSum", count(r.empathy_shift)::int as "shiftCount",
      coalesce(sum(r.surprise_score), 0)::int as "surpriseSum", count(r.surprise_score)::int as "surpriseCount"
    from reflections r join events e on e.id = r.event_id
    where r.visibility in ('cx_team', 'anonymised') and ${ofPeriod}
    group by r.author_id having count(r.empathy_shift) > 0 or count(r.surprise_score) > 0`);
  const themes = await query<EngagementFigures["themes"][number]>(sql`
    select m.kind::text as kind, m.journey_stage::text as stage, array_agg(distinct r.author_id::text) as "authorIds", count(*)::int as moments
    from reflection_moments m join reflections r on r.id = m.reflection_id join events e on e.id = r.event_id
    where r.visibility in ('cx_team', 'anonymised') and m.journey_stage is not null and ${ofPeriod} group by 1, 2`);
  const loops = await query<EngagementFigures["loops"][number]>(sql`
    select c.owner_id as "ownerId", count(*)::int as closed,
      (count(*) filter (where c.customer_told))::int as "customerTold", (count(*) filter (where c.frontline_told))::int as "frontlineTold"
    from commitments c join reflections r on r.id = c.reflection_id join events e on e.id = r.event_id
    where c.loop_closed_at is not null and ${ofPeriod} group by 1`);
  return { executives, reflections: reflectionRows, emotions, commitments: commitmentRows, scores, themes, loops };
}

const sortedFigures = (figures: EngagementFigures) => {
  const by = <T>(key: (row: T) => string) => (rows: T[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    executives: by<EngagementFigures["executives"][number]>((row) => row.id)(figures.executives),
    reflections: by<EngagementFigures["reflections"][number]>((row) => row.authorId)(figures.reflections),
    emotions: by<EngagementFigures["emotions"][number]>((row) => row.emotion)(figures.emotions).map((row) => ({ ...row, authorIds: [...row.authorIds].sort() })),
    commitments: by<EngagementFigures["commitments"][number]>((row) => `${row.ownerId} ${row.state}`)(figures.commitments),
    scores: by<EngagementFigures["scores"][number]>((row) => row.authorId)(figures.scores),
    themes: by<EngagementFigures["themes"][number]>((row) => `${row.kind} ${row.stage}`)(figures.themes).map((row) => ({ ...row, authorIds: [...row.authorIds].sort() })),
    loops: by<EngagementFigures["loops"][number]>((row) => row.ownerId)(figures.loops),
  };
};

async function expectCopiesTrue() {
  expect(await staleCopies()).toEqual({ participations: 0, reflections: 0, emotions: 0, commitments: 0, moments: 0 });
  for (const quarter of [...quarters, q1, q4]) {
    expect(sortedFigures(await loadEngagementFigures(quarter, today))).toEqual(sortedFigures(await countedFromRecords(quarter)));
  }
}

let organizerId: string;
let executives: { id: string }[];

/** A completed two-hour safari at `start` that `people` attended, each reflecting with one emotion and one commitment. */
async function safari(start: string, people: { id: string; emotion: Emotion }[]) {
  const db = await getDb();
  const startAt = new Date(start);
  const event = await makeEvent(organizerId, { startAt, endAt: new Date(startAt.getTime() + 2 * 3_600_000), seats: 12, status: "completed" });
  const reflectionIds: string[] = [];
  for (const person of people) {
    const [participation] = await db.insert(participations).values({ eventId: event.id, executiveId: person.id, status: "attended", source: "matched" }).returning();
    reflectionIds.push(
      await createReflection(
        person.id,
        structuredReflection(participation!.id, { ouch: "Waited forty minutes on hold", aah: "The agent called back", emotion: person.emotion, intensity: 3, commitment: "Call back within the hour", dueOn: "2026-09-30" }),
      ),
    );
  }
  return { event, reflectionIds };
}

beforeAll(async () => {
  organizerId = (await makeUser("organizer")).id;
  executives = [];
  for (let i = 0; i < 6; i++) executives.push(await makeExecutive({ department: i < 3 ? "Sales" : "Service" }));
});

describe("the summary's copies (summary_at) follow every change to what they copy", () => {
  it("when rows are written, and when safaris move, are cancelled and come back", async () => {
    const db = await getDb();
    const { event } = await safari("2026-08-04T07:00:00Z", executives.slice(0, 4).map((e) => ({ id: e.id, emotion: "frustrated" as const })));
    await safari("2026-05-12T07:00:00Z", executives.slice(2, 6).map((e) => ({ id: e.id, emotion: "moved" as const })));
    await expectCopiesTrue();
    expect((await countedFromRecords(quarters[1]!)).reflections).toHaveLength(4);

    // Moved from Q3 into Q2 (its participations, reflections, emotions and commitments go with it).
    await db
      .update(events)
      .set({ startAt: new Date("2026-06-30T20:00:00Z"), endAt: new Date("2026-06-30T22:00:00Z") })
      .where(eq(events.id, event.id));
    await expectCopiesTrue();
    expect((await loadEngagementFigures(quarters[1]!, today)).reflections).toEqual([]);

    // Cancelled: counts nowhere. Brought back: counts again.
    await db.update(events).set({ status: "cancelled", cancelledAt: new Date("2026-06-01T00:00:00Z"), cancellationReason: "The host fell ill." }).where(eq(events.id, event.id));
    await expectCopiesTrue();
    expect((await loadEngagementFigures(quarters[0]!, today)).reflections).toHaveLength(4);
    await db.update(events).set({ status: "completed", cancelledAt: null, cancellationReason: null }).where(eq(events.id, event.id));
    await expectCopiesTrue();
    expect((await loadEngagementFigures(quarters[0]!, today)).emotions.reduce((sum, row) => sum + row.reports, 0)).toBe(8);
  });

  it("when reflections change hands or visibility, emotions and commitments change, and rows go", async () => {
    const db = await getDb();
    const { event, reflectionIds } = await safari("2026-09-01T07:00:00Z", executives.slice(0, 5).map((e) => ({ id: e.id, emotion: "worried" as const })));
    const [first, second, third, fourth] = reflectionIds as [string, string, string, string];

    await db.update(reflections).set({ visibility: "private" }).where(eq(reflections.id, first));
    await expectCopiesTrue();
    await db.update(reflections).set({ visibility: "anonymised" }).where(eq(reflections.id, first));
    await db.update(reflections).set({ authorId: executives[5]!.id }).where(eq(reflections.id, second));
    await expectCopiesTrue();

    await db.insert(reflectionEmotions).values({ reflectionId: third, emotion: "hopeful", intensity: 5 });
    await db.update(reflectionEmotions).set({ intensity: 1 }).where(eq(reflectionEmotions.reflectionId, fourth));
    await db.update(commitments).set({ status: "done", doneAt: new Date("2026-09-10T09:00:00Z") }).where(eq(commitments.reflectionId, first));
    await db.update(commitments).set({ status: "dropped" }).where(eq(commitments.reflectionId, second));
    // In progress is still to keep (counted open, or overdue past its due date).
    await db.update(commitments).set({ status: "in_progress" }).where(eq(commitments.reflectionId, fourth));
    await expectCopiesTrue();

    // A participation no longer attended, a reflection deleted (its emotions and commitments with it).
    await db.update(participations).set({ status: "no_show" }).where(eq(participations.eventId, event.id));
    await db.delete(reflections).where(eq(reflections.id, third));
    await expectCopiesTrue();
    expect((await loadEngagementFigures(quarters[1]!, today)).executives.every((row) => row.safaris === 0)).toBe(true);
  });
});

const themesOf = async (quarter: Quarter, kind: MomentKind, stage: JourneyStage) =>
  (await loadEngagementFigures(quarter, today)).themes.find((row) => row.kind === kind && row.stage === stage)?.authorIds.sort() ?? [];

describe("moments' copies, empathy, surprise and loops follow every change too", () => {
  it("counts moments only while their authors let them count, wherever and whenever their safari is", async () => {
    const db = await getDb();
    const writers: Writer[] = executives.map((executive, i) => ({
      id: executive.id,
      visibility: i === 0 ? "private" : i === 1 ? "anonymised" : "cx_team",
      moments: [
        { kind: "ouch", stage: "get_help" },
        { kind: "aah", stage: "use" },
        { kind: "ouch", stage: null },
      ],
      loop: i < 4 ? { customerTold: i % 2 === 0, frontlineTold: true } : undefined,
    }));
    const { event, reflectionIds } = await structuredSafari(organizerId, "2026-11-10T08:00:00Z", writers);
    await expectCopiesTrue();
    // Q4: the private one's moments never count, the anonymised one's do.
    const sharing = executives.slice(1).map((e) => e.id).sort();
    expect(await themesOf(q4, "ouch", "get_help")).toEqual(sharing);
    const figures = await loadEngagementFigures(q4, today);
    expect(figures.scores.map((row) => row.authorId).sort()).toEqual(sharing);
    expect(figures.scores.every((row) => row.shiftSum === 2 && row.surpriseSum === 4)).toBe(true);
    expect(figures.loops.reduce((sum, row) => sum + row.closed, 0)).toBe(4);

    // Visibility changes both ways.
    await db.update(reflections).set({ visibility: "cx_team" }).where(eq(reflections.id, reflectionIds[0]!));
    await db.update(reflections).set({ visibility: "private" }).where(eq(reflections.id, reflectionIds[1]!));
    await expectCopiesTrue();
    expect(await themesOf(q4, "aah", "use")).toEqual([executives[0]!.id, ...executives.slice(2).map((e) => e.id)].sort());

    // Moved into Q1, cancelled, brought back.
    await db
      .update(events)
      .set({ startAt: new Date("2026-02-03T08:00:00Z"), endAt: new Date("2026-02-03T10:00:00Z") })
      .where(eq(events.id, event.id));
    await expectCopiesTrue();
    expect((await loadEngagementFigures(q4, today)).themes).toEqual([]);
    await db.update(events).set({ status: "cancelled", cancelledAt: new Date("2026-02-01T00:00:00Z"), cancellationReason: "The host fell ill." }).where(eq(events.id, event.id));
    await expectCopiesTrue();
    expect(await loadEngagementFigures(q1, today)).toMatchObject({ themes: [], scores: [], loops: [] });
    // Moved while cancelled: the moments' occurred_at follows though nothing else changes.
    await db
      .update(events)
      .set({ startAt: new Date("2026-02-04T08:00:00Z"), endAt: new Date("2026-02-04T10:00:00Z") })
      .where(eq(events.id, event.id));
    await expectCopiesTrue();
    await db.update(events).set({ status: "completed", cancelledAt: null, cancellationReason: null }).where(eq(events.id, event.id));
    await expectCopiesTrue();
    expect(await themesOf(q1, "ouch", "get_help")).toHaveLength(5);

    // Moments rewritten, a reflection changing hands, a loop closed later.
    await db.update(reflectionMoments).set({ journeyStage: "pay", kind: "ouch" }).where(eq(reflectionMoments.reflectionId, reflectionIds[2]!));
    await db.delete(reflectionMoments).where(and(eq(reflectionMoments.reflectionId, reflectionIds[3]!), eq(reflectionMoments.position, 0)));
    await db.update(reflections).set({ authorId: executives[1]!.id }).where(eq(reflections.id, reflectionIds[4]!));
    await db
      .update(commitments)
      .set({ status: "done", doneAt: new Date("2026-03-01T09:00:00Z"), loopClosedAt: new Date("2026-03-02T09:00:00Z"), loopClosedNote: "Done.", customerTold: true })
      .where(eq(commitments.reflectionId, reflectionIds[5]!));
    await expectCopiesTrue();
  });

  it("would notice a propagation missing: without it, copies go stale and the figures stop matching the records", async () => {
    const db = await getDb();
    const { reflectionIds } = await structuredSafari(
      organizerId,
      "2026-11-24T08:00:00Z",
      executives.map((e) => ({ id: e.id, visibility: "cx_team" as const, moments: [{ kind: "aah" as const, stage: "buy" as const }] })),
    );
    await expectCopiesTrue();
    const [saved] = await query<{ definition: string }>(sql`select pg_get_functiondef('reflections_propagate_summary_at'::regproc) as definition`);
    expect(saved!.definition).toContain("UPDATE reflection_moments");
    try {
      // The function as it was before moments: emotions and commitments only.
      await db.execute(
        sql.raw(saved!.definition.replace(/^\s*UPDATE reflection_moments[^;]*;\s*$/m, "")),
      );
      await db.update(reflections).set({ visibility: "private" }).where(eq(reflections.id, reflectionIds[0]!));
      expect((await staleCopies())!.moments).toBe(1);
      expect(await themesOf(q4, "aah", "buy")).toHaveLength(6);
      await expect(expectCopiesTrue()).rejects.toThrow();
    } finally {
      await db.execute(sql.raw(saved!.definition));
      await db.update(reflectionMoments).set({ position: sql`${reflectionMoments.position}` }).where(eq(reflectionMoments.reflectionId, reflectionIds[0]!));
    }
    await expectCopiesTrue();
    expect(await themesOf(q4, "aah", "buy")).toHaveLength(5);
  });
});
