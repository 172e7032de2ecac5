import { eq, sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { commitments, events, participations, reflectionEmotions, reflections } from "@/db/schema";
import { loadEngagementFigures } from "@/lib/engagement/data";
import { parseQuarter, type EngagementFigures } from "@/lib/engagement/summary";
import { createReflection } from "@/lib/reflections/mutations";
import type { Emotion } from "@/lib/reflections/schema";
import { structuredReflection } from "../support/reflections";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

/*
 * The summary reads `summary_at`, a copy the database's triggers keep on participations, reflections,
 * emotions and commitments (db/migrations/0009). After every kind of change to what those copies come
 * from, two things must hold: no copy differs from what its sources say now, and the summary's figures
 * equal the same figures counted from the tables of record (joins through events, as before the copies).
 */
const berlin = "Europe/Berlin";
const today = "2026-10-15";
const quarters = ["2026-Q2", "2026-Q3"].map((key) => parseQuarter(key, berlin)!);

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
      where c.summary_at is distinct from case when e.status <> 'cancelled' then e.start_at end) as commitments`);
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
      case when c.status = 'open' and c.due_on < ${today}::date then 'overdue' else c.status::text end as state, count(*)::int as count
    from commitments c join reflections r on r.id = c.reflection_id join events e on e.id = r.event_id
    where ${ofPeriod} group by 1, 2`);
  return { executives, reflections: reflectionRows, emotions, commitments: commitmentRows };
}

const sortedFigures = (figures: EngagementFigures) => {
  const by = <T>(key: (row: T) => string) => (rows: T[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    executives: by<EngagementFigures["executives"][number]>((row) => row.id)(figures.executives),
    reflections: by<EngagementFigures["reflections"][number]>((row) => row.authorId)(figures.reflections),
    emotions: by<EngagementFigures["emotions"][number]>((row) => row.emotion)(figures.emotions).map((row) => ({ ...row, authorIds: [...row.authorIds].sort() })),
    commitments: by<EngagementFigures["commitments"][number]>((row) => `${row.ownerId} ${row.state}`)(figures.commitments),
  };
};

async function expectCopiesTrue() {
  expect(await staleCopies()).toEqual({ participations: 0, reflections: 0, emotions: 0, commitments: 0 });
  for (const quarter of quarters) {
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
    await expectCopiesTrue();

    // A participation no longer attended, a reflection deleted (its emotions and commitments with it).
    await db.update(participations).set({ status: "no_show" }).where(eq(participations.eventId, event.id));
    await db.delete(reflections).where(eq(reflections.id, third));
    await expectCopiesTrue();
    expect((await loadEngagementFigures(quarters[1]!, today)).executives.every((row) => row.safaris === 0)).toBe(true);
  });
});
