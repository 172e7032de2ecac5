import { prepare, type Prepared, type PreparedEvent, type PreparedExecutive } from "./prepare";
import type { Assignment, MatchingInput } from "./types";

/*
 * The one objective every assignment is scored with (the matcher's and the exact solver's alike).
 * Higher is better. The priorities of the brief, in order, as weights a lower tier cannot outweigh
 * for a single placement:
 *
 *   1. Executives below their cadence target are placed, those longest without customer contact first:
 *        coverage     1,000,000  for each executive below target who gets at least one safari
 *        urgency        731,000 × u  for each of them, u = min(days without contact, 730) / 731, and 1
 *                                    for never: 1,000 a day of waiting, so the longest-waiting go
 *                                    first and one day more outweighs anything tiers 2–4 add (670);
 *                                    all of it stays below one more executive covered
 *        placement       10,000  for each safari that brings an executive closer to the target
 *                                (only up to the target: more is not rewarded)
 *   2. Variety:   300 when the event shows a persona the executive has not met, 300 for a new event type
 *   3. The executive's preferred event types: 60
 *   4. Department mix: 10 for each department an event gains that was not at its table yet
 *
 * Per placement, tiers 2–4 add at most 670, less than one placement (10,000); seniority is not an input
 * of the objective at all, so C-level executives are neither favoured nor exempt.
 */
export const objectiveWeights = {
  coverage: 1_000_000,
  urgency: 731_000,
  placement: 10_000,
  newPersona: 300,
  newType: 300,
  preferredType: 60,
  newDepartment: 10,
} as const;

export type ObjectiveScore = {
  total: number;
  covered: number;
  urgency: number;
  placements: number;
  newPersonas: number;
  newTypes: number;
  preferred: number;
  newDepartments: number;
};

/** The tier 2–3 value of one placement (variety and preference), which does not depend on the others. */
export function placementBonus(executive: PreparedExecutive, event: PreparedEvent): number {
  let bonus = 0;
  if (meetsNewPersona(executive, event)) bonus += objectiveWeights.newPersona;
  if (!executive.typesMet.has(event.type)) bonus += objectiveWeights.newType;
  if (executive.preferredTypes.has(event.type)) bonus += objectiveWeights.preferredType;
  return bonus;
}

export function meetsNewPersona(executive: PreparedExecutive, event: PreparedEvent): boolean {
  // A plain loop: this runs for every executive–event pair the executive may take.
  for (const persona of event.personaIds) if (!executive.personasMet.has(persona)) return true;
  return false;
}

/** Scores a set of assignments (assumed to keep the hard rules; see checkHardRules). */
export function scoreAssignments(input: MatchingInput, assignments: Assignment[], prepared: Prepared = prepare(input)): ObjectiveScore {
  const p = prepared;
  const perExecutive = new Map<number, PreparedEvent[]>();
  const departmentsAt = new Map<number, Set<string>>();
  const score: ObjectiveScore = { total: 0, covered: 0, urgency: 0, placements: 0, newPersonas: 0, newTypes: 0, preferred: 0, newDepartments: 0 };

  for (const { executiveId, eventId } of assignments) {
    const executive = p.executives[p.executiveIndex.get(executiveId)!]!;
    const event = p.events[p.eventIndex.get(eventId)!]!;
    const list = perExecutive.get(executive.index) ?? [];
    list.push(event);
    perExecutive.set(executive.index, list);
  }

  for (const [ei, events] of perExecutive) {
    const executive = p.executives[ei]!;
    if (executive.deficit === 0) continue;
    score.covered += 1;
    score.urgency += executive.urgency;
    // Only placements up to the target count, for every tier; which ones is the best-scoring choice.
    const counted = events.map((event) => ({ event, bonus: placementBonus(executive, event) })).sort((a, b) => b.bonus - a.bonus).slice(0, executive.deficit);
    score.placements += counted.length;
    for (const { event } of counted) {
      if (meetsNewPersona(executive, event)) score.newPersonas += 1;
      if (!executive.typesMet.has(event.type)) score.newTypes += 1;
      if (executive.preferredTypes.has(event.type)) score.preferred += 1;
      if (!event.attendeeDepartments.has(executive.department)) {
        const departments = departmentsAt.get(event.index) ?? new Set<string>();
        departments.add(executive.department);
        departmentsAt.set(event.index, departments);
      }
    }
  }
  for (const departments of departmentsAt.values()) score.newDepartments += departments.size;

  const w = objectiveWeights;
  score.total =
    score.covered * w.coverage +
    score.urgency * w.urgency +
    score.placements * w.placement +
    score.newPersonas * w.newPersona +
    score.newTypes * w.newType +
    score.preferred * w.preferredType +
    score.newDepartments * w.newDepartment;
  return score;
}
