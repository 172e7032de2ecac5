import { scoreAssignments } from "../../lib/matching/objective";
import { checkHardRules } from "../../lib/matching/rules";
import { solveExact } from "./exact";
import { generateInstance, sizes } from "./generate";

/*
 * Solves one size exactly and prints one JSON line. A child process of its own, so that a WASM crash,
 * an out-of-memory abort or a model that takes too long to read only costs this size ("—" in the table).
 *   tsx bench/matching/exact-one.ts <size index> [seed]
 */

const size = sizes[Number(process.argv[2])];
if (!size) throw new Error(`size index must be 0..${sizes.length - 1}`);
const seed = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const input = generateInstance(size, seed);
const result = await solveExact(input, 60);
if (!result.finished) {
  console.log(JSON.stringify(result));
} else {
  // The solution is checked with the same code as the matcher's: rules broken and its own score.
  const violations = checkHardRules(input, result.assignments);
  const score = scoreAssignments(input, result.assignments);
  const { assignments, ...rest } = result;
  console.log(JSON.stringify({ ...rest, placements: assignments.length, violations: violations.length, firstViolation: violations[0] ?? null, score }));
}
