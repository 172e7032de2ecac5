import { prepare } from "../../lib/matching/prepare";
import { staticBlock } from "../../lib/matching/rules";
import type { Assignment, MatchingInput } from "../../lib/matching/types";

/*
 * The baseline: what a naive scheduler would propose. Executives in id order each take the first events
 * (in id order) that have a seat and keep the hard rules, up to their target. No urgency, no search, no
 * improvement: the benchmark's yardstick for how much the matcher adds in each tier.
 */

export function firstFit(input: MatchingInput): Assignment[] {
  const p = prepare(input);
  const seatsLeft = p.events.map((event) => event.freeSeats);
  const assignments: Assignment[] = [];
  for (const executive of p.executives) {
    const taken: number[] = [];
    for (const event of p.events) {
      if (taken.length >= executive.deficit) break;
      if (seatsLeft[event.index]! <= 0 || staticBlock(p, executive, event) !== null) continue;
      const month = p.monthOf(executive.timeZone, event);
      const clash = taken.some((v) => p.events[v]!.start < event.end && event.start < p.events[v]!.end);
      const inMonth = (executive.bookedPerMonth.get(month) ?? 0) + taken.filter((v) => p.monthOf(executive.timeZone, p.events[v]!) === month).length;
      if (clash || inMonth >= executive.monthlyCap) continue;
      taken.push(event.index);
      seatsLeft[event.index]! -= 1;
      assignments.push({ executiveId: executive.id, eventId: event.id });
    }
  }
  return assignments;
}
