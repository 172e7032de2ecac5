import { proposeMatches } from "../../lib/matching/matcher";
import { scoreAssignments } from "../../lib/matching/objective";
import { prepare } from "../../lib/matching/prepare";
import { checkHardRules } from "../../lib/matching/rules";
import type { Assignment } from "../../lib/matching/types";
import { solveLexicographic } from "./exact";
import { instanceFromArgs } from "./families";
import { firstFit } from "./first-fit";
import { tiersOf } from "./tiers";

/*
 * One instance's tiers: the matcher's, first fit's and the exact lexicographic optimum's. Prints one JSON
 * line. A child process of its own, so that a WASM crash or an out-of-memory abort only costs this instance.
 *   tsx bench/matching/quality-one.ts <family> <executives> <events> <seed>
 */

const input = instanceFromArgs(process.argv.slice(2));
const prepared = prepare(input);
// Every solution is checked with the same code: hard rules broken, and its tiers from objective.ts.
const judge = (assignments: Assignment[]) => {
  const violations = checkHardRules(input, assignments, prepared);
  return { tiers: tiersOf(scoreAssignments(input, assignments, prepared)), violations: violations.length, firstViolation: violations[0] ?? null };
};
const matcher = judge(proposeMatches(input).proposals.map(({ executiveId, eventId }) => ({ executiveId, eventId })));
const baseline = judge(firstFit(input));
const exact = await solveLexicographic(input, 60);
const { variables, constraints, solveMs } = exact;
if (!exact.finished) {
  console.log(JSON.stringify({ matcher, firstFit: baseline, exact: { finished: false, status: exact.status, variables, constraints, solveMs } }));
} else {
  // The last solve's assignment must score the optimum of every tier; else the model and objective.ts disagree.
  const check = judge(exact.assignments);
  console.log(JSON.stringify({ matcher, firstFit: baseline, exact: { finished: true, optimum: exact.optimum, check, variables, constraints, solveMs } }));
}
