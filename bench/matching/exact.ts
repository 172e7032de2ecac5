import { objectiveWeights, placementBonus } from "../../lib/matching/objective";
import { tierNames, type Tiers } from "./tiers";
import { meetsNewPersona } from "../../lib/matching/objective";
import { prepare, urgencyHorizonDays, type Prepared, type PreparedEvent } from "../../lib/matching/prepare";
import { staticBlock } from "../../lib/matching/rules";
import type { Assignment, MatchingInput } from "../../lib/matching/types";

/*
 * The exact optimum of the matcher's objective (lib/matching/objective.ts) under its hard rules
 * (lib/matching/rules.ts), as a MIP for HiGHS. Variables:
 *   x_ev ∈ {0,1}  executive e at event v, only where staticBlock is null and e is below target
 *   y_e  ∈ [0,1]  e gets at least one safari (coverage + urgency); y_e ≤ Σ_v x_ev
 *   z_vd ∈ [0,1]  department d is new at event v (not among its attendees); z_vd ≤ Σ_{e∈d} x_ev
 * y and z need no integrality: for integer x the optimum puts them at min(1, Σ x).
 * Placements beyond the deficit are not modelled (Σ_v x_ev ≤ deficit), as the matcher proposes none.
 * Besides the weighted objective, the model keeps each tier's own terms (tiers.ts), with whole-number
 * coefficients (urgency in days), for the lexicographic optimum.
 */

export type ExactModel = {
  lp: string;
  variables: number;
  constraints: number;
  pairs: [number, number][];
  prepared: Prepared;
  /** Each tier as a sum of LP terms ("3 x1_2"), and the parts of the model shared by every objective. */
  tiers: Record<keyof Tiers, string[]>;
  lpWith: (objective: string[], extraRows: string[]) => string;
};

/** Joins terms over several lines, as the LP format does not promise to read arbitrarily long lines. */
function join(terms: string[], sign: "+" | "-"): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 12) lines.push(terms.slice(i, i + 12).join(` ${sign} `));
  return lines.join(`\n ${sign} `);
}
const sum = (terms: string[]) => join(terms, "+");

export function buildModel(input: MatchingInput): ExactModel {
  const p = prepare(input);
  const w = objectiveWeights;
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  const pairs: [number, number][] = [];
  const byEvent = new Map<number, { ei: number; name: string }[]>();
  const tiers = Object.fromEntries(tierNames.map((name) => [name, [] as string[]])) as Record<keyof Tiers, string[]>;
  const term = (tier: keyof Tiers, coefficient: number, variable: string) => {
    if (coefficient !== 0) tiers[tier].push(`${coefficient} ${variable}`);
  };

  for (const executive of p.executives) {
    if (executive.deficit === 0) continue;
    const candidates: PreparedEvent[] = p.events.filter((event) => staticBlock(p, executive, event) === null);
    if (candidates.length === 0) continue;
    const ei = executive.index;
    const x = (event: PreparedEvent) => `x${ei}_${event.index}`;
    for (const event of candidates) {
      pairs.push([ei, event.index]);
      binaries.push(x(event));
      objective.push(`${w.placement + placementBonus(executive, event)} ${x(event)}`);
      term("placements", 1, x(event));
      term("variety", (meetsNewPersona(executive, event) ? 1 : 0) + (executive.typesMet.has(event.type) ? 0 : 1), x(event));
      term("preferred", executive.preferredTypes.has(event.type) ? 1 : 0, x(event));
      let list = byEvent.get(event.index);
      if (!list) byEvent.set(event.index, (list = []));
      list.push({ ei, name: x(event) });
    }
    objective.push(`${w.coverage + w.urgency * executive.urgency} y${ei}`);
    term("covered", 1, `y${ei}`);
    term("urgencyDays", Math.round(executive.urgency * (urgencyHorizonDays + 1)), `y${ei}`);
    bounds.push(`0 <= y${ei} <= 1`);
    rows.push(`cov${ei}: y${ei} - ${join(candidates.map(x), "-")} <= 0`);
    if (candidates.length > executive.deficit) rows.push(`def${ei}: ${sum(candidates.map(x))} <= ${executive.deficit}`);
    if (executive.deficit < 2) continue;

    // No overlap: for interval events, the maximal sets of mutually overlapping ones are those active at some start.
    const cliques = new Set<string>();
    for (const at of candidates) {
      const active = candidates.filter((event) => event.start <= at.start && at.start < event.end);
      if (active.length >= 2) cliques.add(sum(active.map(x)));
    }
    [...cliques].forEach((clique, k) => rows.push(`ovl${ei}_${k}: ${clique} <= 1`));

    // Monthly cap in the executive's zone, bookings of that month included.
    const perMonth = new Map<number, PreparedEvent[]>();
    for (const event of candidates) {
      const month = p.monthOf(executive.timeZone, event);
      perMonth.set(month, [...(perMonth.get(month) ?? []), event]);
    }
    for (const [month, events] of perMonth) {
      const room = executive.monthlyCap - (executive.bookedPerMonth.get(month) ?? 0);
      if (events.length > room) rows.push(`cap${ei}_${month}: ${sum(events.map(x))} <= ${room}`);
    }
  }

  for (const [vi, list] of byEvent) {
    const event = p.events[vi]!;
    if (list.length > event.freeSeats) rows.push(`seat${vi}: ${sum(list.map((c) => c.name))} <= ${event.freeSeats}`);
    const byDepartment = new Map<string, string[]>();
    for (const { ei, name } of list) {
      const department = p.executives[ei]!.department;
      if (event.attendeeDepartments.has(department)) continue;
      byDepartment.set(department, [...(byDepartment.get(department) ?? []), name]);
    }
    let d = 0;
    for (const names of byDepartment.values()) {
      const z = `z${vi}_${d++}`;
      objective.push(`${w.newDepartment} ${z}`);
      term("newDepartments", 1, z);
      bounds.push(`0 <= ${z} <= 1`);
      rows.push(`mix${z}: ${z} - ${join(names, "-")} <= 0`);
    }
  }

  const lpWith = (terms: string[], extraRows: string[]) =>
    ["Maximize", ` obj: ${terms.length ? sum(terms) : "0 dummy"}`, "Subject To", ...[...rows, ...extraRows].map((r) => ` ${r}`), "Bounds", ...bounds.map((b) => ` ${b}`), "Binary", ...binaries.map((b) => ` ${b}`), "End"].join("\n");
  return { lp: lpWith(objective, []), variables: binaries.length + bounds.length, constraints: rows.length, pairs, prepared: p, tiers, lpWith };
}

type Highs = Awaited<ReturnType<(typeof import("highs"))["default"]>>;
type Solution = ReturnType<Highs["solve"]>;

function assignmentsOf(model: ExactModel, solution: Solution): Assignment[] {
  const p = model.prepared;
  const assignments: Assignment[] = [];
  for (const [ei, vi] of model.pairs) {
    const column = solution.Columns[`x${ei}_${vi}`];
    if (column && "Primal" in column && column.Primal > 0.5) assignments.push({ executiveId: p.executives[ei]!.id, eventId: p.events[vi]!.id });
  }
  return assignments;
}

export type ExactResult =
  | { finished: true; objective: number; assignments: Assignment[]; buildMs: number; solveMs: number; variables: number; constraints: number }
  | { finished: false; status: string; buildMs: number; solveMs: number; variables: number; constraints: number };

export async function solveExact(input: MatchingInput, timeLimitSeconds = 60): Promise<ExactResult> {
  const built = performance.now();
  const model = buildModel(input);
  const buildMs = performance.now() - built;
  const highs = await (await import("highs")).default();
  // A tiny solve first, so the timed one measures HiGHS and not the engine compiling its WASM.
  highs.solve("Maximize\n obj: w\nSubject To\n c: w <= 1\nBinary\n w\nEnd", { output_flag: false });
  const started = performance.now();
  const solution = highs.solve(model.lp, { time_limit: timeLimitSeconds, mip_rel_gap: 0, output_flag: false });
  const solveMs = performance.now() - started;
  const size = { buildMs, solveMs, variables: model.variables, constraints: model.constraints };
  if (solution.Status !== "Optimal") return { finished: false, status: solution.Status, ...size };

  return { finished: true, objective: solution.ObjectiveValue, assignments: assignmentsOf(model, solution), ...size };
}

export type LexicographicResult =
  | { finished: true; optimum: Tiers; assignments: Assignment[]; solveMs: number; variables: number; constraints: number }
  | { finished: false; status: string; solveMs: number; variables: number; constraints: number };

/**
 * The lexicographic optimum: maximize the first tier; keep it at its optimum as a constraint and maximize
 * the second; and so on down the tiers. Every tier is a whole number, so "at its optimum" is ≥ optimum − ½.
 * `timeLimitSeconds` bounds each solve.
 */
export async function solveLexicographic(input: MatchingInput, timeLimitSeconds = 60): Promise<LexicographicResult> {
  const model = buildModel(input);
  const highs = await (await import("highs")).default();
  const size = { variables: model.variables, constraints: model.constraints };
  const started = performance.now();
  const fixed: string[] = [];
  const optimum = Object.fromEntries(tierNames.map((name) => [name, 0])) as Tiers;
  let last: Solution | null = null;
  for (const tier of tierNames) {
    const terms = model.tiers[tier];
    if (terms.length === 0) continue;
    const solution = highs.solve(model.lpWith(terms, fixed), { time_limit: timeLimitSeconds, mip_rel_gap: 0, output_flag: false });
    if (solution.Status !== "Optimal") return { finished: false, status: `${tier}: ${solution.Status}`, solveMs: performance.now() - started, ...size };
    optimum[tier] = Math.round(solution.ObjectiveValue);
    fixed.push(`fix_${tier}: ${sum(terms)} >= ${optimum[tier] - 0.5}`);
    last = solution;
  }
  const assignments = last ? assignmentsOf(model, last) : [];
  return { finished: true, optimum, assignments, solveMs: performance.now() - started, ...size };
}
