import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { mulberry32 } from "../matching/generate";

/*
 * `npm run bench:match-runs`: a match run at production size against a PostgreSQL server. Loads 2,000
 * executives × 500 safaris (fixed seed) into a fresh database on the server in DATABASE_URL, through the
 * app's migrations and schema, then times what an organizer waits for:
 *   - gathering the input, solving and storing a run (createRun)        target ≤ 5 s
 *   - publishing it: invitations, notices, outcomes (publishRun)        target ≤ 2 s
 * The database is dropped afterwards (keep it with --keep). Needs a server: `eval "$(bash .ci/postgres.sh start)"`
 * then `DATABASE_URL=$SAFARI_PG_URL/postgres npm run bench:match-runs`.
 */

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('Set DATABASE_URL to a PostgreSQL server (e.g. eval "$(bash .ci/postgres.sh start)"; DATABASE_URL=$SAFARI_PG_URL/postgres).');
  process.exit(2);
}
const keep = process.argv.includes("--keep");
const size = { executives: 2_000, events: 500 };
const targets = { runMs: 5_000, publishMs: 2_000 };
const seed = 20_260_401;

const databaseName = `safari_bench_${randomBytes(4).toString("hex")}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${databaseName}`);
const url = new URL(serverUrl);
url.pathname = `/${databaseName}`;
process.env.DATABASE_URL = url.toString();

// Imported only now: the database module reads DATABASE_URL once.
const { getDb } = await import("@/db");
const schema = await import("@/db/schema");
const { createRun, publishRun } = await import("@/lib/match-runs/mutations");
const { gatherInput } = await import("@/lib/match-runs/gather");
const { listMatchableEvents } = await import("@/lib/match-runs/data");

const zone = "Europe/Berlin";
const dayMs = 86_400_000;
const hourMs = 3_600_000;
const rng = mulberry32(seed);
const int = (min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)]!;
const chunked = async <T>(rows: T[], insert: (part: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += 1_000) await insert(rows.slice(i, i + 1_000));
};
const uuid = () => crypto.randomUUID();

const departments = ["Sales", "Operations", "IT", "Finance", "Marketing", "Customer Service", "HR", "Legal", "Product", "Logistics"];
const zones = ["Europe/Berlin", "Europe/Athens", "America/New_York", "Asia/Singapore"];
const languages = ["de", "en", "el", "fr", "es"];
const types = ["call_listening", "customer_breakfast", "service_desk_day", "customer_event", "home_visit", "store_visit"] as const;
const seniorities = ["c_level", "vp", "director"] as const;

const now = new Date();
// The period: today and the next 90 days; its safaris start from the day after tomorrow on.
const dayStart = new Date(Math.floor(now.getTime() / dayMs) * dayMs);
const period = { start: dayStart, end: new Date(dayStart.getTime() + 91 * dayMs) };

try {
  const db = await getDb();
  const loadStarted = performance.now();
  const organizerId = uuid();
  await db.insert(schema.users).values({ id: organizerId, email: "bench-organizer@bench.example", name: "Bench Organizer", passwordHash: "-", role: "organizer" });
  const personaRows = ["Young families", "Seniors", "Small business owners", "Students", "Commuters", "Premium customers"].map((name) => ({ id: uuid(), name }));
  await db.insert(schema.personas).values(personaRows);

  const executives = Array.from({ length: size.executives }, (_, i) => ({
    id: uuid(),
    email: `x${i}@bench.example`,
    name: `Executive ${String(i).padStart(4, "0")}`,
    passwordHash: "-",
    role: "executive" as const,
    timeZone: pick(zones),
  }));
  await chunked(executives, (part) => db.insert(schema.users).values(part));
  await chunked(executives, (part) =>
    db.insert(schema.executiveProfiles).values(
      part.map((e) => ({
        userId: e.id,
        department: pick(departments),
        seniority: pick(seniorities),
        languages: [...new Set(["en", pick(languages)])],
        cadencePerQuarter: pick([1, 1, 1, 2, 2, 3]),
        monthlyCap: pick([1, 2, 2]),
        preferredTypes: rng() < 0.5 ? [pick(types)] : [],
      })),
    ),
  );
  const blackouts = executives.filter(() => rng() < 0.15).map((e) => {
    const start = period.start.getTime() + int(0, 80) * dayMs;
    return { userId: e.id, startAt: new Date(start), endAt: new Date(start + int(1, 10) * dayMs), timeZone: zone };
  });
  await chunked(blackouts, (part) => db.insert(schema.executiveBlackouts).values(part));

  // History: 300 completed safaris of the last year, each attended by up to 6 executives.
  const makeEvent = (start: number, status: "published" | "completed") => {
    const type = pick(types);
    return {
      id: uuid(),
      type,
      title: `${type.replaceAll("_", " ")} ${int(1, 9999)}`,
      startAt: new Date(start),
      endAt: new Date(start + int(1, 4) * hourMs),
      timeZone: zone,
      seats: int(1, 6),
      status,
      organizerId,
    };
  };
  const past = Array.from({ length: 300 }, () => makeEvent(now.getTime() - int(2, 365) * dayMs + int(7, 14) * hourMs, "completed"));
  const future = Array.from({ length: size.events }, () => makeEvent(dayStart.getTime() + int(2, 89) * dayMs + int(6 * 4, 14 * 4) * (hourMs / 4), "published"));
  await chunked([...past, ...future], (part) => db.insert(schema.events).values(part));
  const eventPersonaRows = [...past, ...future].flatMap((event) => [{ eventId: event.id, personaId: pick(personaRows).id }]);
  await chunked(eventPersonaRows, (part) => db.insert(schema.eventPersonas).values(part).onConflictDoNothing());

  const attended = past.flatMap((event) => {
    const seen = new Set<string>();
    for (let k = int(1, event.seats); k > 0; k--) seen.add(pick(executives).id);
    return [...seen].map((executiveId) => ({ eventId: event.id, executiveId, status: "attended" as const, source: "signed_up" as const }));
  });
  // A sixth of the future safaris have a sign-up already (one executive each, never twice at one time).
  const confirmed = future.filter(() => rng() < 0.15).map((event) => ({ eventId: event.id, executiveId: pick(executives).id, status: "confirmed" as const, source: "signed_up" as const }));
  const booked = new Map<string, { start: number; end: number }[]>();
  const eventsById = new Map([...past, ...future].map((event) => [event.id, event]));
  const fits = (row: { eventId: string; executiveId: string }) => {
    const event = eventsById.get(row.eventId)!;
    const mine = booked.get(row.executiveId) ?? [];
    if (mine.some((b) => b.start < event.endAt.getTime() && event.startAt.getTime() < b.end)) return false;
    booked.set(row.executiveId, [...mine, { start: event.startAt.getTime(), end: event.endAt.getTime() }]);
    return true;
  };
  const participations = [...attended, ...confirmed].filter(fits);
  await chunked(participations, (part) => db.insert(schema.participations).values(part));
  const loadMs = performance.now() - loadStarted;

  // What the page offers: every safari of the period with a seat free, all ticked.
  const eventIds = (await listMatchableEvents(period, now)).map((event) => event.id);
  const gatherStarted = performance.now();
  const gathered = await gatherInput(db, { period, now, zone, eventIds });
  const gatherMs = performance.now() - gatherStarted;

  const runStarted = performance.now();
  const runId = await createRun(organizerId, { period, eventIds }, now, zone);
  const runMs = performance.now() - runStarted;
  const [run] = await db.select().from(schema.matchRuns).where(eq(schema.matchRuns.id, runId));

  const publishStarted = performance.now();
  const published = await publishRun(organizerId, runId, 5, new Date());
  const publishMs = performance.now() - publishStarted;

  const ms = (n: number) => `${Math.round(n).toLocaleString("en")} ms`;
  const met = (value: number, target: number) => (value <= target ? "met" : "NOT met");
  console.log(`Match runs at production size, ${new Date().toISOString().slice(0, 10)} (${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)})`);
  console.log(`  data: ${size.executives.toLocaleString("en")} executives × ${size.events} safaris in the period (${eventIds.length} with a seat free), ${participations.length.toLocaleString("en")} participations, ${blackouts.length} blackouts (seed ${seed}); loaded in ${ms(loadMs)}`);
  console.log(`  gather alone: ${ms(gatherMs)} (${gathered.input.executives.length} executives, ${gathered.input.events.length} events)`);
  console.log(`  run (gather + solve + store): ${ms(runMs)}, of which the matcher ${ms(run!.solveMs)}; ${run!.coverageBefore} → ${run!.coverageAfter} executives at target`);
  console.log(`  publish: ${ms(publishMs)}: ${published.invited.toLocaleString("en")} invitations, ${published.stale} stale`);
  console.log(`  targets: run ≤ ${ms(targets.runMs)}: ${met(runMs, targets.runMs)}; publish ≤ ${ms(targets.publishMs)}: ${met(publishMs, targets.publishMs)}`);
  await db.$close();
  process.exitCode = runMs <= targets.runMs && publishMs <= targets.publishMs ? 0 : 1;
} finally {
  if (!keep) await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
  else console.log(`  kept the database ${databaseName}`);
  await admin.end();
}
