import { meetsNewPersona } from "./objective";
import type { PreparedExecutive } from "./prepare";
import { urgencyHorizonDays } from "./prepare";
import { assign, departmentValue, fitsWithOthers, keepsRules, sameDepartmentAt, tentatively, unassign, type State } from "./state";

/*
 * The last pass: improving chains and cycles of seat changes for the lower tiers (variety, preference,
 * department mix), which single moves and swaps miss. The residual graph has the events as nodes plus
 * "pools" of seats held outside any event: an edge x → y is a holder of x moving to y (gain: what y adds
 * for them minus what x did); an edge x → pool is a holder giving a seat up, pool → y someone taking one.
 * Pools keep tier 1 whole: a second or third seat passes only between executives who keep at least one and
 * stay within target, and a first seat only between executives of the same days without contact (for
 * coverage and urgency they are interchangeable). A chain runs from an event whose seat it frees to an
 * event with a free seat, or closes on itself. Longest paths (Bellman–Ford, a round at a time over the
 * nodes that changed, lower tiers weighed lexicographically) find candidates; each is applied tentatively
 * and kept only when the exact tiers of everyone and every table it touched are lexicographically better,
 * hard rules intact (department mix is not additive, so the edge gains only estimate it). A rejected
 * candidate has one move banned until the next search. From a pool only the best newcomer per event is
 * followed. The work is bounded by a count of edges looked at, not by the clock, so results reproduce.
 */

/** Lexicographic weights of one placement's lower tiers; a chain changes far fewer than 1,000 of each. */
const varietyWeight = 1_000_000;
const preferredWeight = 1_000;

type Move = { executive: number; from: number; to: number };
/** covered, urgency days, placements, variety, preferred, new departments: compared in this order. */
type Tiers = [number, number, number, number, number, number];

const urgencyDays = (executive: PreparedExecutive) =>
  executive.daysWithoutContact === null ? urgencyHorizonDays + 1 : Math.min(executive.daysWithoutContact, urgencyHorizonDays);

export function improveByChains(state: State, order: PreparedExecutive[], budget: number) {
  const { p } = state;
  const n = p.executives.length;
  const eventCount = p.events.length;
  // Pools: one for further seats, then one per value of urgency days among those below target.
  const extraPool = eventCount;
  const classOf = new Map<number, number>();
  for (const executive of order) if (!classOf.has(urgencyDays(executive))) classOf.set(urgencyDays(executive), classOf.size);
  const nodeCount = eventCount + 1 + classOf.size;
  const poolOf = (executive: PreparedExecutive) => eventCount + 1 + classOf.get(urgencyDays(executive))!;

  // Variety and preference of every pair asked about, from the placement bonus table.
  const lexOfBonus = (bonus: number) => {
    const variety = Math.floor(bonus / 300);
    return variety * varietyWeight + ((bonus - variety * 300) / 60) * preferredWeight;
  };
  const pairValue = (e: number, v: number) => lexOfBonus(state.bonusAt[v * n + e]!);
  const addsDepartment = (e: number, v: number) => (departmentValue(state, e, v, sameDepartmentAt(state, e, v)) > 0 ? 1 : 0);
  const losesDepartment = (e: number, v: number) => (departmentValue(state, e, v, sameDepartmentAt(state, e, v) - 1) > 0 ? 1 : 0);

  let ops = 0;
  const dist = new Float64Array(nodeCount);
  const predNode = new Int32Array(nodeCount);
  const predExecutive = new Int32Array(nodeCount);
  const inNext = new Uint8Array(nodeCount);
  const walked = new Int32Array(nodeCount);
  let walkStamp = 0;
  const banned = new Set<number>();

  const poolCount = nodeCount - eventCount;
  /** Per executive: the pool they enter from this search (below target with a seat to spare), or -1. */
  const poolOfMember = new Int32Array(n);
  const members: number[][] = Array.from({ length: poolCount }, () => []);
  const findMembers = () => {
    poolOfMember.fill(-1);
    for (const list of members) list.length = 0;
    for (const executive of order) {
      const seats = state.placed[executive.index]!.length;
      if (seats >= executive.deficit) continue;
      const pool = (seats === 0 ? poolOf(executive) : extraPool) - eventCount;
      poolOfMember[executive.index] = pool;
      members[pool]!.push(executive.index);
    }
  };

  /**
   * From a pool only the best newcomer per event is followed: the pool is relaxed often, its members are
   * many. Each pool's edges are worked out when first needed and again only once a chain moved one of its
   * members or banned one's move: most pools have one member or two, and most chains touch none of them.
   */
  const poolEdges: { to: number[]; entrant: number[]; gain: number[] }[] = Array.from({ length: poolCount }, () => ({ to: [], entrant: [], gain: [] }));
  const poolStale = new Uint8Array(poolCount);
  const bestGain = new Float64Array(eventCount);
  const bestEntrant = new Int32Array(eventCount).fill(-1);
  const edgesOfPool = (pool: number) => {
    const edges = poolEdges[pool]!;
    if (!poolStale[pool]) return edges;
    const touched: number[] = [];
    for (const e of members[pool]!) {
      const executive = p.executives[e]!;
      for (const y of state.candidates[e]!) {
        ops += 1;
        const gain = pairValue(e, y) + addsDepartment(e, y);
        if (bestEntrant[y]! >= 0 && gain <= bestGain[y]!) continue;
        if (banned.has(e * nodeCount + y) || !fitsWithOthers(state, executive, p.events[y]!, -1)) continue;
        if (bestEntrant[y]! < 0) touched.push(y);
        bestGain[y] = gain;
        bestEntrant[y] = e;
      }
    }
    touched.sort((a, b) => a - b);
    edges.to = touched;
    edges.entrant = touched.map((y) => bestEntrant[y]!);
    edges.gain = touched.map((y) => bestGain[y]!);
    for (const y of touched) bestEntrant[y] = -1;
    poolStale[pool] = 0;
    return edges;
  };
  const staleFor = (executive: number) => {
    if (poolOfMember[executive]! >= 0) poolStale[poolOfMember[executive]!] = 1;
  };

  /** Calls `edge(to, executive, gain)` for every move out of `node` that might improve on `to`'s distance. */
  const edgesFrom = (node: number, base: number, edge: (to: number, e: number, gain: number) => void) => {
    if (node >= eventCount) {
      const { to, entrant, gain } = edgesOfPool(node - eventCount);
      ops += to.length;
      for (let i = 0; i < to.length; i++) edge(to[i]!, entrant[i]!, gain[i]!);
      return;
    }
    for (const h of state.holders[node]!) {
      const executive = p.executives[h]!;
      const loss = pairValue(h, node) + losesDepartment(h, node);
      const seats = state.placed[h]!.length;
      const pool = seats >= 2 ? extraPool : poolOf(executive);
      if (!banned.has(h * nodeCount + pool)) edge(pool, h, -loss);
      const candidates = state.candidates[h]!;
      const bonuses = state.bonuses[h]!;
      for (let i = 0; i < candidates.length; i++) {
        const y = candidates[i]!;
        const value = lexOfBonus(bonuses[i]!);
        // Best bonus first: a move that costs the mover a whole point of variety is not followed.
        if (value < loss - varietyWeight) break;
        ops += 1;
        // Most edges lead nowhere better than y has already been reached: the rules are checked only then.
        if (y === node || base + value + 1 - loss <= dist[y]!) continue;
        if (banned.has(h * nodeCount + y) || !fitsWithOthers(state, executive, p.events[y]!, node)) continue;
        edge(y, h, value + addsDepartment(h, y) - loss);
      }
    }
  };

  /** The moves that lead to `node` along the predecessors: a path back to its source, or the cycle it meets. */
  const chainTo = (node: number): { moves: Move[]; cycle: boolean } => {
    walkStamp += 1;
    const nodes: number[] = [];
    let at = node;
    while (at >= 0 && walked[at] !== walkStamp) {
      walked[at] = walkStamp;
      nodes.push(at);
      at = predNode[at]!;
    }
    // A cycle: keep only its part. A path: it ends at a source event (no predecessor).
    const start = at >= 0 ? nodes.indexOf(at) : 0;
    const part = at >= 0 ? nodes.slice(start) : nodes.slice(0, -1);
    const moves = part.map((to) => ({ executive: predExecutive[to]!, from: predNode[to]!, to }));
    return { moves, cycle: at >= 0 };
  };

  const tiersOf = (executives: Set<number>, events: Set<number>): Tiers => {
    const tiers: Tiers = [0, 0, 0, 0, 0, 0];
    for (const e of executives) {
      const executive = p.executives[e]!;
      const placed = state.placed[e]!;
      if (placed.length === 0) continue;
      tiers[0] += 1;
      tiers[1] += urgencyDays(executive);
      tiers[2] += Math.min(placed.length, executive.deficit);
      for (const v of placed) {
        const event = p.events[v]!;
        tiers[3] += (meetsNewPersona(executive, event) ? 1 : 0) + (executive.typesMet.has(event.type) ? 0 : 1);
        tiers[4] += executive.preferredTypes.has(event.type) ? 1 : 0;
      }
    }
    for (const v of events) {
      const { departmentCount, departmentOf, attendedFrom } = state;
      const departments = new Set(state.holders[v]!.map((h) => departmentOf[h]!));
      for (const d of departments) if (attendedFrom[v * departmentCount + d] === 0) tiers[5] += 1;
    }
    return tiers;
  };
  const better = (a: Tiers, b: Tiers) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
    return false;
  };

  /** Applies the chain when it keeps every rule and is lexicographically better; moves are real nodes only. */
  const tryChain = (moves: Move[]): boolean => {
    const executives = new Set(moves.map((m) => m.executive));
    if (executives.size !== moves.length) return false;
    const isEvent = (v: number) => v < eventCount;
    for (const { executive, from, to } of moves) {
      const placed = state.placed[executive]!;
      if ((isEvent(from) && !placed.includes(from)) || (isEvent(to) && placed.includes(to))) return false;
    }
    const events = new Set(moves.flatMap((m) => [m.from, m.to].filter(isEvent)));
    ops += moves.length * 8;
    const before = tiersOf(executives, events);
    return tentatively(state, () => {
      for (const { executive, from, to } of moves) {
        if (isEvent(from)) unassign(state, executive, from);
        if (isEvent(to)) assign(state, executive, to);
      }
      for (const v of events) if (state.seatsLeft[v]! < 0) return false;
      for (const e of executives) {
        const executive = p.executives[e]!;
        if (state.placed[e]!.length > executive.deficit || !keepsRules(state, executive)) return false;
      }
      return better(tiersOf(executives, events), before);
    });
  };

  while (ops < budget) {
    findMembers();
    poolStale.fill(1);
    dist.fill(-Infinity);
    predNode.fill(-1);
    let active: number[] = [];
    for (let v = 0; v < eventCount; v++) {
      dist[v] = 0;
      if (state.holders[v]!.length > 0) active.push(v);
    }
    let applied = false;
    /** After a candidate is applied or rejected, its nodes start over, so nothing builds on what it was. */
    const restart = (moves: Move[], next: number[]) => {
      for (const { from, to } of moves) {
        for (const v of [from, to]) {
          dist[v] = v < eventCount ? 0 : -Infinity;
          predNode[v] = -1;
          if (v < eventCount && !inNext[v]) {
            inNext[v] = 1;
            next.push(v);
          }
        }
      }
    };
    for (let round = 0; round < nodeCount && active.length > 0 && ops < budget; round++) {
      const next: number[] = [];
      for (const x of active) {
        const base = dist[x]!;
        edgesFrom(x, base, (y, e, gain) => {
          if (base + gain <= dist[y]!) return;
          dist[y] = base + gain;
          predNode[y] = x;
          predExecutive[y] = e;
          if (!inNext[y]) {
            inNext[y] = 1;
            next.push(y);
          }
        });
        if (ops >= budget) break;
      }
      next.sort((a, b) => a - b);
      // Candidates: events with a free seat reached with a gain, and cycles among the predecessors. Once one
      // is applied the others may be stale: tryChain checks each against the state as it is then. A rejected
      // one would come back every round: one of its moves is banned until the next search.
      const reached = [...next];
      for (const y of reached) {
        const endsFree = y < eventCount && state.seatsLeft[y]! > 0 && dist[y]! > 0;
        const { moves, cycle } = chainTo(y);
        if (moves.length === 0 || (!cycle && !endsFree)) continue;
        if (tryChain(moves)) {
          applied = true;
          for (const move of moves) staleFor(move.executive);
        } else {
          banned.add(moves[0]!.executive * nodeCount + moves[0]!.to);
          staleFor(moves[0]!.executive);
        }
        restart(moves, next);
      }
      for (const y of next) inNext[y] = 0;
      active = next.sort((a, b) => a - b);
    }
    // A search without an improvement ends the pass; after one with some, the next starts from the new state.
    if (!applied) return;
    banned.clear();
  }
}
