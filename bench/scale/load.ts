import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { defaultEventCount, defaultSeed, generateCompany, type Company, type TableRows, type Value } from "./generate";

/*
 * Loads the scale benchmark's company (generate.ts) into a fresh database through the app's migrations,
 * with every rule on: the seat trigger counts each participation, the exclusion constraint checks each
 * seat, and the checks check. Rows go in by COPY (CSV): streamed to the server by postgres.js, handed to
 * PGlite as a blob per batch. Then VACUUM ANALYZE, as autovacuum would have done on a live database.
 *
 *   DATABASE_URL=postgres://…/postgres npx tsx bench/scale/load.ts --db server [--events 50015] [--name safari_scale]
 *       creates the database (a new name each time unless --name) on that server and prints its URL
 *   npx tsx bench/scale/load.ts --db pglite --dir .data/scale-pglite [--events 10000]
 *       into a folder that must not exist yet (or be empty)
 * Dates are relative to now, or to --now (an ISO instant): loads with the same --now, seed and
 * number of safaris hold the same rows, and a smaller load is the most recent part of a larger one.
 * Every account's password is the demo one (safari-demo); the sign-ins are printed at the end.
 */

export type LoadTarget = { kind: "server"; url: string } | { kind: "pglite"; dir: string };
export type LoadReport = {
  target: LoadTarget;
  events: number;
  seed: number;
  now: string;
  counts: Record<string, number>;
  signIns: Company["signIns"];
  busiestExecutive: Company["busiestExecutive"];
  busiestEventId: string;
  span: { first: string; last: string };
  generateMs: number;
  /** Milliseconds per table, then "vacuum analyze". */
  tableMs: Record<string, number>;
  loadMs: number;
};

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

function csvValue(value: Value): string {
  if (value === null) return "";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return quote(`{${value.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`);
  return quote(JSON.stringify(value));
}

/** The table's rows as CSV, a batch of rows per string. */
function* csvBatches(rows: Value[][], batch: number): Generator<string> {
  for (let i = 0; i < rows.length; i += batch) {
    let out = "";
    for (const row of rows.slice(i, i + batch)) out += `${row.map(csvValue).join(",")}\n`;
    yield out;
  }
}

const copySql = (t: TableRows, source: string) => `copy ${t.table} (${t.columns.join(", ")}) from ${source} with (format csv)`;

export async function loadCompany(target: LoadTarget, options: { events: number; seed: number; now: Date }): Promise<LoadReport> {
  // The app's own connection module: migrations, extensions and the same drivers as the server.
  const { openDatabase } = await import("@/db/connection");
  const { hashPassword } = await import("@/lib/auth/password");
  const { demoPassword } = await import("@/db/seed-data");
  const started = performance.now();
  const company = generateCompany({ ...options, passwordHash: await hashPassword(demoPassword) });
  const generateMs = performance.now() - started;

  const db = target.kind === "server" ? await openDatabase({ url: target.url }) : await openDatabase({ dataDir: target.dir });
  const client = (db as unknown as { $client: postgres.Sql | PGlite }).$client;
  const tableMs: Record<string, number> = {};
  try {
    for (const t of company.tables) {
      const tableStarted = performance.now();
      if (t.rows.length === 0) continue;
      if (target.kind === "server") {
        const writable = await (client as postgres.Sql).unsafe(copySql(t, "stdin")).writable();
        await pipeline(Readable.from(csvBatches(t.rows, 2_000)), writable);
      } else {
        for (const csv of csvBatches(t.rows, 50_000)) await (client as PGlite).query(copySql(t, "'/dev/blob'"), [], { blob: new Blob([csv]) });
      }
      tableMs[t.table] = performance.now() - tableStarted;
      process.stderr.write(`  ${t.table}: ${t.rows.length.toLocaleString("en")} rows in ${Math.round(tableMs[t.table]!).toLocaleString("en")} ms\n`);
      // Let the rows go as soon as they are in.
      t.rows = [];
    }
    const vacuumStarted = performance.now();
    if (target.kind === "server") await (client as postgres.Sql).unsafe("vacuum analyze");
    else await (client as PGlite).exec("vacuum analyze");
    tableMs["vacuum analyze"] = performance.now() - vacuumStarted;
  } finally {
    await db.$close();
  }
  return {
    target,
    events: options.events,
    seed: options.seed,
    now: options.now.toISOString(),
    counts: company.counts,
    signIns: company.signIns,
    busiestExecutive: company.busiestExecutive,
    busiestEventId: company.busiestEventId,
    span: { first: company.span.first.toISOString(), last: company.span.last.toISOString() },
    generateMs,
    tableMs,
    loadMs: performance.now() - started,
  };
}

/** A new, empty database on the server `serverUrl` points at; returns its URL. */
export async function createDatabase(serverUrl: string, name = `safari_scale_${randomBytes(4).toString("hex")}`): Promise<string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

const ms = (n: number) => `${Math.round(n).toLocaleString("en")} ms`;

export function describeLoad(report: LoadReport): string {
  const where = report.target.kind === "server" ? `the server database ${report.target.url}` : `PGlite in ${report.target.dir}`;
  return [
    `Loaded ${report.events.toLocaleString("en")} safaris (seed ${report.seed}) into ${where} in ${ms(report.loadMs)} (generating ${ms(report.generateMs)}, vacuum analyze ${ms(report.tableMs["vacuum analyze"] ?? 0)})`,
    `  rows: ${Object.entries(report.counts).map(([table, count]) => `${table} ${count.toLocaleString("en")}`).join(", ")}`,
    `  safaris from ${report.span.first.slice(0, 10)} to ${report.span.last.slice(0, 10)}`,
    `  sign-ins (password safari-demo): organizer ${report.signIns.organizer}, reviewer ${report.signIns.reviewer}, admin ${report.signIns.admin}, executive ${report.signIns.executive} (the busiest: ${report.busiestExecutive.participations} participations, ${report.busiestExecutive.notifications} notices)`,
  ].join("\n");
}

// Run as a script: load one database and say where it is.
if (process.argv[1]?.endsWith("load.ts")) {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const kind = option("--db") ?? "server";
  const events = Number(option("--events") ?? defaultEventCount);
  const seed = Number(option("--seed") ?? defaultSeed);
  let target: LoadTarget;
  if (kind === "server") {
    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) {
      console.error('Set DATABASE_URL to a database on the server (e.g. eval "$(bash .ci/postgres.sh start)"; DATABASE_URL=$SAFARI_PG_URL/postgres).');
      process.exit(2);
    }
    target = { kind, url: await createDatabase(serverUrl, option("--name")) };
  } else if (kind === "pglite") {
    const dir = option("--dir");
    if (!dir || (existsSync(dir) && readdirSync(dir).length > 0)) {
      console.error("Give --dir a folder that does not exist yet (or is empty).");
      process.exit(2);
    }
    // The app's connection would otherwise prefer a server named in the environment.
    delete process.env.DATABASE_URL;
    target = { kind, dir };
  } else {
    console.error("--db server or --db pglite");
    process.exit(2);
  }
  const now = new Date(option("--now") ?? Date.now());
  if (Number.isNaN(now.getTime())) throw new Error("--now takes an ISO instant, e.g. 2026-11-23T18:00:00Z");
  const report = await loadCompany(target, { events, seed, now });
  if (args.includes("--json")) console.log(JSON.stringify(report));
  else console.log(describeLoad(report));
}
