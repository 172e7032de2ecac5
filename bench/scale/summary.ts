import { sql, type SQL } from "drizzle-orm";

/*
 * The leadership summary's own time, in-process against the database the environment names
 * (DATABASE_URL, else PGLITE_DATA_DIR): loadEngagementFigures (lib/engagement/data.ts) and shapeSummary,
 * as app/summary/page.tsx calls them, beside the "floor": the largest single aggregate the summary needs,
 * run raw as one SQL query. Interleaved (summary, floor, summary, floor…) after one round of warm-up,
 * for the current quarter and the one before it. Run with the react-server condition (the data layer
 * imports "server-only"):
 *   node --conditions=react-server --import tsx bench/scale/summary.ts [--runs 9]
 * Prints one line of JSON.
 *
 * The floor is the emotions aggregate: reflection_emotions → reflections → events, filtered to the
 * quarter and to reflections their authors let count, grouped by emotion and author. It reads the most
 * rows of the four (about 2.5 emotions per reflection) and makes the most groups. The other three are
 * timed raw too, for comparison.
 */

export type Timed = { medianMs: number; runsMs: number[] };
export type QuarterTiming = {
  key: string;
  label: string;
  summary: Timed;
  /** The shaping alone (shapeSummary), inside the summary's time. */
  shape: Timed;
  floor: Timed;
  raw: Record<"exposure" | "reflections" | "emotions" | "commitments", Timed>;
  /** What the quarter holds, so loads can be compared: executives, those with contact, reflections, emotion rows. */
  size: { executives: number; withContact: number; reflections: number; emotionGroups: number };
};

const { getDb } = await import("@/db");
const { getEnv } = await import("@/lib/env");
const { loadEngagementFigures } = await import("@/lib/engagement/data");
const { currentQuarter, shapeSummary } = await import("@/lib/engagement/summary");
const { todayIn } = await import("@/lib/reflections/schema");
const { median } = await import("./stats");

type Period = { start: Date; end: Date };
const ofPeriod = ({ start, end }: Period) => sql`e.start_at >= ${start.toISOString()}::timestamptz and e.start_at < ${end.toISOString()}::timestamptz and e.status <> 'cancelled'`;

/** The four aggregates of data.ts, written out by hand. */
const rawQueries: Record<keyof QuarterTiming["raw"], (period: Period, today: string) => SQL> = {
  exposure: (period) => sql`
    select u.id, p.department, p.seniority, coalesce(a.safaris, 0)::int as safaris, coalesce(a.hours, 0)::float8 as hours
    from users u
    left join executive_profiles p on p.user_id = u.id
    left join (
      select pa.executive_id, count(*)::int as safaris, (sum(extract(epoch from e.end_at - e.start_at)) / 3600)::float8 as hours
      from participations pa join events e on e.id = pa.event_id
      where pa.status = 'attended' and ${ofPeriod(period)}
      group by pa.executive_id
    ) a on a.executive_id = u.id
    where u.role = 'executive'`,
  reflections: (period) => sql`
    select r.author_id, count(*)::int as count
    from reflections r join events e on e.id = r.event_id
    where ${ofPeriod(period)}
    group by r.author_id`,
  emotions: (period) => sql`
    select re.emotion, r.author_id, count(*)::int as reports, sum(re.intensity)::int as intensity_sum
    from reflection_emotions re
    join reflections r on r.id = re.reflection_id
    join events e on e.id = r.event_id
    where r.visibility in ('cx_team', 'anonymised') and ${ofPeriod(period)}
    group by re.emotion, r.author_id`,
  commitments: (period, today) => sql`
    select c.owner_id,
      (count(*) filter (where c.status = 'done'))::int as done,
      (count(*) filter (where c.status = 'open' and not c.due_on < ${today}::date))::int as open,
      (count(*) filter (where c.status = 'open' and c.due_on < ${today}::date))::int as overdue,
      (count(*) filter (where c.status = 'dropped'))::int as dropped
    from commitments c
    join reflections r on r.id = c.reflection_id
    join events e on e.id = r.event_id
    where ${ofPeriod(period)}
    group by c.owner_id`,
};
const floorQuery = "emotions" as const;
const rawNames = Object.keys(rawQueries) as (keyof QuarterTiming["raw"])[];

const args = process.argv.slice(2);
const runs = Number(args.includes("--runs") ? args[args.indexOf("--runs") + 1] : 9);
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
  const rawMs = { exposure: [] as number[], reflections: [] as number[], emotions: [] as number[], commitments: [] as number[] };
  let size: QuarterTiming["size"] | undefined;
  // Round 0 warms up (plans, caches, the connection pool) and is not counted.
  for (let round = 0; round <= runs; round++) {
    const started = performance.now();
    const figures = await loadEngagementFigures(period, today);
    const shapeStarted = performance.now();
    shapeSummary(figures);
    const ended = performance.now();
    const floor = await time(() => db.execute(rawQueries[floorQuery](period, today)));
    const raw = { exposure: 0, reflections: 0, emotions: 0, commitments: 0 };
    for (const name of rawNames) raw[name] = await time(() => db.execute(rawQueries[name](period, today)));
    if (round === 0) {
      size = {
        executives: figures.executives.length,
        withContact: figures.executives.filter((e) => e.safaris > 0).length,
        reflections: figures.reflections.reduce((sum, row) => sum + row.count, 0),
        emotionGroups: figures.emotions.length,
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
    raw: { exposure: timed(rawMs.exposure), reflections: timed(rawMs.reflections), emotions: timed(rawMs.emotions), commitments: timed(rawMs.commitments) },
    size: size!,
  });
}
await db.$close();
console.log(JSON.stringify({ kind: db.$kind, runs, quarters }));
