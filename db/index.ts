import { findPostgresError } from "@/lib/errors/app-error";
import { openDatabase, type Database, type Transaction } from "./connection";

export type { Database, Transaction } from "./connection";

/*
 * The one database of the process: postgres.js when DATABASE_URL is set, otherwise embedded PGlite.
 * Kept on globalThis so dev-server reloads and separately bundled route modules share one instance
 * (PGlite allows one per data folder and process). Migrations run before the first query.
 */
const globalForDb = globalThis as typeof globalThis & { __safariDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  globalForDb.__safariDb ??= openDatabase().catch((error: unknown) => {
    globalForDb.__safariDb = undefined;
    throw error;
  });
  return globalForDb.__safariDb;
}

/** SQLSTATEs after which the whole transaction may simply run again: a deadlock or a serialization failure. */
const retryableStates = new Set(["40P01", "40001"]);

const isRetryable = (error: unknown) => findPostgresError(error, (code) => retryableStates.has(code)) !== undefined;

/**
 * Runs `work` in a transaction, again (up to `attempts` times in all) when Postgres aborted it as a
 * deadlock victim or for a serialization failure. For writes whose lock order cannot be fixed in advance:
 * the no-overlap exclusion constraint, unlike a unique index, can make two inserting transactions wait on
 * each other. `work` must have no effect outside the database, since it may run more than once.
 */
export async function transaction<T>(work: (tx: Transaction) => Promise<T>, attempts = 4): Promise<T> {
  const db = await getDb();
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
    }
  }
}
