import { proposeMatches } from "../../lib/matching/matcher";
import { scoreAssignments } from "../../lib/matching/objective";
import { checkHardRules } from "../../lib/matching/rules";
import type { MatchingResult } from "../../lib/matching/types";
import { generateInstance, sizes } from "./generate";

/*
 * Runs the matcher on one size in a fresh process, so its peak memory is its own and not what earlier
 * sizes or the exact solver left behind. Prints one JSON line.
 *   node --expose-gc --import tsx bench/matching/measure-one.ts <size index> [seed]
 */

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc, so the baseline is taken after a full collection");

const size = sizes[Number(process.argv[2])];
if (!size) throw new Error(`size index must be 0..${sizes.length - 1}`);
const seed = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const input = generateInstance(size, seed);

gc();
const baselineRss = process.memoryUsage().rss;
const times: number[] = [];
const results: MatchingResult[] = [];
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  results.push(proposeMatches(input));
  times.push(performance.now() - started);
  gc();
}
// maxRSS (KiB) is the process's lifetime peak: if generating the instance peaked higher than the matcher,
// this overstates the matcher's share, never understates it.
const peakRss = process.resourceUsage().maxRSS * 1024;

const result = results[0]!;
const assignments = result.proposals.map(({ executiveId, eventId }) => ({ executiveId, eventId }));
const violations = checkHardRules(input, assignments);
console.log(
  JSON.stringify({
    score: scoreAssignments(input, assignments),
    medianMs: [...times].sort((a, b) => a - b)[1],
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
