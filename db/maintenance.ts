import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "./connection";

/*
 * Dead rows and planner statistics. PostgreSQL keeps the old version of every updated or deleted row
 * until VACUUM reclaims it, and plans queries from the statistics ANALYZE gathers.
 *
 * - Postgres server: autovacuum does both in the background, paced to the load, so the app runs neither.
 *   Not even ANALYZE after a bulk change: autovacuum analyzes a table once a tenth of it has changed,
 *   checking every minute, and the app's bulk changes (the demo seed, publishing a run of a few thousand
 *   invitations) leave no table so skewed that a minute of older statistics matters.
 * - PGlite: one process without background workers, so no autovacuum. Left alone, dead rows stay for
 *   good (tables and indexes only grow; a seat count updated per invitation leaves a dead event row each
 *   time) and the statistics stay those of the last ANALYZE, if any. So the app runs VACUUM (ANALYZE)
 *   itself: after migrations (db/connection.ts), after its bulk changes, and hourly (lib/jobs/schedules.ts).
 *   PGlite runs one statement at a time, so everything else waits meanwhile: about 0.1–0.2 s for the
 *   whole demo database, 40 ms for the tables a publish of 1,666 invitations touches.
 */

/**
 * On PGlite, VACUUM (ANALYZE) the tables named, or the whole database when none are; on a server,
 * nothing. Returns whether it ran. Never inside a transaction: VACUUM refuses to run in one, and on
 * PGlite a call from inside `db.transaction` would wait for that transaction forever.
 */
export async function vacuumEmbedded(db: Database, tables: PgTable[] = []): Promise<boolean> {
  if (db.$kind !== "pglite") return false;
  await db.execute(tables.length > 0 ? sql`vacuum (analyze) ${sql.join(tables, sql`, `)}` : sql`vacuum (analyze)`);
  return true;
}

/**
 * The same after a bulk change has committed, where a failure must not turn the change into an error:
 * it stands, and the hourly run catches up. The failure is logged.
 */
export async function vacuumAfterBulkChange(db: Database, what: string, tables: PgTable[] = []): Promise<void> {
  try {
    await vacuumEmbedded(db, tables);
  } catch (error) {
    console.error(`Database maintenance after ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
