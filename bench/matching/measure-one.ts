import { proposeMatches } from "../../lib/matching/matcher";
import { checkHardRules } from "../../lib/matching/rules";
import type { MatchingResult } from "../../lib/matching/types";
import { instanceFromArgs } from "./families";

/*
 * Runs the matcher on one instance in a fresh process, so its peak memory is its own and not what earlier
 * instances or the exact solver left behind. Prints one JSON line.
 *   node --expose-gc --import tsx bench/matching/measure-one.ts <family> <executives> <events> <seed> [runs]
 * The time is the median of the runs (3 unless told).
 */

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc, so the baseline is taken after a full collection");

const input = instanceFromArgs(process.argv.slice(2, 6));
const runs = Number(process.argv[6] ?? 3);

gc();
const baselineRss = process.memoryUsage().rss;
const times: number[] = [];
const cpuTimes: number[] = [];
const results: MatchingResult[] = [];
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  results.push(proposeMatches(input));
  times.push(performance.now() - started);
  // CPU time too: on a machine others share, the wall clock also counts the time they had the core.
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
  gc();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// maxRSS (KiB) is the process's lifetime peak: if generating the instance peaked higher than the matcher,
// this overstates the matcher's share, never understates it.
const peakRss = process.resourceUsage().maxRSS * 1024;

const result = results[0]!;
const violations = checkHardRules(
  input,
  result.proposals.map(({ executiveId, eventId }) => ({ executiveId, eventId })),
);
console.log(
  JSON.stringify({
    medianMs: median(times),
    medianCpuMs: median(cpuTimes),
    timesMs: times,
    peakMb: (peakRss - baselineRss) / 2 ** 20,
    processPeakMb: peakRss / 2 ** 20,
    violations: violations.length,
    firstViolation: violations[0] ?? null,
    deterministic: results.every((r) => JSON.stringify(r) === JSON.stringify(result)),
    proposals: result.proposals.length,
    unplaced: result.unplaced.length,
  }),
);
