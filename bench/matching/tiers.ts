import type { ObjectiveScore } from "../../lib/matching/objective";
import { urgencyHorizonDays } from "../../lib/matching/prepare";

/*
 * The objective's tiers, in priority order, as whole numbers: what the benchmark compares one by one.
 * Urgency is counted in days without contact (capped at two years; never met counts as 731), so a tier can
 * be fixed at its optimum exactly.
 */

export const tierNames = ["covered", "urgencyDays", "placements", "variety", "preferred", "newDepartments"] as const;
export type Tiers = Record<(typeof tierNames)[number], number>;

export const tierLabels: Record<keyof Tiers, string> = {
  covered: "covered",
  urgencyDays: "urgency-days",
  placements: "placements",
  variety: "variety",
  preferred: "preferred",
  newDepartments: "new departments",
};

/** The first three must equal the optimum; the last three are held to a ratio. */
export const exactTiers = ["covered", "urgencyDays", "placements"] as const;
export const ratioTiers = ["variety", "preferred", "newDepartments"] as const;

export function tiersOf(score: ObjectiveScore): Tiers {
  return {
    covered: score.covered,
    urgencyDays: Math.round(score.urgency * (urgencyHorizonDays + 1)),
    placements: score.placements,
    variety: score.newPersonas + score.newTypes,
    preferred: score.preferred,
    newDepartments: score.newDepartments,
  };
}

/** A tier's value over its optimum; 1 when the optimum is 0 (nothing to gain there). */
export const tierRatio = (value: number, optimum: number) => (optimum === 0 ? 1 : value / optimum);
