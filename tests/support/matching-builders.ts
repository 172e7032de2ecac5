import type { Interval, MatchEvent, MatchExecutive, MatchingInput, MatchingResult } from "@/lib/matching/types";

/*
 * Small builders for the matcher's unit tests. Defaults describe an unremarkable case (one free seat,
 * no language needed, an executive one safari short of target with nothing in the way), so each test
 * states only what its rule is about.
 */

export const at = (iso: string) => new Date(iso);
export const hours = (n: number) => n * 3_600_000;
export const days = (n: number) => n * 86_400_000;

/** The default period: March to May 2026 (UTC), with "now" at its start. */
export const defaultPeriod: Interval = { start: at("2026-03-01T00:00:00Z"), end: at("2026-06-01T00:00:00Z") };
export const defaultNow = defaultPeriod.start;

export function interval(startIso: string, durationHours = 2): Interval {
  const start = at(startIso);
  return { start, end: new Date(start.getTime() + hours(durationHours)) };
}

export function event(id: string, overrides: Partial<MatchEvent> = {}): MatchEvent {
  const start = overrides.start ?? at("2026-03-10T09:00:00Z");
  return {
    id,
    start,
    end: new Date(start.getTime() + hours(2)),
    freeSeats: 1,
    type: "call_listening",
    personas: [],
    language: null,
    attendeeIds: [],
    ...overrides,
  };
}

export function executive(id: string, overrides: Partial<MatchExecutive> = {}): MatchExecutive {
  return {
    id,
    department: "Sales",
    seniority: "vp",
    languages: ["en"],
    blackouts: [],
    preferredTypes: [],
    timeZone: "Europe/Berlin",
    cadenceTarget: 1,
    monthlyCap: 3,
    lastContactAt: null,
    personasMet: [],
    typesMet: [],
    booked: [],
    ...overrides,
  };
}

/** A contact `n` whole days before the default "now" (plus a few hours, so rounding down is exercised). */
export const daysAgo = (n: number, now: Date = defaultNow) => new Date(now.getTime() - days(n) - hours(5));

export function matchingInput(parts: Partial<MatchingInput> = {}): MatchingInput {
  return { period: defaultPeriod, now: defaultNow, events: [], executives: [], ...parts };
}

/**
 * Puts executives already on an event the way the input documents it: in the event's attendees and in
 * their own bookings (an attendee is booked for that time). Returns new objects.
 */
export function seat(target: MatchEvent, attendees: MatchExecutive[]): { event: MatchEvent; executives: MatchExecutive[] } {
  return {
    event: { ...target, attendeeIds: [...target.attendeeIds, ...attendees.map((a) => a.id)] },
    executives: attendees.map((a) => ({ ...a, booked: [...a.booked, { start: target.start, end: target.end }] })),
  };
}

/** Proposals as "executive@event" strings, which read well in assertion diffs. */
export const placed = (result: MatchingResult) => result.proposals.map((p) => `${p.executiveId}@${p.eventId}`);
