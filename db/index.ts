import { openDatabase, type Database } from "./connection";

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
