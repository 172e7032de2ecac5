import { meetsNewPersona, objectiveWeights, placementBonus } from "./objective";
import type { Prepared, PreparedEvent, PreparedExecutive } from "./prepare";
import { staticBlock } from "./rules";

/*
 * The matcher's working state (who holds which seat, what is left) and the few operations every pass
 * changes it with: assign, unassign, a tentative change that undoes itself, and the per-executive rules.
 */

/** Every value placementBonus can take (each of its three parts there or not), best first, and each one's rank. */
const { newPersona, newType, preferredType } = objectiveWeights;
export const bonusValues = [
  ...new Set([0, newPersona].flatMap((a) => [0, newType].flatMap((b) => [0, preferredType].map((c) => a + b + c)))),
].sort((a, b) => b - a);
export const bonusBucket = new Int8Array(bonusValues[0]! + 1);
bonusValues.forEach((value, rank) => (bonusBucket[value] = rank));

export type State = {
  p: Prepared;
  /**
   * Static eligibility and placement bonus in one: bonusAt[v * executiveCount + e] is placementBonus of
   * executive e at event v when e may ever take v, else -1. A lookup, as the improvement pass asks millions
   * of times; by event, as it asks about one event for many executives in a row (the row stays in cache).
   */
  bonusAt: Int16Array;
  /** Per executive: eligible events, best placement bonus first, and those bonuses. */
  candidates: Int32Array[];
  bonuses: Int32Array[];
  seatsLeft: Int32Array;
  /** 1 for each event some executive below target could ever take (on some candidate list). */
  listed: Uint8Array;
  /** Free seats left at listed events: when none is left, no search can succeed. */
  seatsOpen: number;
  /** Per executive: the events proposed, in the order they were placed. */
  placed: number[][];
  /** Per event: the executives proposed for it. */
  holders: number[][];
  /** Per event: each holder's placement bonus there, in the order of `holders` (read together, millions of times). */
  holderBonuses: number[][];
  /** Per executive: their department as a number, 0 to departmentCount − 1. */
  departmentOf: Int32Array;
  departmentCount: number;
  /**
   * Per event and department, at [event × departmentCount + department]: how many of it are proposed there,
   * and (1) whether one already attends. Arrays, not maps, as the improvement pass asks millions of times;
   * departments are few, so they take little room (events × departments × 5 bytes).
   */
  proposedFrom: Int32Array;
  attendedFrom: Uint8Array;
  /** While a tentative change runs: every assign (+) and unassign (−) as [sign, executive, event], to undo it. */
  journal: [1 | -1, number, number][] | null;
};

export function buildState(p: Prepared): State {
  const eventCount = p.events.length;
  const bonusAt = new Int16Array(p.executives.length * eventCount).fill(-1);
  const candidates: Int32Array[] = [];
  const bonuses: Int32Array[] = [];
  const bonusTable = placementBonusTable(p);
  const listed = new Uint8Array(eventCount);
  // A bonus takes one of a few values: a counting sort by bucket keeps event order within each bonus.
  const eventsOf = new Int32Array(eventCount);
  const bucketOf = new Int32Array(eventCount);
  for (const executive of p.executives) {
    const counts = new Int32Array(bonusValues.length + 1);
    let n = 0;
    if (executive.deficit > 0) {
      const bonusAtEvent = bonusTable(executive);
      for (const event of p.events) {
        if (staticBlock(p, executive, event) !== null) continue;
        const bonus = bonusAtEvent(event.index);
        bonusAt[event.index * p.executives.length + executive.index] = bonus;
        listed[event.index] = 1;
        eventsOf[n] = event.index;
        bucketOf[n++] = bonusBucket[bonus]!;
        counts[bonusBucket[bonus]! + 1]! += 1;
      }
    }
    for (let b = 1; b < counts.length; b++) counts[b]! += counts[b - 1]!;
    const list = new Int32Array(n);
    const listBonuses = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const at = counts[bucketOf[i]!]!++;
      list[at] = eventsOf[i]!;
      listBonuses[at] = bonusValues[bucketOf[i]!]!;
    }
    candidates.push(list);
    bonuses.push(listBonuses);
  }
  return {
    p,
    bonusAt,
    candidates,
    bonuses,
    seatsLeft: Int32Array.from(p.events, (event) => event.freeSeats),
    listed,
    seatsOpen: p.events.reduce((sum, event) => sum + (listed[event.index] ? event.freeSeats : 0), 0),
    placed: p.executives.map(() => []),
    holders: p.events.map(() => []),
    holderBonuses: p.events.map(() => []),
    ...departmentTables(p),
    journal: null,
  };
}

/**
 * placementBonus for every executive–event pair, by table: it depends on the event's type and personas only,
 * and types and sets of personas are few, so each executive's bonus per type and per set of personas is
 * worked out once (with placementBonus's own rules) rather than with three set lookups per pair.
 */
function placementBonusTable(p: Prepared): (executive: PreparedExecutive) => (v: number) => number {
  const typeIds = new Map<string, number>();
  const personaSetIds = new Map<string, number>();
  const types: string[] = [];
  const personaSets: PreparedEvent[] = [];
  const typeOf = new Int32Array(p.events.length);
  const personaSetOf = new Int32Array(p.events.length);
  for (const event of p.events) {
    if (!typeIds.has(event.type)) {
      typeIds.set(event.type, types.length);
      types.push(event.type);
    }
    typeOf[event.index] = typeIds.get(event.type)!;
    // personaIds are sorted, so the same set gives the same key.
    const key = event.personaIds.join("\u0000");
    if (!personaSetIds.has(key)) {
      personaSetIds.set(key, personaSets.length);
      personaSets.push(event);
    }
    personaSetOf[event.index] = personaSetIds.get(key)!;
  }
  const typeBonus = new Int32Array(types.length);
  const personaBonus = new Int32Array(personaSets.length);
  return (executive) => {
    types.forEach((type, t) => {
      typeBonus[t] = (executive.typesMet.has(type) ? 0 : objectiveWeights.newType) + (executive.preferredTypes.has(type) ? objectiveWeights.preferredType : 0);
    });
    personaSets.forEach((event, s) => (personaBonus[s] = meetsNewPersona(executive, event) ? objectiveWeights.newPersona : 0));
    return (v) => typeBonus[typeOf[v]!]! + personaBonus[personaSetOf[v]!]!;
  };
}

function departmentTables(p: Prepared) {
  const numbers = new Map<string, number>();
  const departmentOf = Int32Array.from(p.executives, (executive) => {
    if (!numbers.has(executive.department)) numbers.set(executive.department, numbers.size);
    return numbers.get(executive.department)!;
  });
  const departmentCount = numbers.size;
  const attendedFrom = new Uint8Array(p.events.length * departmentCount);
  for (const event of p.events) {
    for (const department of event.attendeeDepartments) attendedFrom[event.index * departmentCount + numbers.get(department)!] = 1;
  }
  return { departmentOf, departmentCount, proposedFrom: new Int32Array(p.events.length * departmentCount), attendedFrom };
}

/** Variety, preference and what the executive's department adds to the table: tiers 2–4 of one placement. */
export function placementValue(state: State, executive: PreparedExecutive, event: PreparedEvent, leaving = false): number {
  const proposedHere = sameDepartmentAt(state, executive.index, event.index);
  // When the executive is the one leaving, their own seat does not count as someone else's.
  return placementValueWith(state, executive, event, leaving ? proposedHere - 1 : proposedHere);
}

/** The same, given how many others of the executive's department are proposed for the event. */
export function placementValueWith(state: State, executive: PreparedExecutive, event: PreparedEvent, sameDepartmentOthers: number): number {
  return bonusOf(state, executive.index, event.index) + departmentValue(state, executive.index, event.index, sameDepartmentOthers);
}

/** How many of executive e's department are proposed for event v (e included, when proposed there). */
export const sameDepartmentAt = (state: State, e: number, v: number) => state.proposedFrom[v * state.departmentCount + state.departmentOf[e]!]!;

/** What executive e's department adds at event v's table (tier 4), given the others of it proposed there. */
export function departmentValue(state: State, e: number, v: number, sameDepartmentOthers: number): number {
  const attended = state.attendedFrom[v * state.departmentCount + state.departmentOf[e]!]!;
  return attended === 0 && sameDepartmentOthers === 0 ? objectiveWeights.newDepartment : 0;
}

/** placementBonus from the table; every pair asked about is one the executive may take, so it is there. */
export function bonusOf(state: State, e: number, v: number): number {
  const bonus = state.bonusAt[v * state.p.executives.length + e]!;
  return bonus >= 0 ? bonus : placementBonus(state.p.executives[e]!, state.p.events[v]!);
}

export function assign(state: State, e: number, v: number) {
  state.journal?.push([1, e, v]);
  state.placed[e]!.push(v);
  state.holders[v]!.push(e);
  state.holderBonuses[v]!.push(bonusOf(state, e, v));
  state.seatsLeft[v]! -= 1;
  state.seatsOpen -= 1;
  state.proposedFrom[v * state.departmentCount + state.departmentOf[e]!]! += 1;
}

export function unassign(state: State, e: number, v: number) {
  state.journal?.push([-1, e, v]);
  const placed = state.placed[e]!;
  placed.splice(placed.indexOf(v), 1);
  const holders = state.holders[v]!;
  const at = holders.indexOf(e);
  holders.splice(at, 1);
  state.holderBonuses[v]!.splice(at, 1);
  state.seatsLeft[v]! += 1;
  state.seatsOpen += 1;
  state.proposedFrom[v * state.departmentCount + state.departmentOf[e]!]! -= 1;
}

/** Runs `change`; keeps what it did when it returns true, else undoes it step by step. */
export function tentatively(state: State, change: () => boolean): boolean {
  const outer = state.journal;
  state.journal = [];
  const journal = state.journal;
  const kept = change();
  state.journal = outer;
  if (kept) {
    outer?.push(...journal);
    return true;
  }
  for (let i = journal.length - 1; i >= 0; i--) {
    const [sign, e, v] = journal[i]!;
    // Undo without journaling into the outer change: its own record of these steps was never made.
    state.journal = null;
    if (sign === 1) unassign(state, e, v);
    else assign(state, e, v);
    state.journal = outer;
  }
  return false;
}

/**
 * Whether the executive can take `event` next to their other placements (leaving `except` out):
 * not twice, no overlap, and the monthly cap with bookings and placements together.
 */
export function fitsWithOthers(state: State, executive: PreparedExecutive, event: PreparedEvent, except: number): boolean {
  const placed = state.placed[executive.index]!;
  if (placed.length === 0 || (placed.length === 1 && placed[0] === except)) return true;
  const months = executive.eventMonths;
  const month = months[event.index]!;
  let inMonth = executive.bookedPerMonth.size === 0 ? 0 : (executive.bookedPerMonth.get(month) ?? 0);
  for (const v of placed) {
    if (v === except) continue;
    if (v === event.index) return false;
    const other = state.p.events[v]!;
    if (other.start < event.end && event.start < other.end) return false;
    if (months[v] === month) inMonth += 1;
  }
  return inMonth < executive.monthlyCap;
}

/** Whether the executive's placements, with their bookings, overlap nowhere and keep the monthly cap. */
export function keepsRules(state: State, executive: PreparedExecutive): boolean {
  const placed = state.placed[executive.index]!;
  const perMonth = new Map<number, number>();
  for (let i = 0; i < placed.length; i++) {
    const event = state.p.events[placed[i]!]!;
    for (let j = i + 1; j < placed.length; j++) {
      const other = state.p.events[placed[j]!]!;
      if (event.index === other.index || (other.start < event.end && event.start < other.end)) return false;
    }
    const month = state.p.monthOf(executive.timeZone, event);
    perMonth.set(month, (perMonth.get(month) ?? executive.bookedPerMonth.get(month) ?? 0) + 1);
  }
  return [...perMonth.values()].every((count) => count <= executive.monthlyCap);
}
