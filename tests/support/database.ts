import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import postgres from "postgres";

/*
 * Every test file gets a database of its own, migrated like the app's: a fresh in-memory PGlite by default,
 * or, when DATABASE_URL is set, a new database on that Postgres server, dropped afterwards.
 */
const serverUrl = process.env.DATABASE_URL;
let databaseName: string | undefined;

const globalForDb = globalThis as typeof globalThis & { __safariDb?: Promise<{ $close: () => Promise<void> }> };

beforeAll(async () => {
  globalForDb.__safariDb = undefined;
  if (serverUrl) {
    databaseName = `safari_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${databaseName}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    process.env.PGLITE_DATA_DIR = "memory://";
  }
});

afterAll(async () => {
  const db = globalForDb.__safariDb;
  globalForDb.__safariDb = undefined;
  if (db) await (await db).$close();
  if (serverUrl && databaseName) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  }
});

/** Which database this run uses, for the suite's own report. */
export const databaseKind = serverUrl ? "postgres" : "pglite";
