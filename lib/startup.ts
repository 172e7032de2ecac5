import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { getDb } from "@/db";
import { getAuthSecret } from "@/lib/auth/secret";
import { getEnv } from "@/lib/env";
import { describeSchedules, startJobRunner, stopJobRunner } from "@/lib/jobs/runner";

/**
 * Fail fast, with a clear message, on a missing secret or an unusable database, and run migrations
 * before the first request rather than during it. Then start the scheduled work (lib/jobs), which needs
 * the migrated database; a server whose invitations would never lapse should not start either.
 */
export async function checkStartup() {
  let kind: "postgres" | "pglite";
  try {
    getAuthSecret();
    kind = (await getDb()).$kind;
  } catch (error) {
    console.error(`\nCustomer Safari cannot start: ${describe(error)}\n`);
    process.exit(1);
  }
  // Next.js does not call register() while building; this keeps a build from ever running jobs if it did.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const env = getEnv();
  if (env.SAFARI_TEST_CLOCK) console.warn("Test clock: SAFARI_TEST_CLOCK=1, so /api/test may move this server's clock. Never in production.");
  // The e2e clock server shares its database with the main test server; with jobs off, a clock moved
  // ahead never runs real sweeps on that shared data (the test runs the one job it needs, on purpose).
  if (env.SAFARI_JOBS === "off") {
    console.warn("Scheduled work: off (SAFARI_JOBS=off); nothing runs on a schedule in this process.");
    return;
  }
  try {
    await startJobRunner();
  } catch (error) {
    console.error(`\nCustomer Safari cannot start its scheduled work: ${describe(error)}\n`);
    process.exit(1);
  }
  console.log(describeSchedules(kind));
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, stopScheduledWork);
}

/** How long a stopping server waits for a running job before it exits anyway. */
const stopTimeoutMs = 10_000;

/**
 * Next.js answers SIGTERM and SIGINT by closing its HTTP server and then calling process.exit, with no
 * hook for the app's own cleanup (vercel/next.js#51404). So once a signal came, its exit is held until
 * pg-boss has stopped: no new job starts, a running one may finish, pg-boss's connections close. Should
 * that take too long, the process exits anyway; a job cut off mid-run is rolled back with its connection
 * and retried later (lib/jobs/runner.ts), which every job allows: they are idempotent.
 */
function stopScheduledWork() {
  const stopped = stopJobRunner(stopTimeoutMs).then(
    () => console.log("Scheduled work stopped."),
    (error: unknown) => console.error(`Scheduled work did not stop cleanly: ${describe(error)}`),
  );
  const exit = process.exit.bind(process);
  const deadline = new Promise((resolve) => setTimeout(resolve, stopTimeoutMs + 2_000));
  process.exit = ((code?: number | string | null) => {
    void Promise.race([stopped, deadline]).then(() => exit(code));
  }) as typeof process.exit;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
