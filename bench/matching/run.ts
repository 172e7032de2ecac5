import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { families } from "./families";
import { replaceReadmeSection } from "../readme";
import { exactSizes, sizeLabel, timedSizes, type Size } from "./generate";
import { exactTiers, ratioTiers, tierLabels, tierNames, tierRatio, type Tiers } from "./tiers";

/*
 * The matcher tier by tier against the exact lexicographic optimum (HiGHS) and a first-fit baseline, on
 * seeded instances of every family (families.ts); then its time and memory up to 20,000 executives.
 *   npm run bench:matching                          everything (about 13 minutes on 2 cores)
 *   npm run bench:matching -- --quick               two small exact sizes and 1,000 / 5,000 timed
 *   npm run bench:matching -- --sizes 50,5000       only these executive counts (exact or timed sizes)
 *   npm run bench:matching -- --families random,month-edges   only these families
 *   npm run bench:matching -- --seeds 5             seeds per exact size (default 3)
 *   npm run bench:matching -- --readme              also writes the result into README.md ("Matcher benchmark")
 * Every measurement runs in a child process of its own: the matcher's pinned to one core (taskset, where
 * there is one), one at a time, so its time and peak memory are its own; the exact solves, two at a time,
 * before any timing starts.
 */

type Judged = { tiers: Tiers; violations: number; firstViolation: unknown };
type Quality = {
  matcher: Judged;
  firstFit: Judged;
  exact: { finished: true; optimum: Tiers; check: Judged; solveMs: number } | { finished: false; status: string; solveMs: number };
};
type Timing = { medianMs: number; medianCpuMs: number; timesMs: number[]; peakMb: number; violations: number; firstViolation: unknown; deterministic: boolean };

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const writeReadme = args.includes("--readme");
const quick = args.includes("--quick");
const sizeFilter = option("--sizes")?.split(",").map(Number);
const familyFilter = option("--families")?.split(",");
const seedCount = Number(option("--seeds") ?? 3);
const seeds = Array.from({ length: seedCount }, (_, i) => i + 1);

const pick = (list: Size[], quickCount: number) => list.filter((s, i) => (sizeFilter ? sizeFilter.includes(s.executives) : !quick || i < quickCount));
const chosenExact = pick(exactSizes, 2);
const chosenTimed = pick(timedSizes, 2);
const chosenFamilies = families.filter((f) => !familyFilter || familyFilter.includes(f.name));
if (familyFilter && chosenFamilies.length !== familyFilter.length) throw new Error(`families: ${families.map((f) => f.name).join(", ")}`);

const pin = existsSync("/usr/bin/taskset") ? ["taskset", "-c", "0"] : [];
// HiGHS stops each tier's solve at 60 s; the wall limit covers six tiers and reading the model.
const exactWallLimitMs = 420_000;
// One timed instance may take long at 20,000 executives, where no target applies; it then costs one cell.
const timedWallLimitMs = 300_000;

type ChildResult = { json: unknown } | { failure: string };
function child(script: string, argv: string[], nodeFlags: string[], timeoutMs: number, pinned: boolean): Promise<ChildResult> {
  const command = [...(pinned ? pin : []), process.execPath, ...nodeFlags, "--import", "tsx", script, ...argv];
  return new Promise((resolve) => {
    const run = spawn(command[0]!, command.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    run.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    run.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      run.kill("SIGKILL");
    }, timeoutMs);
    run.on("close", (status, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split("\n").pop();
      if (status === 0 && last) return resolve({ json: JSON.parse(last) });
      if (timedOut) return resolve({ failure: `not done after ${timeoutMs / 1000} s` });
      if (/out of memory|OOMErrorHandler|RangeError: Invalid string length|Aborted\(/i.test(stderr)) return resolve({ failure: "ran out of memory" });
      resolve({ failure: `${signal ? `killed by ${signal}` : `exit ${status}`}: ${stderr.trim().split("\n").slice(-2).join(" | ").slice(0, 200)}` });
    });
  });
}

/** Runs the tasks, at most `parallel` at a time, and returns their results in order. */
async function pool<T>(tasks: (() => Promise<T>)[], parallel: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return results;
}

const number = (n: number, digits = 0) => n.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const warnings: string[] = [];
const unsolved: string[] = [];
const instanceArgs = (family: string, size: Size, seed: number) => [family, String(size.executives), String(size.events), String(seed)];

/** a before b lexicographically, tier by tier: the first tier that differs decides. */
function lexCompare(a: Tiers, b: Tiers): number {
  for (const tier of tierNames) if (a[tier] !== b[tier]) return a[tier] - b[tier];
  return 0;
}

// 1. Quality: every family × exact size × seed.
type Cell = { family: string; size: Size; seed: number; quality: Quality | null };
const cells: Cell[] = chosenFamilies.flatMap((f) => chosenExact.flatMap((size) => seeds.map((seed) => ({ family: f.name, size, seed, quality: null }))));
let done = 0;
await pool(
  cells.map((cell) => async () => {
    const label = `${cell.family} ${sizeLabel(cell.size)} seed ${cell.seed}`;
    const r = await child("bench/matching/quality-one.ts", instanceArgs(cell.family, cell.size, cell.seed), ["--max-old-space-size=4096"], exactWallLimitMs, false);
    process.stderr.write(`quality ${++done}/${cells.length}: ${label}${"failure" in r ? `: ${r.failure}` : ""}\n`);
    if ("failure" in r) {
      unsolved.push(`${label}: ${r.failure}`);
      return;
    }
    const q = r.json as Quality;
    cell.quality = q;
    for (const [who, judged] of [["matcher", q.matcher], ["first fit", q.firstFit]] as const) {
      if (judged.violations > 0) warnings.push(`${label}: ${who} broke ${judged.violations} hard rule(s), e.g. ${JSON.stringify(judged.firstViolation)}`);
    }
    if (!q.exact.finished) return void unsolved.push(`${label}: ${q.exact.status}`);
    if (q.exact.check.violations > 0 || lexCompare(q.exact.check.tiers, q.exact.optimum) !== 0) {
      warnings.push(`${label}: the exact solution scores ${JSON.stringify(q.exact.check.tiers)} (rules broken: ${q.exact.check.violations}), not its optimum: the model and objective.ts disagree`);
    }
    if (lexCompare(q.matcher.tiers, q.exact.optimum) > 0) warnings.push(`${label}: the matcher beats the lexicographic "optimum": the model misses something`);
  }),
  Math.max(1, Math.min(2, cpus().length)),
);

const solved = cells.filter((c): c is Cell & { quality: Quality & { exact: { finished: true } } } => c.quality?.exact.finished === true);
const sumOf = (list: typeof solved, who: "matcher" | "firstFit" | "optimum", tier: keyof Tiers) =>
  list.reduce((sum, c) => sum + (who === "optimum" ? c.quality.exact.optimum[tier] : c.quality[who].tiers[tier]), 0);
const ratiosOf = (list: typeof solved, who: "matcher" | "firstFit", tier: keyof Tiers) => list.map((c) => tierRatio(c.quality[who].tiers[tier], c.quality.exact.optimum[tier]));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ratioCell = (xs: number[]) => (xs.length ? `${mean(xs).toFixed(4)} (${Math.min(...xs).toFixed(4)})` : "—");

const tierHeader = tierNames.map((t) => tierLabels[t]);
const qualityRows: string[] = [];
for (const f of chosenFamilies) {
  for (const size of chosenExact) {
    const list = solved.filter((c) => c.family === f.name && c.size === size);
    const missing = seeds.length - list.length;
    const values = tierNames.map((t) => (list.length ? `${number(sumOf(list, "matcher", t))} / ${number(sumOf(list, "optimum", t))}` : "—"));
    const solveS = list.length ? number(mean(list.map((c) => c.quality.exact.solveMs)) / 1000, 1) : "—";
    qualityRows.push(`| ${f.name} | ${sizeLabel(size)} | ${list.length}${missing ? ` of ${seeds.length}` : ""} | ${values.join(" | ")} | ${solveS} |`);
  }
}
const qualityTable = [
  `| family | executives × events | seeds | ${tierHeader.join(" | ")} | exact solve (s, mean) |`,
  `| --- | --- | ---: | ${tierNames.map(() => "---:").join(" | ")} | ---: |`,
  ...qualityRows,
].join("\n");

const ratioRows: string[] = [];
for (const group of [...chosenFamilies.map((f) => f.name), null]) {
  const list = solved.filter((c) => group === null || c.family === group);
  for (const who of ["matcher", "firstFit"] as const) {
    const name = group === null ? "**all families**" : group;
    ratioRows.push(`| ${name} | ${who === "matcher" ? "matcher" : "first fit"} | ${list.length} | ${tierNames.map((t) => ratioCell(ratiosOf(list, who, t))).join(" | ")} |`);
  }
}
const ratioTable = [
  `| family | proposer | instances | ${tierHeader.join(" | ")} |`,
  `| --- | --- | ---: | ${tierNames.map(() => "---:").join(" | ")} |`,
  ...ratioRows,
].join("\n");

// 2. Time and memory: every family × timed size, one seed, one at a time on one core.
const timing = new Map<string, Timing | string>();
const loadBefore = loadavg()[0]!;
for (const f of chosenFamilies) {
  for (const size of chosenTimed) {
    process.stderr.write(`timing: ${f.name} ${sizeLabel(size)}\n`);
    const runs = size.executives <= 5000 ? 3 : 1;
    const r = await child("bench/matching/measure-one.ts", [...instanceArgs(f.name, size, 1), String(runs)], ["--expose-gc", "--max-old-space-size=8192"], timedWallLimitMs, true);
    const key = `${f.name}|${size.executives}`;
    if ("failure" in r) {
      timing.set(key, r.failure);
      continue;
    }
    const t = r.json as Timing;
    timing.set(key, t);
    const label = `${f.name} ${sizeLabel(size)}`;
    if (t.violations > 0) warnings.push(`${label}: the matcher broke ${t.violations} hard rule(s), e.g. ${JSON.stringify(t.firstViolation)}`);
    if (!t.deterministic) warnings.push(`${label}: the matcher gave different results on the same input`);
  }
}
const timingRows = chosenFamilies.map((f) => {
  const cellsOf = chosenTimed.map((size) => {
    const t = timing.get(`${f.name}|${size.executives}`);
    return typeof t === "string" || t === undefined ? `— (${t ?? "not run"})` : `${number(t.medianMs)} ms (CPU ${number(t.medianCpuMs)}), ${number(t.peakMb)} MB`;
  });
  return `| ${f.name} | ${cellsOf.join(" | ")} |`;
});
const timingTable = [`| family | ${chosenTimed.map(sizeLabel).join(" | ")} |`, `| --- | ${chosenTimed.map(() => "---:").join(" | ")} |`, ...timingRows].join("\n");

// 3. Targets.
const met = (ok: boolean) => (ok ? "met" : "**NOT met**");
const targets: string[] = [];
if (solved.length) {
  for (const tier of exactTiers) {
    const equal = solved.filter((c) => c.quality.matcher.tiers[tier] === c.quality.exact.optimum[tier]).length;
    targets.push(`${tierLabels[tier]} equal to the optimum on every instance: ${met(equal === solved.length)} (${equal} of ${solved.length} solved instances)`);
  }
  for (const tier of ratioTiers) {
    const xs = ratiosOf(solved, "matcher", tier);
    const ok = mean(xs) >= 0.99 && Math.min(...xs) >= 0.95;
    targets.push(`${tierLabels[tier]} ≥ 0.99 of the optimum on average and never below 0.95: ${met(ok)} (mean ${mean(xs).toFixed(4)}, lowest ${Math.min(...xs).toFixed(4)})`);
  }
}
if (unsolved.length) targets.push(`Instances without an exact optimum (left out above): ${unsolved.length} of ${cells.length}`);
const atTarget = timedSizes.find((s) => s.executives === 5000)!;
if (chosenTimed.includes(atTarget)) {
  const figures = chosenFamilies.map((f) => timing.get(`${f.name}|5000`));
  const worstMs = Math.max(...figures.map((t) => (typeof t === "object" ? t.medianMs : Infinity)));
  const worstMb = Math.max(...figures.map((t) => (typeof t === "object" ? t.peakMb : Infinity)));
  const worstCpu = Math.max(...figures.map((t) => (typeof t === "object" ? t.medianCpuMs : Infinity)));
  targets.push(
    `≤ 2 s and ≤ 500 MB at ${sizeLabel(atTarget)} for every family, one core: ${met(worstMs <= 2000 && worstMb <= 500)} ` +
      `(slowest ${number(worstMs)} ms by the clock, ${number(worstCpu)} ms of CPU; most memory ${number(worstMb)} MB)`,
  );
}

const date = new Date().toISOString().slice(0, 10);
// The load average is printed because timings on a shared machine move with it.
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, load average ${loadBefore.toFixed(1)} when the timing began and ${loadavg()[0]!.toFixed(1)} at the end${pin.length ? "; matcher pinned to one core" : ""}`;
const familyList = chosenFamilies.map((f) => `- \`${f.name}\`: ${f.description}`).join("\n");
const body = [
  `Latest run, ${date} (${machine}); seeds ${seeds.join(", ")}.`,
  "",
  "Targets:",
  "",
  ...targets.map((t) => `- ${t}`),
  "",
  "Per-tier ratio to the lexicographic optimum, mean over instances (lowest in brackets):",
  "",
  ratioTable,
  "",
  "Matcher / lexicographic optimum, summed over the seeds:",
  "",
  qualityTable,
  "",
  "Matcher time (median of 3 runs up to 5,000 executives, one run above) and peak memory, seed 1:",
  "",
  timingTable,
  ...(warnings.length ? ["", "WARNINGS:", "", ...warnings.map((w) => `- ${w}`)] : []),
  ...(unsolved.length ? ["", "Not solved exactly:", "", ...unsolved.map((u) => `- ${u}`)] : []),
].join("\n");
console.log(body);

if (writeReadme) {
  const section = [
    "## Matcher benchmark",
    "",
    "The matcher (`lib/matching/`) tier by tier against the exact lexicographic optimum of its objective, and",
    "against a naive first-fit baseline (`bench/matching/first-fit.ts`: executives in id order take the first",
    "events in id order that keep the hard rules). The optimum is found with the HiGHS MIP solver (`highs`,",
    "WASM) one tier at a time: maximize the first tier; keep it at its optimum as a constraint and maximize the",
    "next; and so on (`bench/matching/exact.ts`). Like the matcher, the model places executives only up to",
    "their target. The tiers, in priority order (`bench/matching/tiers.ts`):",
    "",
    "- **covered**: executives below target who get at least one safari;",
    "- **urgency-days**: the sum, over those covered, of their days without customer contact (capped at 730;",
    "  never met counts 731);",
    "- **placements**: safaris proposed, counted up to each executive's target;",
    "- **variety**: placements at a persona the executive has not met, plus those of a type they have not had;",
    "- **preferred**: placements of a type the executive prefers;",
    "- **new departments**: departments an event gains that were not at its table yet.",
    "",
    "A ratio is the proposer's tier value over the optimum's, per instance (1 where the optimum is 0); the",
    "tables give the mean over instances and, in brackets, the lowest. The optimum of a lower tier is the best",
    "possible *given* the higher tiers at their optimum, so first fit, which loses coverage, can have ratios",
    "above 1 in the lower tiers. Targets: the first three tiers equal to the optimum on every instance; each",
    "of the last three ≥ 0.99 of it on average and never below 0.95; ≤ 2 s and ≤ 500 MB at 5,000 × 1,000 for",
    "every family. Exact instances: 50 × 20, 100 × 40 and 300 × 100 (a real quarter), three seeds each, two",
    "solved at a time. Timed: 1,000 to 20,000 executives with one event for five, seed 1, one instance at a",
    "time in a fresh process pinned to one core. Time is the median of 3 runs (one run at 10,000 and 20,000)",
    "by the clock, with the CPU time beside it: on a shared machine the clock also counts what others ran on",
    "that core, so the load average is printed. Memory is the rise of the process's peak RSS over its",
    "baseline after building the instance. In the table of sums, a tier's cell is the matcher's value / the",
    "optimum's over the seeds, and the last column the mean time of one instance's six HiGHS solves. The",
    "families (`bench/matching/families.ts`):",
    "",
    familyList,
    "",
    "```sh",
    "npm run bench:matching            # about 13 min; add -- --readme to rewrite this section",
    "npm run bench:matching -- --quick # or --sizes 50,5000, --families random,month-edges, --seeds 5",
    "```",
    "",
    body,
    "",
  ].join("\n");
  replaceReadmeSection("## Matcher benchmark", section);
}
