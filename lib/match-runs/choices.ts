import type { Assignment, MatchingInput } from "@/lib/matching/types";

/*
 * An organizer's choices on a run, carried into a re-run. Pure.
 * - A removed (executive, event) pair stays out: the event excludes the executive.
 * - A hand-added pair stays in, as if already booked: the executive attends the event (and is booked for
 *   its time), and the event has one seat fewer for the matcher. It is carried as a manual proposal.
 */
export type KeptChoices = { manual: Assignment[]; removed: Assignment[] };

export function withChoices(input: MatchingInput, { manual, removed }: KeptChoices): MatchingInput {
  const executives = new Map(input.executives.map((executive) => [executive.id, executive]));
  const fixedAt = new Map<string, string[]>();
  for (const pair of manual) {
    if (executives.has(pair.executiveId)) fixedAt.set(pair.eventId, [...(fixedAt.get(pair.eventId) ?? []), pair.executiveId]);
  }
  const excludedAt = new Map<string, string[]>();
  for (const pair of removed) excludedAt.set(pair.eventId, [...(excludedAt.get(pair.eventId) ?? []), pair.executiveId]);

  const booked = new Map<string, { start: Date; end: Date }[]>();
  const events = input.events.map((event) => {
    const fixed = (fixedAt.get(event.id) ?? []).filter((id) => !event.attendeeIds.includes(id));
    const excluded = excludedAt.get(event.id);
    if (fixed.length === 0 && !excluded) return event;
    for (const id of fixed) booked.set(id, [...(booked.get(id) ?? []), { start: event.start, end: event.end }]);
    return {
      ...event,
      attendeeIds: [...event.attendeeIds, ...fixed],
      // A hand-added seat the event no longer has stays carried; publishing will report it stale.
      freeSeats: Math.max(0, event.freeSeats - fixed.length),
      excludedExecutiveIds: [...(event.excludedExecutiveIds ?? []), ...(excluded ?? [])],
    };
  });
  return {
    ...input,
    events,
    executives: input.executives.map((executive) => {
      const extra = booked.get(executive.id);
      return extra ? { ...executive, booked: [...executive.booked, ...extra] } : executive;
    }),
  };
}
