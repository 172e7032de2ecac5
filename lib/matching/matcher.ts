import { improveByChains } from "./chains";
import { explainPlacement, explainShortfall } from "./explain";
import { objectiveWeights } from "./objective";
import { prepare, type PreparedEvent, type PreparedExecutive } from "./prepare";
import {
  assign,
  bonusBucket,
  bonusOf,
  bonusValues,
  buildState,
  departmentValue,
  fitsWithOthers,
  keepsRules,
  placementValue,
  placementValueWith,
  sameDepartmentAt,
  tentatively,
  unassign,
  type State,
} from "./state";
import type { MatchingInput, MatchingResult, Proposal } from "./types";

/*
 * Proposes seats for executives below their cadence target, in four passes over one shared state:
 *
 * 1. Coverage. Executives are taken longest-without-contact first; each gets one seat, directly when a
 *    fitting event has one free, else through an augmenting path that moves already placed executives
 *    to other fitting events to free a seat. Executives with one seat each and events with seats form a
 *    transversal matroid, so this greedy order places the most executives with the highest total
 *    urgency there is (tier 1). A search that finds no path marks every event it saw as closed: no later
 *    search can free a seat there either, which keeps the whole pass near-linear.
 * 2. Further placements for targets above one, the same way, a round at a time so nobody takes a
 *    second seat before everyone below target had a turn at a first.
 * 3. Improvement: a placement moves to a free seat, or swaps with another executive, when that raises
 *    variety, preference and department mix (tiers 2–4) without touching tier 1. Seats its moves free
 *    go to whoever is still below target and can take them.
 * 4. Chains (chains.ts): longer chains and cycles of seat changes, including a seat handed between
 *    executives of equal standing for tier 1, kept only when the tiers come out lexicographically better.
 *
 * Everything is ordered by id after `prepare`, so the same input in any order gives the same result.
 */

/**
 * The chain pass looks at this many edges per executive–event pair at most, and never more than the cap: a
 * few hundred executives get enough for the chains to run out (300 × 100 at month edges needs about 3.5
 * million); at 5,000 × 1,000 the whole pass takes a few tenths of a second. Counted in edges, not time, so
 * the same input always gives the same result.
 */
const chainEdgesPerPair = 200;
const chainEdgesCap = 4_000_000;

export function proposeMatches(input: MatchingInput): MatchingResult {
  const p = prepare(input);
  const state = buildState(p);
  const order = p.executives
    .filter((executive) => executive.deficit > 0)
    .sort((a, b) => b.urgency - a.urgency || a.index - b.index);

  const placer = makePlacer(state);
  cover(placer.place, order);
  placer.reopen();
  placeFurther(state, order, (executive) => placeAnother(state, placer, executive));
  improve(state, order);
  // Moves in the improvement pass can free a seat someone still waiting could take: give it to them.
  fill(state, order, placer);
  // Chains of moves for the lower tiers, within a budget of work proportional to the pairs there are, capped.
  const pairs = state.candidates.reduce((sum, list) => sum + list.length, 0);
  improveByChains(state, order, Math.min(chainEdgesPerPair * pairs, chainEdgesCap));

  const proposals: Proposal[] = [];
  const departmentNamed = p.events.map(() => new Set<string>());
  for (const executive of p.executives) {
    for (const v of [...state.placed[executive.index]!].sort((a, b) => a - b)) {
      const event = p.events[v]!;
      const first = !departmentNamed[v]!.has(executive.department);
      departmentNamed[v]!.add(executive.department);
      proposals.push({ executiveId: executive.id, eventId: event.id, reason: explainPlacement(executive, event, first) });
    }
  }
  const unplaced = order
    .filter((executive) => state.placed[executive.index]!.length < executive.deficit)
    .sort((a, b) => a.index - b.index)
    .map((executive) => explainShortfall(p, executive, state.placed[executive.index]!.length, state.candidates[executive.index]!.length));
  return { proposals, unplaced };
}

/** The best free event the executive can take now, considering their other placements, or -1. */
function bestFreeEvent(state: State, executive: PreparedExecutive, skip?: Int32Array, skipStamp = 0, avoid = -1): number {
  let best = -1;
  let bestValue = -1;
  const candidates = state.candidates[executive.index]!;
  const bonuses = state.bonuses[executive.index]!;
  for (let i = 0; i < candidates.length; i++) {
    // Best bonus first: once even the department bonus on top cannot win, stop looking.
    if (bonuses[i]! + objectiveWeights.newDepartment <= bestValue) break;
    const v = candidates[i]!;
    if (state.seatsLeft[v]! <= 0 || v === avoid || (skip && skip[v] === skipStamp)) continue;
    const event = state.p.events[v]!;
    if (!fitsWithOthers(state, executive, event, -1)) continue;
    const value = placementValue(state, executive, event);
    if (value > bestValue) {
      best = v;
      bestValue = value;
    }
  }
  return best;
}

/**
 * Gives an executive one more seat if there is a way: a free fitting event, or a path event → an
 * executive holding it → another event that executive fits … → an event with a free seat, along
 * which everyone moves on by one (only the last event loses a seat). Each executive moves at most once
 * per path, and every move is checked against their other placements.
 *
 * A search that fails marks the events it saw as closed, which keeps the searches near-linear. With one
 * seat each (the coverage pass) that is exact: it is the augmenting path of bipartite matching, and an
 * event with no path to a free seat never gets one. With several seats each it holds only while nothing
 * moves and only when the searcher, who never moves in its own search, held none of those events: so
 * from the second seat on, closure is forgotten after every change (`reopen`) and not made then.
 * The searcher's own earlier seats are moved by `placeAnother`.
 */
function makePlacer(state: State) {
  const { p } = state;
  const eventCount = p.events.length;
  const closed = new Int32Array(eventCount);
  let closedStamp = 1;
  const seenAt = new Int32Array(eventCount).fill(-1);
  const expandedAt = new Int32Array(p.executives.length).fill(-1);
  const reachedBy = new Int32Array(eventCount);
  const leftFrom = new Int32Array(eventCount);
  const expandedFrom = new Set<number>();
  let search = 0;
  // Events some searcher could ever reach (on some candidate list), and how many of them are closed: once a
  // search has seen all the others, expanding more holders cannot reach anything new, so it stops there.
  const { listed } = state;
  const reachable = listed.reduce((sum, x) => sum + x, 0);
  let closedCount = 0;
  // The events the current search has neither seen nor closed, by index, listed once most are seen (see
  // `expand`), and the sort keys of one expansion.
  const unseen = new Int32Array(eventCount);
  let unseenCount = 0;
  let unseenSearch = -1;
  const keys: number[] = [];

  const place = (executive: PreparedExecutive, avoid = -1, mayClose = true): boolean => {
    const root = executive.index;
    // A seat taken directly is a free seat, and so is the end of every path. Once the seats are gone (the
    // usual end of the later rounds), looking for one only to fail cost most of the time on instances with
    // targets of 2–3.
    if (state.seatsOpen <= 0) return false;
    const direct = bestFreeEvent(state, executive, closed, closedStamp, avoid);
    if (direct >= 0) {
      assign(state, root, direct);
      return true;
    }
    search += 1;
    expandedFrom.clear();
    const queue: number[] = [];
    let free = -1;
    /** The mover could go to event v, leaving `from` (-1 for the root's new seat). True when v has a free seat. */
    const visit = (v: number, mover: number, from: number) => {
      if (closed[v] === closedStamp || seenAt[v] === search) return false;
      if (!fitsWithOthers(state, p.executives[mover]!, p.events[v]!, from)) return false;
      seenAt[v] = search;
      reachedBy[v] = mover;
      leftFrom[v] = from;
      if (state.seatsLeft[v]! > 0) {
        free = v;
        return true;
      }
      queue.push(v);
      return false;
    };
    /**
     * Visits every event on the holder's candidate list, in its order, until one has a free seat. Late in a
     * search most events are seen or closed, and visiting them does nothing: then the few left are walked
     * instead, those on the holder's list sorted into the list's order (bonus bucket, then index), which
     * makes the same visits in the same order for a fraction of the work.
     */
    const expand = (holder: number, from: number) => {
      const list = state.candidates[holder]!;
      if (reachable - closedCount - queue.length >= list.length) {
        for (const w of list) if (visit(w, holder, from)) return;
        return;
      }
      if (unseenSearch !== search) {
        unseenSearch = search;
        unseenCount = 0;
        for (let v = 0; v < eventCount; v++) if (listed[v] && closed[v] !== closedStamp && seenAt[v] !== search) unseen[unseenCount++] = v;
      }
      keys.length = 0;
      let kept = 0;
      for (let i = 0; i < unseenCount; i++) {
        const v = unseen[i]!;
        if (seenAt[v] === search) continue;
        unseen[kept++] = v;
        const bonus = state.bonusAt[v * p.executives.length + holder]!;
        if (bonus >= 0) keys.push(bonusBucket[bonus]! * eventCount + v);
      }
      unseenCount = kept;
      keys.sort((a, b) => a - b);
      for (const key of keys) if (visit(key % eventCount, holder, from)) return;
    };
    // The root keeps the seats it has; only others move.
    expandedAt[root] = search;
    for (const v of state.candidates[root]!) if (v !== avoid && visit(v, root, -1)) break;
    for (let head = 0; free < 0 && head < queue.length && queue.length + closedCount < reachable; head++) {
      const from = queue[head]!;
      for (const holder of state.holders[from]!) {
        // An executive with one seat is expanded once; one with several, once from each of its events.
        if (state.placed[holder]!.length === 1 ? expandedAt[holder] === search : expandedFrom.has(holder * eventCount + from)) continue;
        expandedAt[holder] = search;
        expandedFrom.add(holder * eventCount + from);
        expand(holder, from);
        if (free >= 0 || queue.length + closedCount >= reachable) break;
      }
    }
    if (free < 0) {
      // The root is never expanded: when it holds an event seen, what lies behind its seat there is unexplored.
      const rootHolds = state.placed[root]!.some((v) => seenAt[v] === search);
      if (mayClose && !rootHolds) {
        for (const v of queue) closed[v] = closedStamp;
        closedCount += queue.length;
      }
      return false;
    }
    // Each move was checked against the mover's seats before the path; one who moves twice along it is
    // checked again once it is applied, and the path undone when the two moves do not fit together.
    const movers: number[] = [];
    return tentatively(state, () => {
      for (let v = free; ; ) {
        const mover = reachedBy[v]!;
        const from = leftFrom[v]!;
        if (from >= 0) unassign(state, mover, from);
        assign(state, mover, v);
        movers.push(mover);
        if (mover === root) break;
        v = from;
      }
      return movers.length === new Set(movers).size || movers.every((e) => keepsRules(state, p.executives[e]!));
    });
  };
  const reopen = () => {
    closedStamp += 1;
    closedCount = 0;
  };
  return { place, reopen };
}

type Placer = ReturnType<typeof makePlacer>;

/**
 * One more seat for an executive who has some: a search as above, and when it fails, each earlier seat
 * in turn given up and two seats searched for without it, so the executive's own seat can move too
 * (say from an event overlapping two others to one of them). Kept only when both are found.
 */
function placeAnother(state: State, placer: Placer, executive: PreparedExecutive): boolean {
  // A failed search may close what it saw: that holds until the next change, which reopens everything.
  if (placer.place(executive)) {
    placer.reopen();
    return true;
  }
  for (const own of [...state.placed[executive.index]!]) {
    const moved = tentatively(state, () => {
      unassign(state, executive.index, own);
      return placer.place(executive, own, false) && placer.place(executive, -1, false);
    });
    if (moved) {
      placer.reopen();
      return true;
    }
  }
  return false;
}

/** One seat for every executive below target that can have one, longest without contact first. */
function cover(place: (executive: PreparedExecutive) => boolean, order: PreparedExecutive[]) {
  for (const executive of order) place(executive);
}

/** Further seats up to each target, a round at a time, so a second seat never comes before a first. */
function placeFurther(state: State, order: PreparedExecutive[], place: (executive: PreparedExecutive) => boolean) {
  let waiting = order.filter((e) => state.placed[e.index]!.length > 0 && state.placed[e.index]!.length < e.deficit);
  while (waiting.length > 0) {
    waiting = waiting.filter((e) => place(e) && state.placed[e.index]!.length < e.deficit);
  }
}

/**
 * After the improvement pass, whoever is still below target searches again, with moves of others as in
 * the first passes: its swaps and moves change who holds what, which can open a path that was not there.
 */
function fill(state: State, order: PreparedExecutive[], placer: Placer) {
  placer.reopen();
  for (const executive of order) {
    if (state.placed[executive.index]!.length === 0 && placer.place(executive)) placer.reopen();
  }
  placeFurther(state, order, (executive) => placeAnother(state, placer, executive));
}

function improve(state: State, order: PreparedExecutive[]) {
  const { p } = state;
  const byEvent = executivesByEvent(state);
  // Two passes, not three: the chain pass after this one does more with the time a third took.
  for (let pass = 0; pass < 2; pass++) {
    let changed = false;
    for (const executive of order) {
      for (const current of [...state.placed[executive.index]!]) {
        const here = p.events[current]!;
        const mineHere = bonusOf(state, executive.index, current);
        const stay = placementValue(state, executive, here, true);
        const candidates = state.candidates[executive.index]!;
        const bonuses = state.bonuses[executive.index]!;
        for (let i = 0; i < candidates.length; i++) {
          // Candidates come best bonus first: once the bonus alone cannot beat staying, nothing later will.
          if (bonuses[i]! + objectiveWeights.newDepartment <= stay) break;
          const v = candidates[i]!;
          if (v === current) continue;
          const there = p.events[v]!;
          if (!fitsWithOthers(state, executive, there, current)) continue;
          if (state.seatsLeft[v]! > 0) {
            if (placementValue(state, executive, there) > stay) {
              unassign(state, executive.index, current);
              assign(state, executive.index, v);
              changed = true;
              break;
            }
            continue;
          }
          if (trySwap(state, executive, here, there, stay, mineHere, bonuses[i]!)) {
            changed = true;
            break;
          }
        }
      }
    }
    if (reassignSeats(state, byEvent)) changed = true;
    if (!changed) return;
  }
}

/**
 * A seat changes hands, keeping tier 1 (who is covered, how urgent, how many placements), when the
 * newcomer gains more from it in variety, preference and department mix than its holder loses:
 * - from a holder with several seats to an executive below target who has one already (placements stay);
 * - from a holder with one seat to an unplaced executive of the same urgency: for tier 1 they are
 *   interchangeable, and without this who got the seat followed the order of ids.
 * Each seat goes to the newcomer who gains most; `byEvent` lists who may take each event, best bonus first.
 */
function reassignSeats(state: State, byEvent: Int32Array[]): boolean {
  const { p, bonusAt } = state;
  const n = p.executives.length;
  let changed = false;
  for (const event of p.events) {
    const v = event.index;
    const row = v * n;
    for (const h of [...state.holders[v]!]) {
      const holder = p.executives[h]!;
      const several = state.placed[h]!.length >= 2;
      const theirs = placementValue(state, holder, event, true);
      let best: { executive: number; gain: number } | null = null;
      for (const e of byEvent[v]!) {
        // The newcomer gains at most its bonus and a department; the list comes best bonus first.
        const most = bonusAt[row + e]! + objectiveWeights.newDepartment - theirs;
        if (most <= (best?.gain ?? 0)) break;
        const executive = p.executives[e]!;
        const seats = state.placed[e]!.length;
        if (seats >= executive.deficit || (several ? seats === 0 : seats > 0 || executive.urgency !== holder.urgency)) continue;
        if (!fitsWithOthers(state, executive, event, -1)) continue;
        const sameDepartment = holder.department === executive.department ? 1 : 0;
        const gain = placementValueWith(state, executive, event, sameDepartmentAt(state, e, v) - sameDepartment) - theirs;
        if (gain > (best?.gain ?? 0)) best = { executive: e, gain };
      }
      if (best) {
        unassign(state, h, v);
        assign(state, best.executive, v);
        changed = true;
      }
    }
  }
  return changed;
}

/** Per event: the executives below target who may take it, best bonus first, by index within a bonus. */
function executivesByEvent(state: State): Int32Array[] {
  const { p, bonusAt } = state;
  const n = p.executives.length;
  return p.events.map((event) => {
    const row = event.index * n;
    const counts = new Int32Array(bonusValues.length + 1);
    for (let e = 0; e < n; e++) if (bonusAt[row + e]! >= 0) counts[bonusBucket[bonusAt[row + e]!]! + 1]! += 1;
    for (let b = 1; b < counts.length; b++) counts[b]! += counts[b - 1]!;
    const list = new Int32Array(counts[counts.length - 1]!);
    for (let e = 0; e < n; e++) if (bonusAt[row + e]! >= 0) list[counts[bonusBucket[bonusAt[row + e]!]!]!++] = e;
    return list;
  });
}

/**
 * Swaps the executive's seat at `here` with someone's at `there` when both still fit and the sum improves.
 * The caller has checked that the executive fits at `there` without `here`, and passes what it knows: the
 * value of staying (`before`) and the executive's bonus at both events (reading them here missed the cache).
 *
 * The gain is the two bonuses' change plus the department mix's. With someone of the same department both
 * tables keep the departments they had; otherwise the executive's department may arrive at `there` (one
 * lookup, made only when the bonuses leave room for it), theirs may arrive at `here` and leave `there`, and
 * the executive's leaves `here` (what `before` holds over the bonus).
 */
function trySwap(
  state: State,
  executive: PreparedExecutive,
  here: PreparedEvent,
  there: PreparedEvent,
  before: number,
  mineHere: number,
  mineThere: number,
): boolean {
  const { p, bonusAt, departmentOf } = state;
  const rowHere = here.index * p.executives.length;
  const { newDepartment } = objectiveWeights;
  const leaving = before - mineHere;
  let arrives = -1;
  const holders = state.holders[there.index]!;
  const theirBonuses = state.holderBonuses[there.index]!;
  // No copy: the loop returns as soon as it changes the holders. The order is deterministic as it is.
  for (let k = 0; k < holders.length; k++) {
    const o = holders[k]!;
    const theirsHere = bonusAt[rowHere + o]!;
    if (theirsHere < 0) continue;
    let gain = mineThere + theirsHere - mineHere - theirBonuses[k]!;
    if (departmentOf[o] !== departmentOf[executive.index]) {
      // Department mix adds at most 10 at each table: most swaps end here, without a lookup.
      if (gain + (arrives < 0 ? newDepartment : arrives) + newDepartment - leaving <= 0) continue;
      if (arrives < 0) arrives = departmentValue(state, executive.index, there.index, sameDepartmentAt(state, executive.index, there.index));
      const theirsThereBefore = sameDepartmentAt(state, o, there.index) - 1;
      const theirsHereAfter = sameDepartmentAt(state, o, here.index);
      gain += arrives - leaving + departmentValue(state, o, here.index, theirsHereAfter) - departmentValue(state, o, there.index, theirsThereBefore);
    }
    if (gain <= 0 || !fitsWithOthers(state, p.executives[o]!, here, there.index)) continue;
    unassign(state, executive.index, here.index);
    unassign(state, o, there.index);
    assign(state, executive.index, there.index);
    assign(state, o, here.index);
    return true;
  }
  return false;
}
