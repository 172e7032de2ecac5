import { monthLabel, prepare, type Prepared, type PreparedEvent, type PreparedExecutive } from "./prepare";
import type { Assignment, MatchingInput } from "./types";

/*
 * The hard rules: seats; no executive in two overlapping events (bookings included); blackouts;
 * the monthly cap (in the executive's zone); the customer's language. Never traded for score.
 */

// Half-open: a zero-length blackout or booking [t, t) contains no instant, so it overlaps nothing.
const overlaps = (a: [number, number], startB: number, endB: number) => a[0] < endB && startB < a[1] && a[0] < a[1];

// Plain loops: this runs for every executive–event pair, millions of times on a large instance.
function overlapsAny(intervals: [number, number][], start: number, end: number): boolean {
  for (const interval of intervals) if (overlaps(interval, start, end)) return true;
  return false;
}

/** Why an executive can never take an event given what they already have booked, or null when they can. */
export type StaticBlock = "not_proposable" | "already_on_event" | "excluded" | "language" | "blackout" | "already_booked" | "monthly_cap";

export function staticBlock(p: Prepared, executive: PreparedExecutive, event: PreparedEvent): StaticBlock | null {
  if (!event.proposable) return "not_proposable";
  // Most events have no attendees and no exclusions: the size is cheaper to read than a lookup.
  if (event.attendees.size > 0 && event.attendees.has(executive.index)) return "already_on_event";
  if (event.excluded.size > 0 && event.excluded.has(executive.index)) return "excluded";
  if (event.language !== null && !executive.languages.has(event.language)) return "language";
  if (overlapsAny(executive.blackouts, event.start, event.end)) return "blackout";
  if (overlapsAny(executive.booked, event.start, event.end)) return "already_booked";
  // Without bookings a month holds none: skip the lookup (most executives, millions of pairs).
  const inMonth = executive.bookedPerMonth.size === 0 ? 0 : (executive.bookedPerMonth.get(executive.eventMonths[event.index]!) ?? 0);
  if (inMonth >= executive.monthlyCap) return "monthly_cap";
  return null;
}

/** Every rule that keeps the executive from the event (not only the first), for explaining a shortfall. */
export function staticBlocks(p: Prepared, executive: PreparedExecutive, event: PreparedEvent): StaticBlock[] {
  const blocks: StaticBlock[] = [];
  if (!event.proposable) blocks.push("not_proposable");
  if (event.attendees.has(executive.index)) blocks.push("already_on_event");
  if (event.excluded.has(executive.index)) blocks.push("excluded");
  if (event.language !== null && !executive.languages.has(event.language)) blocks.push("language");
  if (overlapsAny(executive.blackouts, event.start, event.end)) blocks.push("blackout");
  if (overlapsAny(executive.booked, event.start, event.end)) blocks.push("already_booked");
  if ((executive.bookedPerMonth.get(p.monthOf(executive.timeZone, event)) ?? 0) >= executive.monthlyCap) blocks.push("monthly_cap");
  return blocks;
}

export type RuleViolation = { rule: "unknown_id" | "duplicate" | StaticBlock | "seats" | "overlap" | "monthly_cap_with_proposals"; detail: string };

/** Every hard rule an assignment breaks; empty when it breaks none. Used by tests and the benchmark. */
export function checkHardRules(input: MatchingInput, assignments: Assignment[], prepared: Prepared = prepare(input)): RuleViolation[] {
  const p = prepared;
  const violations: RuleViolation[] = [];
  const seatsUsed = new Map<number, number>();
  const byExecutive = new Map<number, PreparedEvent[]>();
  const seen = new Set<string>();

  for (const { executiveId, eventId } of assignments) {
    const ei = p.executiveIndex.get(executiveId);
    const vi = p.eventIndex.get(eventId);
    if (ei === undefined || vi === undefined) {
      violations.push({ rule: "unknown_id", detail: `${executiveId} at ${eventId}` });
      continue;
    }
    const key = `${executiveId}|${eventId}`;
    if (seen.has(key)) violations.push({ rule: "duplicate", detail: key });
    seen.add(key);
    const executive = p.executives[ei]!;
    const event = p.events[vi]!;
    const block = staticBlock(p, executive, event);
    if (block) violations.push({ rule: block, detail: key });
    seatsUsed.set(vi, (seatsUsed.get(vi) ?? 0) + 1);
    byExecutive.set(ei, [...(byExecutive.get(ei) ?? []), event]);
  }

  for (const [vi, used] of seatsUsed) {
    const event = p.events[vi]!;
    if (used > event.freeSeats) violations.push({ rule: "seats", detail: `${event.id}: ${used} proposed, ${event.freeSeats} free` });
  }
  for (const [ei, events] of byExecutive) {
    const executive = p.executives[ei]!;
    // Only months with a proposal: bookings alone over the cap are not the proposal's doing.
    const perMonth = new Map<number, number>();
    events.forEach((event, i) => {
      for (const other of events.slice(i + 1)) {
        if (event.id !== other.id && overlaps([event.start, event.end], other.start, other.end)) {
          violations.push({ rule: "overlap", detail: `${executive.id}: ${event.id} and ${other.id}` });
        }
      }
      const month = p.monthOf(executive.timeZone, event);
      perMonth.set(month, (perMonth.get(month) ?? executive.bookedPerMonth.get(month) ?? 0) + 1);
    });
    for (const [month, count] of perMonth) {
      if (count > executive.monthlyCap) {
        violations.push({ rule: "monthly_cap_with_proposals", detail: `${executive.id}: ${count} in ${monthLabel(month)}, cap ${executive.monthlyCap}` });
      }
    }
  }
  return violations;
}
