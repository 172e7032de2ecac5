import path from "node:path";
import { mkdirSync } from "node:fs";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PGlite } from "@electric-sql/pglite";
import { getEnv } from "@/lib/env";
import { vacuumEmbedded } from "./maintenance";
import * as schema from "./schema";

type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema> & { $close: () => Promise<void>; $kind: "postgres" | "pglite" };
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Opens a database as the environment says, migrates it, and returns it. Callers keep one per process. */
export async function openDatabase(options: { url?: string; dataDir?: string; migrate?: boolean } = {}): Promise<Database> {
  const env = getEnv();
  const url = options.url ?? env.DATABASE_URL;
  const database = url ? await openPostgres(url) : await openPglite(options.dataDir ?? env.PGLITE_DATA_DIR);
  if (options.migrate ?? true) {
    await database.$migrate();
  }
  return database.db;
}

async function openPostgres(url: string) {
  const { default: postgres } = await import("postgres");
  const client = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 10 });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot reach the Postgres server in DATABASE_URL (${redact(url)}): ${reason}`);
  }
  const db = Object.assign(drizzlePostgres(client, { schema, casing: "snake_case" }), {
    $close: () => client.end({ timeout: 5 }),
    $kind: "postgres" as const,
  });
  return { db: db as unknown as Database, $migrate: () => migratePostgres(db, { migrationsFolder }) };
}

async function openPglite(dataDir: string) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(inMemory ? dataDir : path.resolve(dataDir), { extensions: { btree_gist } });
  const db = Object.assign(drizzlePglite(client, { schema, casing: "snake_case" }), {
    $close: () => client.close(),
    $kind: "pglite" as const,
  });
  const database = db as unknown as Database;
  const migrate = async () => {
    const before = await migrationsApplied(client);
    await migratePglite(db, { migrationsFolder });
    // A migration may rewrite rows, and new tables have no statistics; PGlite has no autovacuum to see to
    // either (db/maintenance.ts). Only when one was applied: on an unchanged database it would add about
    // 0.1 s to every start for nothing the hourly run would not do.
    if ((await migrationsApplied(client)) > before) await vacuumEmbedded(database);
  };
  return { db: database, $migrate: migrate };
}

/** How many migrations drizzle has recorded as applied; none before its table exists. */
async function migrationsApplied(client: PGlite): Promise<number> {
  const { rows: [found] } = await client.query<{ present: boolean }>("select to_regclass('drizzle.__drizzle_migrations') is not null as present");
  if (!found?.present) return 0;
  const { rows: [counted] } = await client.query<{ applied: number }>("select count(*)::int as applied from drizzle.__drizzle_migrations");
  return counted?.applied ?? 0;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
