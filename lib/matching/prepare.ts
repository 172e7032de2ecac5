import { validateMatchingInput } from "./validate";
import type { MatchingInput } from "./types";

/*
 * The input in the form every part of the matcher reads: validated, sorted by id (so the order of the
 * input never matters), times as epoch milliseconds, lists as sets, and the per-executive figures the
 * rules and the objective share. Building it is the only place the input is interpreted.
 */

export type PreparedEvent = {
  index: number;
  id: string;
  start: number;
  end: number;
  freeSeats: number;
  type: string;
  personaIds: string[];
  personaNames: Map<string, string>;
  language: string | null;
  attendees: Set<number>;
  /** Executives never to propose here (see MatchEvent.excludedExecutiveIds). */
  excluded: Set<number>;
  attendeeDepartments: Set<string>;
  /** Starts inside the period and not before now. */
  proposable: boolean;
};

export type PreparedExecutive = {
  index: number;
  id: string;
  department: string;
  languages: Set<string>;
  blackouts: [number, number][];
  preferredTypes: Set<string>;
  timeZone: string;
  monthlyCap: number;
  personasMet: Set<string>;
  typesMet: Set<string>;
  booked: [number, number][];
  /** Bookings per calendar month (see Prepared.monthOf) in the executive's zone. */
  bookedPerMonth: Map<number, number>;
  /** The calendar month each event starts in, in the executive's zone, by event index (shared per zone). */
  eventMonths: Int32Array;
  /** Safaris still missing to reach the target in the period. */
  deficit: number;
  /** Whole days since the last customer contact, or null when there has been none. */
  daysWithoutContact: number | null;
  /** 0..1: how long without contact, growing up to two years; 1, the most, for never. */
  urgency: number;
};

export type Prepared = {
  events: PreparedEvent[];
  executives: PreparedExecutive[];
  eventIndex: Map<string, number>;
  executiveIndex: Map<string, number>;
  /**
   * The calendar month an event starts in, in a zone, as a number (year × 12 + month − 1, so March 2026 is
   * 24,314; see monthLabel): the rules compare months for millions of pairs. Cached: zones are few.
   */
  monthOf: (zone: string, event: PreparedEvent) => number;
};

const dayMs = 86_400_000;
export const urgencyHorizonDays = 730;

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function monthFormatter() {
  const formatters = new Map<string, Intl.DateTimeFormat>();
  const monthAt = (zone: string, instant: number) => {
    let format = formatters.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit" });
      formatters.set(zone, format);
    }
    const [year, month] = format.format(instant).split("-").map(Number);
    return year! * 12 + month! - 1;
  };
  return { monthAt };
}

/** A month number of Prepared.monthOf as "2026-03". */
export const monthLabel = (month: number) => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;

/** Each event's start month in one zone, computed once per zone that asks (zones are few, pairs many). */
function eventMonths(events: { start: number }[], monthAt: (zone: string, instant: number) => number) {
  const byZone = new Map<string, Int32Array>();
  const monthsIn = (zone: string) => {
    let months = byZone.get(zone);
    if (!months) {
      months = Int32Array.from(events, (e) => monthAt(zone, e.start));
      byZone.set(zone, months);
    }
    return months;
  };
  return { monthsIn, monthOf: (zone: string, event: PreparedEvent) => monthsIn(zone)[event.index]! };
}

export function prepare(input: MatchingInput): Prepared {
  validateMatchingInput(input);
  const periodStart = input.period.start.getTime();
  const periodEnd = input.period.end.getTime();
  const now = input.now.getTime();
  const months = monthFormatter();

  // An attendee is booked for the event they attend. The contract asks callers to list it among the
  // bookings; where they did not, it is added here (once), so it blocks that time and counts toward the
  // cap and the target as a booking would, rather than refusing the input or ignoring the attendance.
  const attended = new Map<string, [number, number][]>();
  for (const event of input.events) {
    for (const id of event.attendeeIds) attended.set(id, [...(attended.get(id) ?? []), [event.start.getTime(), event.end.getTime()]]);
  }

  const executives = [...input.executives].sort(byId).map((executive, index): PreparedExecutive => {
    const booked = executive.booked.map((b): [number, number] => [b.start.getTime(), b.end.getTime()]);
    for (const [start, end] of attended.get(executive.id) ?? []) {
      if (!booked.some((b) => b[0] === start && b[1] === end)) booked.push([start, end]);
    }
    booked.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const bookedPerMonth = new Map<number, number>();
    for (const [start] of booked) {
      const month = months.monthAt(executive.timeZone, start);
      bookedPerMonth.set(month, (bookedPerMonth.get(month) ?? 0) + 1);
    }
    const bookedInPeriod = booked.filter(([start]) => start >= periodStart && start < periodEnd).length;
    const daysWithoutContact = executive.lastContactAt === null ? null : Math.max(0, Math.floor((now - executive.lastContactAt.getTime()) / dayMs));
    return {
      index,
      id: executive.id,
      department: executive.department,
      languages: new Set(executive.languages),
      blackouts: executive.blackouts.map((b): [number, number] => [b.start.getTime(), b.end.getTime()]),
      preferredTypes: new Set(executive.preferredTypes),
      timeZone: executive.timeZone,
      monthlyCap: executive.monthlyCap,
      personasMet: new Set(executive.personasMet),
      typesMet: new Set(executive.typesMet),
      booked,
      bookedPerMonth,
      eventMonths: new Int32Array(0),
      deficit: Math.max(0, executive.cadenceTarget - bookedInPeriod),
      daysWithoutContact,
      urgency: daysWithoutContact === null ? 1 : Math.min(daysWithoutContact, urgencyHorizonDays) / (urgencyHorizonDays + 1),
    };
  });
  const executiveIndex = new Map(executives.map((e) => [e.id, e.index]));

  const events = [...input.events].sort(byId).map((event, index): PreparedEvent => {
    const attendees = new Set(event.attendeeIds.map((id) => executiveIndex.get(id)!));
    const personas = [...event.personas].sort(byId);
    const start = event.start.getTime();
    return {
      index,
      id: event.id,
      start,
      end: event.end.getTime(),
      freeSeats: event.freeSeats,
      type: event.type,
      personaIds: personas.map((p) => p.id),
      personaNames: new Map(personas.map((p) => [p.id, p.name])),
      language: event.language,
      attendees,
      excluded: new Set((event.excludedExecutiveIds ?? []).flatMap((id) => executiveIndex.get(id) ?? [])),
      attendeeDepartments: new Set([...attendees].map((i) => executives[i]!.department)),
      proposable: start >= periodStart && start < periodEnd && start >= now,
    };
  });
  const eventIndex = new Map(events.map((e) => [e.id, e.index]));
  const { monthsIn, monthOf } = eventMonths(events, months.monthAt);
  // Filled once the events are known; the rules ask for it for every executive–event pair.
  for (const executive of executives) executive.eventMonths = monthsIn(executive.timeZone);

  return { events, executives, eventIndex, executiveIndex, monthOf };
}
