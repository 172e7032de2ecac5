import "server-only";
import { PgBoss, fromPglite, type PGliteLike } from "pg-boss";
import { getDb } from "@/db";
import { getEnv } from "@/lib/env";
import { appJobClock, type Clock } from "./clock";
import { scheduledJobs, type ScheduledJob } from "./schedules";

/*
 * The job runner: pg-boss on the app's database, started with the server (lib/startup.ts) after our
 * migrations ran, so its own schema ("pgboss", created and migrated by pg-boss itself) sits beside ours.
 *
 * - PGlite: pg-boss runs on the app's one PGlite instance (a second one over the same folder is not
 *   allowed). PGlite serialises every statement and transaction, so pg-boss's polls wait for the app's
 *   transactions and never interleave with them.
 * - Postgres server: pg-boss keeps a small pool of its own (node-postgres, its tested path). Handing it
 *   the app's postgres.js client would not do: drizzle rewires that client's type parsers (timestamps come
 *   back as strings, JSON parameters are passed through unserialised), which pg-boss does not expect.
 *   The jobs themselves write through the app's client (getDb), like every other mutation.
 */

export type JobRunnerOptions = {
  /** Where the jobs read `now`; the app's clock unless a test moves time itself. */
  clock?: Clock;
  /** How often each worker asks for a job. Jobs come once a minute at most, so 10 s is plenty. */
  pollingIntervalSeconds?: number;
  /**
   * How often pg-boss checks the cron schedules and sends the jobs due (its defaults: 30 s and 5 s;
   * 1 to 45). Shorter only in tests, which would otherwise wait for them.
   */
  cronIntervalSeconds?: number;
  /** Whether this instance turns schedules into jobs; off in tests that send jobs themselves. */
  schedule?: boolean;
};

const queueOptions = {
  // Never two sweeps of one kind at once, and no pile of them when workers were down: a cron tick while
  // one is queued or running adds nothing.
  policy: "exclusive",
} as const;

const queueSettings = {
  // A failed sweep is tried once more a little later; the next tick comes anyway.
  retryLimit: 1,
  retryDelay: 30,
  // A sweep runs for seconds. One still "active" after 2 minutes died with its process (a restart cut it
  // off): it is retried, and until then it holds its queue's one place, so this is kept short.
  expireInSeconds: 120,
  // A job nobody picked up within an hour is stale: the schedule has made newer ones.
  retentionSeconds: 3_600,
  // Keep finished jobs (with their figures) for a day, then let pg-boss delete them.
  deleteAfterSeconds: 86_400,
};

const globalForJobs = globalThis as typeof globalThis & { __safariJobs?: Promise<PgBoss> };

/**
 * Starts pg-boss with a worker and a schedule per scheduled job; once per process (a second call returns
 * the running instance). Resolves when pg-boss's schema is in place and the workers run.
 */
export function startJobRunner(options: JobRunnerOptions = {}): Promise<PgBoss> {
  globalForJobs.__safariJobs ??= createRunner(options).catch((error: unknown) => {
    globalForJobs.__safariJobs = undefined;
    throw error;
  });
  return globalForJobs.__safariJobs;
}

/** Stops the workers (waiting up to `timeoutMs` for a running job) and pg-boss's own connections. */
export async function stopJobRunner(timeoutMs = 10_000): Promise<void> {
  const running = globalForJobs.__safariJobs;
  globalForJobs.__safariJobs = undefined;
  if (!running) return;
  const boss = await running;
  await boss.stop({ graceful: true, timeout: timeoutMs });
}

async function createRunner(options: JobRunnerOptions): Promise<PgBoss> {
  const clock = options.clock ?? appJobClock;
  const db = await getDb();
  const common = {
    schedule: options.schedule ?? true,
    // pg-boss asserts on a key that is present but undefined.
    ...(options.cronIntervalSeconds ? { cronMonitorIntervalSeconds: options.cronIntervalSeconds, cronWorkerIntervalSeconds: options.cronIntervalSeconds } : {}),
    instanceName: "customer-safari",
  };
  const boss =
    db.$kind === "pglite"
      ? // drizzle keeps the client it was given as $client: here, the process's PGlite.
        new PgBoss({ ...common, backend: "pglite", db: fromPglite((db as unknown as { $client: PGliteLike }).$client) })
      : new PgBoss({ ...common, connectionString: getEnv().DATABASE_URL, max: 3, application_name: "customer-safari-jobs" });
  boss.on("error", (error: unknown) => console.error(`Scheduled work: pg-boss reported an error: ${describe(error)}`));

  await boss.start();
  try {
    for (const job of scheduledJobs) {
      await boss.createQueue(job.name, { ...queueOptions, ...queueSettings });
      // createQueue leaves an existing queue as it is; this carries changed settings over.
      await boss.updateQueue(job.name, queueSettings);
      await boss.schedule(job.name, job.cron);
      await boss.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 }, ([pgJob]) => runJob(job, clock, pgJob?.id));
    }
  } catch (error) {
    await boss.stop({ graceful: false, timeout: 1_000 }).catch(() => {});
    throw error;
  }
  return boss;
}

async function runJob(job: ScheduledJob, clock: Clock, id: string | undefined) {
  try {
    return await job.run(clock);
  } catch (error) {
    // pg-boss records the failure on the job and retries it; the log says so where people look.
    console.error(`Scheduled work: ${job.name} failed (job ${id ?? "?"}): ${describe(error)}`);
    throw error;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One line for the server log: what runs, where, and how often. */
export function describeSchedules(kind: "postgres" | "pglite"): string {
  const where = kind === "pglite" ? "embedded PGlite" : "the Postgres server";
  return `Scheduled work: pg-boss on ${where}; ${scheduledJobs.map((job) => `${job.name} (${job.cron})`).join(", ")}`;
}
