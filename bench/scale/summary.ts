import { sql, type SQL } from "drizzle-orm";

/*
 * The leadership summary's own time, in-process against the database the environment names
 * (DATABASE_URL, else PGLITE_DATA_DIR): loadEngagementFigures (lib/engagement/data.ts) and shapeSummary,
 * as app/summary/page.tsx calls them, beside the "floor": the largest single aggregate the summary needs,
 * run raw as one SQL query. Interleaved (summary, floor, summary, floor…) after one round of warm-up,
 * for the current quarter and the one before it. Run with the react-server condition (the data layer
 * imports "server-only"):
 *   node --conditions=react-server --import tsx bench/scale/summary.ts [--runs 25]
 * Prints one line of JSON.
 *
 * The floor is the emotions aggregate as the summary reads it: reflection_emotions over the period's
 * stretch of its summary index, grouped by emotion with the distinct people who reported each. It reads the
 * most rows of the four (about 2.5 emotions per reflection). The other three are timed raw too, and so is
 * the emotions aggregate counted from the tables of record (reflection_emotions → reflections → events,
 * without the copies the triggers keep): what the summary cost before the copies.
 */

export type Timed = { medianMs: number; runsMs: number[] };
export type QuarterTiming = {
  key: string;
  label: string;
  summary: Timed;
  /** The shaping alone (shapeSummary), inside the summary's time. */
  shape: Timed;
  floor: Timed;
  raw: Record<"exposure" | "reflections" | "emotions" | "commitments" | "emotionsFromRecords", Timed>;
  /** What the quarter holds, so loads can be compared: executives, those with contact, reflections, emotion rows. */
  size: { executives: number; withContact: number; reflections: number; emotionReports: number };
};

const { getDb } = await import("@/db");
const { getEnv } = await import("@/lib/env");
const { loadEngagementFigures } = await import("@/lib/engagement/data");
const { currentQuarter, shapeSummary } = await import("@/lib/engagement/summary");
const { todayIn } = await import("@/lib/reflections/schema");
const { median } = await import("./stats");

type Period = { start: Date; end: Date };
const during = (column: string, { start, end }: Period) =>
  sql`${sql.raw(column)} >= ${start.toISOString()}::timestamptz and ${sql.raw(column)} < ${end.toISOString()}::timestamptz`;

/** The four aggregates of data.ts, written out by hand, and the emotions counted from the tables of record. */
const rawQueries: Record<keyof QuarterTiming["raw"], (period: Period, today: string) => SQL> = {
  exposure: (period) => sql`
    select x.department, x.seniority, string_agg(u.id::text, ',') as ids, string_agg(coalesce(a.safaris, 0)::text, ',') as safaris,
      string_agg(coalesce(a.hours, 0)::text, ',') as hours
    from users u
    left join executive_profiles x on x.user_id = u.id
    left join (
      select p.executive_id, count(*)::int as safaris, (extract(epoch from sum(upper(p.during) - lower(p.during))) / 3600)::float8 as hours
      from participations p
      where ${during("p.summary_at", period)}
      group by p.executive_id
    ) a on a.executive_id = u.id
    where u.role = 'executive'
    group by x.department, x.seniority`,
  reflections: (period) => sql`
    select string_agg(t.author_id::text, ',') as author_ids, string_agg(t.count::text, ',') as counts
    from (select r.author_id, count(*)::int as count from reflections r where ${during("r.summary_at", period)} group by r.author_id) t`,
  emotions: (period) => sql`
    select t.emotion, string_agg(t.author_id::text, ',') as author_ids, sum(t.reports)::int as reports, sum(t.intensity_sum)::int as intensity_sum
    from (
      select re.emotion, re.author_id, count(*)::int as reports, sum(re.intensity)::int as intensity_sum
      from reflection_emotions re
      where ${during("re.summary_at", period)}
      group by re.emotion, re.author_id
    ) t
    group by t.emotion`,
  commitments: (period, today) => sql`
    select string_agg(t.owner_id::text, ',') as owner_ids, string_agg(t.done::text, ',') as done, string_agg(t.open::text, ',') as open,
      string_agg(t.overdue::text, ',') as overdue, string_agg(t.dropped::text, ',') as dropped
    from (
      select c.owner_id,
        (count(*) filter (where c.status = 'done'))::int as done,
        (count(*) filter (where c.status = 'open' and not c.due_on < ${today}::date))::int as open,
        (count(*) filter (where c.status = 'open' and c.due_on < ${today}::date))::int as overdue,
        (count(*) filter (where c.status = 'dropped'))::int as dropped
      from commitments c
      where ${during("c.summary_at", period)}
      group by c.owner_id
    ) t`,
  emotionsFromRecords: (period) => sql`
    select re.emotion, string_agg(distinct r.author_id::text, ',') as author_ids, count(*)::int as reports, sum(re.intensity)::int as intensity_sum
    from reflection_emotions re
    join reflections r on r.id = re.reflection_id
    join events e on e.id = r.event_id
    where r.visibility in ('cx_team', 'anonymised') and ${during("e.start_at", period)} and e.status <> 'cancelled'
    group by re.emotion`,
};
const floorQuery = "emotions" as const;
const rawNames = Object.keys(rawQueries) as (keyof QuarterTiming["raw"])[];

const args = process.argv.slice(2);
const runs = Number(args.includes("--runs") ? args[args.indexOf("--runs") + 1] : 25);
const zone = getEnv().ORG_TIME_ZONE;
const now = new Date();
const today = todayIn(zone, now);
const current = currentQuarter(now, zone);
const previous = currentQuarter(new Date(current.start.getTime() - 1), zone);
const db = await getDb();

const time = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};
const timed = (runsMs: number[]): Timed => ({ medianMs: median([...runsMs].sort((a, b) => a - b)), runsMs });

const quarters: QuarterTiming[] = [];
for (const quarter of [current, previous]) {
  const period = { start: quarter.start, end: quarter.end };
  const summaryMs: number[] = [];
  const shapeMs: number[] = [];
  const floorMs: number[] = [];
  const rawMs = Object.fromEntries(rawNames.map((name) => [name, [] as number[]])) as Record<(typeof rawNames)[number], number[]>;
  let size: QuarterTiming["size"] | undefined;
  // Round 0 warms up (plans, caches, the connection pool) and is not counted.
  for (let round = 0; round <= runs; round++) {
    const started = performance.now();
    const figures = await loadEngagementFigures(period, today);
    const shapeStarted = performance.now();
    shapeSummary(figures);
    const ended = performance.now();
    const floor = await time(() => db.execute(rawQueries[floorQuery](period, today)));
    const raw = {} as Record<(typeof rawNames)[number], number>;
    for (const name of rawNames) raw[name] = await time(() => db.execute(rawQueries[name](period, today)));
    if (round === 0) {
      size = {
        executives: figures.executives.length,
        withContact: figures.executives.filter((e) => e.safaris > 0).length,
        reflections: figures.reflections.reduce((sum, row) => sum + row.count, 0),
        emotionReports: figures.emotions.reduce((sum, row) => sum + row.reports, 0),
      };
      continue;
    }
    summaryMs.push(ended - started);
    shapeMs.push(ended - shapeStarted);
    floorMs.push(floor);
    for (const name of rawNames) rawMs[name].push(raw[name]);
  }
  quarters.push({
    key: quarter.key,
    label: quarter.label,
    summary: timed(summaryMs),
    shape: timed(shapeMs),
    floor: timed(floorMs),
    raw: Object.fromEntries(rawNames.map((name) => [name, timed(rawMs[name])])) as QuarterTiming["raw"],
    size: size!,
  });
}
await db.$close();
console.log(JSON.stringify({ kind: db.$kind, runs, quarters }));
