import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { closeConnections, measurePage, signIn, startServer, type PageFigures } from "./http";
import { defaultEventCount } from "./generate";
import { dropDatabase, type LoadReport } from "./load";
import { report, type DatabaseRun } from "./report";
import type { QuarterTiming } from "./summary";

/*
 * `npm run bench:scale`: the app at the size of a large company, on the PostgreSQL server and on PGlite.
 * For each database: load the company (load.ts), time the leadership summary against its floor query
 * in-process (summary.ts), then start `next start` on it and time the hot pages over HTTP, signed in
 * as the role each page is for (http.ts); then load the company again with 10,000 safaris of history and
 * time the summary once more. Options:
 *   --db server|pglite|both   which databases (default both)
 *   --events 50015            safaris in the large load; --history 10000 in the small one (0: none)
 *   --requests 20             timed requests per page, after 3 of warm-up (fewer for slow pages)
 *   --runs 25                 summary / floor rounds per quarter
 *   --readme                  also write the result into README.md ("Scale benchmark")
 *   --keep                    keep the databases (and a server this run started) afterwards
 *   --build                   run `next build` even when .next exists
 * The server: DATABASE_URL when set (a new database is made on it for each load), else a throwaway one
 * from .ci/postgres.sh, stopped at the end.
 */

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const which = option("--db") ?? "both";
if (!["server", "pglite", "both"].includes(which)) throw new Error("--db server, pglite or both");
const kinds = (which === "both" ? ["server", "pglite"] : [which]) as ("server" | "pglite")[];
const events = Number(option("--events") ?? defaultEventCount);
const history = Number(option("--history") ?? 10_000);
const requests = Number(option("--requests") ?? 20);
const runs = Number(option("--runs") ?? 25);
const keep = args.includes("--keep");
const authSecret = process.env.AUTH_SECRET ?? "scale-bench-only-secret-not-for-production-0123456789";

const benchStarted = performance.now();
// Every load is made relative to this one instant, so that all four hold the same rows (the smaller loads
// the most recent part of them): a safari that ends between two loads would otherwise change what follows.
const dataNow = new Date().toISOString();
const loadAtStart = loadavg()[0]!;
const phases: { name: string; ms: number }[] = [];
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  process.stderr.write(`${name}…\n`);
  const started = performance.now();
  try {
    return await work();
  } finally {
    phases.push({ name, ms: performance.now() - started });
    process.stderr.write(`${name}: ${Math.round((performance.now() - started) / 1000)} s\n`);
  }
}

/** Runs a bench script in a Node.js process of its own; its progress goes to our stderr, its last stdout line is returned. */
function child(script: string, scriptArgs: string[], env: NodeJS.ProcessEnv, nodeFlags: string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    const run = spawn(process.execPath, [...nodeFlags, "--import", "tsx", script, ...scriptArgs], { env, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    run.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    run.on("close", (status) => {
      const last = stdout.trim().split("\n").pop() ?? "";
      if (status === 0 && last) resolve(last);
      else reject(new Error(`${script} exited with ${status}: ${stdout.slice(-500)}`));
    });
  });
}

/** The environment for a script or server on `target`: its database only, and a production secret. */
function envFor(target: LoadReport["target"]): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, PGLITE_DATA_DIR: _dir, ...env } = process.env;
  const database = target.kind === "server" ? { DATABASE_URL: target.url } : { PGLITE_DATA_DIR: target.dir };
  return { ...env, AUTH_SECRET: authSecret, ...database };
}

async function load(kind: "server" | "pglite", count: number, serverUrl: string | null): Promise<LoadReport> {
  const where =
    kind === "server"
      ? ["--db", "server", "--name", `safari_scale_${count}_${Date.now().toString(36)}`]
      : ["--db", "pglite", "--dir", mkdtempSync(path.join(tmpdir(), "safari-scale-pglite-"))];
  const env = kind === "server" ? { ...process.env, DATABASE_URL: serverUrl! } : process.env;
  return JSON.parse(await child("bench/scale/load.ts", [...where, "--events", String(count), "--now", dataNow, "--json"], env)) as LoadReport;
}

async function timeSummary(target: LoadReport["target"]): Promise<QuarterTiming[]> {
  const out = JSON.parse(await child("bench/scale/summary.ts", ["--runs", String(runs)], envFor(target), ["--conditions=react-server"]));
  return (out as { quarters: QuarterTiming[] }).quarters;
}

async function timePages(loaded: LoadReport, previousQuarter: string): Promise<PageFigures[]> {
  const log = path.join(tmpdir(), `safari-scale-next-${loaded.target.kind}.log`);
  const server = await startServer(envFor(loaded.target), log);
  const pages = [
    {
      role: "organizer",
      paths: [
        "/organize",
        "/organize?when=past",
        "/organize/executives",
        "/organize/cadence",
        "/organize/match",
        `/organize/events/${loaded.busiestEventId}`,
        "/organize/hosts",
        "/agenda?view=month",
        // The ouch/aah library: unfiltered, a common word, a rare one, a Greek one, filters alone, and both.
        "/library",
        "/library?q=Rechnung",
        "/library?q=Faxger%C3%A4t",
        `/library?q=${encodeURIComponent("λογαριασμός")}`,
        "/library?kind=ouch&stage=pay&emotion=worried",
        // A combination that matches nothing: read from the emotion and stage indexes, not every shared moment.
        "/library?kind=aah&stage=discover&emotion=proud&type=home_visit",
        "/library?q=invoice&kind=ouch&type=call_listening",
      ],
    },
    { role: "executive", paths: ["/safaris", "/safaris/mine", "/safaris/mine?when=past", "/inbox", "/profile", "/agenda?view=month", "/library"] },
    { role: "reviewer", paths: ["/summary", `/summary?quarter=${previousQuarter}`] },
    { role: "admin", paths: ["/people", "/audit"] },
  ] as const;
  const figures: PageFigures[] = [];
  try {
    for (const { role, paths } of pages) {
      const cookie = await signIn(server.baseUrl, loaded.signIns[role], "safari-demo");
      for (const pagePath of paths) {
        const page = await measurePage(server.baseUrl, { path: pagePath, role }, cookie, { requests, warmup: 3, budgetMs: 20_000 });
        process.stderr.write(`  ${pagePath}: ${Math.round(page.medianMs)} ms median of ${page.requests}, ${page.htmlBytes.toLocaleString("en")} bytes\n`);
        figures.push(page);
      }
    }
  } finally {
    closeConnections();
    await server.stop();
  }
  return figures;
}

function startPostgres(): { url: string; dir: string } {
  const out = execFileSync("bash", [".ci/postgres.sh", "start"], { encoding: "utf8" });
  const value = (name: string) => out.match(new RegExp(`${name}=(\\S+)`))![1]!;
  return { url: value("SAFARI_PG_URL"), dir: value("SAFARI_PG_DIR") };
}

async function serverVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_version: string }[]>`show server_version`;
    return row!.server_version.split(" ")[0]!;
  } finally {
    await sql.end();
  }
}

if (!existsSync(".next/BUILD_ID") || args.includes("--build")) {
  await phase("next build", async () => execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: ["ignore", "ignore", "inherit"] }));
}

let ownServer: { url: string; dir: string } | null = null;
const runsByDb: DatabaseRun[] = [];
const leftovers: string[] = [];
let postgresVersion: string | null = null;
try {
  let serverUrl: string | null = null;
  if (kinds.includes("server")) {
    if (process.env.DATABASE_URL) serverUrl = process.env.DATABASE_URL;
    else {
      ownServer = await phase("PostgreSQL server start (.ci/postgres.sh)", async () => startPostgres());
      serverUrl = `${ownServer.url}/postgres`;
    }
    postgresVersion = await serverVersion(serverUrl);
  }
  for (const kind of kinds) {
    const name = kind === "server" ? "server" : "PGlite";
    const large = await phase(`${name}: load ${events.toLocaleString("en")} safaris`, () => load(kind, events, serverUrl));
    const summary = await phase(`${name}: summary timing, ${events.toLocaleString("en")} safaris`, () => timeSummary(large.target));
    const pages = await phase(`${name}: pages over HTTP`, () => timePages(large, summary[1]!.key));
    let small: { load: LoadReport; summary: QuarterTiming[] } | null = null;
    if (history > 0 && history !== events) {
      const smallLoad = await phase(`${name}: load ${history.toLocaleString("en")} safaris`, () => load(kind, history, serverUrl));
      small = { load: smallLoad, summary: await phase(`${name}: summary timing, ${history.toLocaleString("en")} safaris`, () => timeSummary(smallLoad.target)) };
    }
    runsByDb.push({ kind, large: { load: large, summary }, pages, small });
    for (const loaded of [large, small?.load]) {
      if (!loaded) continue;
      if (keep) leftovers.push(loaded.target.kind === "server" ? loaded.target.url : loaded.target.dir);
      else if (loaded.target.kind === "server") await dropDatabase(loaded.target.url);
      else rmSync(loaded.target.dir, { recursive: true, force: true });
    }
  }
} finally {
  if (ownServer && !keep) execFileSync("bash", [".ci/postgres.sh", "stop", ownServer.dir]);
  if (ownServer && keep) leftovers.push(`the server (stop it with: bash .ci/postgres.sh stop ${ownServer.dir})`);
}

const pgliteVersion = (JSON.parse(readFileSync("node_modules/@electric-sql/pglite/package.json", "utf8")) as { version: string }).version;
const body = report({
  runs: runsByDb,
  command: `npm run bench:scale${args.length ? ` -- ${args.join(" ")}` : ""}`,
  machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}` +
    `${postgresVersion ? `, PostgreSQL ${postgresVersion}${ownServer || !kinds.includes("server") ? " (.ci/postgres.sh)" : ""}` : ""}, PGlite ${pgliteVersion}`,
  load: { start: loadAtStart, end: loadavg()[0]! },
  phases: [...phases, { name: "whole run", ms: performance.now() - benchStarted }],
  requests,
  summaryRuns: runs,
  writeReadme: args.includes("--readme"),
});
console.log(body);
if (leftovers.length) console.log(`\nKept: ${leftovers.join("; ")}`);
