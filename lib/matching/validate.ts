import { MatchingInputError } from "./errors";
import type { Interval, MatchingInput } from "./types";

/*
 * The input is typed, but it is built from database rows and may come from elsewhere: every field is
 * checked for its type here, so a wrong one is a MatchingInputError naming the item, never a TypeError
 * deep inside the matcher nor a value quietly read as something else.
 */

const validInstant = (date: unknown): date is Date => date instanceof Date && !Number.isNaN(date.getTime());
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const zoneCache = new Map<string, boolean>();
function isTimeZone(zone: string): boolean {
  let known = zoneCache.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    zoneCache.set(zone, known);
  }
  return known;
}

const wrongType = (item: string, message: string) => new MatchingInputError("INVALID_TYPE", item, message);

function checkString(item: string, what: string, value: unknown): asserts value is string {
  if (typeof value !== "string") throw wrongType(item, `${what} must be text, not ${describe(value)}`);
}

function checkStrings(item: string, what: string, value: unknown): asserts value is string[] {
  if (!Array.isArray(value)) throw wrongType(item, `${what} must be a list, not ${describe(value)}`);
  value.forEach((entry, i) => checkString(item, `${what} ${i + 1}`, entry));
}

function checkList(item: string, what: string, value: unknown): asserts value is unknown[] {
  if (!Array.isArray(value)) throw wrongType(item, `${what} must be a list, not ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `"${value.slice(0, 40)}"`;
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

/** The item's name for messages; a non-text id is named by its position, as it cannot name itself. */
const label = (kind: string, value: unknown, i: number) => (typeof value === "string" ? `${kind} ${value}` : `${kind} ${i + 1} (id ${describe(value)})`);

function checkInterval(item: string, what: string, interval: unknown): asserts interval is Interval {
  if (!isRecord(interval)) throw wrongType(item, `${what} must be an interval, not ${describe(interval)}`);
  if (!(interval.start instanceof Date) || !(interval.end instanceof Date)) throw wrongType(item, `${what} must have a start and an end that are instants`);
  if (!validInstant(interval.start) || !validInstant(interval.end)) {
    throw new MatchingInputError("INVALID_TIME", item, `${what} has an invalid start or end`);
  }
  if (interval.end.getTime() < interval.start.getTime()) {
    throw new MatchingInputError("EVENT_ENDS_BEFORE_START", item, `${what} ends before it starts`);
  }
}

function checkCount(item: string, what: string, value: unknown) {
  if (typeof value !== "number") throw wrongType(item, `${what} must be a number, not ${describe(value)}`);
  if (!Number.isInteger(value) || value < 0) {
    throw new MatchingInputError(value < 0 ? "NEGATIVE_SEATS" : "INVALID_NUMBER", item, `${what} must be a whole number of at least 0, not ${value}`);
  }
}

function checkWholeNumber(item: string, what: string, value: unknown) {
  if (typeof value !== "number") throw wrongType(item, `${what} must be a number, not ${describe(value)}`);
  if (!Number.isInteger(value) || value < 0) throw new MatchingInputError("INVALID_NUMBER", item, `${what} must be a whole number of at least 0, not ${value}`);
}

/** Refuses input the matcher cannot answer honestly, naming the item at fault. */
export function validateMatchingInput(input: MatchingInput): void {
  if (!isRecord(input)) throw wrongType("input", `the input must be an object, not ${describe(input)}`);
  const period: unknown = input.period;
  if (!isRecord(period) || !validInstant(period.start) || !validInstant(period.end) || period.end <= period.start) {
    throw new MatchingInputError("INVALID_PERIOD", "period", "the period must have a valid start before its end");
  }
  if (!validInstant(input.now)) throw new MatchingInputError("INVALID_NOW", "now", "now must be a valid instant");
  checkList("executives", "executives", input.executives);
  checkList("events", "events", input.events);

  const executiveIds = new Set<string>();
  (input.executives as unknown[]).forEach((executive, i) => {
    if (!isRecord(executive)) throw wrongType(`executive ${i + 1}`, `must be an object, not ${describe(executive)}`);
    const item = label("executive", executive.id, i);
    checkString(item, "the id", executive.id);
    if (executiveIds.has(executive.id)) throw new MatchingInputError("DUPLICATE_ID", item, "appears twice");
    executiveIds.add(executive.id);
    checkString(item, "the department", executive.department);
    checkString(item, "the seniority", executive.seniority);
    checkStrings(item, "languages", executive.languages);
    checkStrings(item, "preferred types", executive.preferredTypes);
    checkStrings(item, "personas met", executive.personasMet);
    checkStrings(item, "types met", executive.typesMet);
    checkString(item, "the time zone", executive.timeZone);
    if (!isTimeZone(executive.timeZone)) {
      throw new MatchingInputError("INVALID_TIME_ZONE", item, `"${executive.timeZone}" is not an IANA time zone`);
    }
    checkWholeNumber(item, "cadence target", executive.cadenceTarget);
    checkWholeNumber(item, "monthly cap", executive.monthlyCap);
    if (executive.lastContactAt === undefined) throw wrongType(item, "last contact must be an instant or null, not undefined");
    if (executive.lastContactAt !== null && !validInstant(executive.lastContactAt)) {
      throw new MatchingInputError("INVALID_TIME", item, "last contact is not a valid instant");
    }
    checkList(item, "blackouts", executive.blackouts);
    executive.blackouts.forEach((blackout, b) => checkInterval(item, `blackout ${b + 1}`, blackout));
    checkList(item, "bookings", executive.booked);
    executive.booked.forEach((booking, b) => checkInterval(item, `booking ${b + 1}`, booking));
  });

  const eventIds = new Set<string>();
  (input.events as unknown[]).forEach((event, i) => {
    if (!isRecord(event)) throw wrongType(`event ${i + 1}`, `must be an object, not ${describe(event)}`);
    const item = label("event", event.id, i);
    checkString(item, "the id", event.id);
    if (eventIds.has(event.id)) throw new MatchingInputError("DUPLICATE_ID", item, "appears twice");
    eventIds.add(event.id);
    const span: unknown = { start: event.start, end: event.end };
    checkInterval(item, "the event", span);
    if (span.end.getTime() === span.start.getTime()) {
      throw new MatchingInputError("EVENT_ENDS_BEFORE_START", item, "the event ends when it starts");
    }
    checkCount(item, "free seats", event.freeSeats);
    checkString(item, "the type", event.type);
    if (event.language !== null) checkString(item, "the language (text, or null when none is needed)", event.language);
    checkList(item, "personas", event.personas);
    event.personas.forEach((persona, p) => {
      if (!isRecord(persona)) throw wrongType(item, `persona ${p + 1} must be an object, not ${describe(persona)}`);
      checkString(item, `persona ${p + 1}'s id`, persona.id);
      checkString(item, `persona ${p + 1}'s name`, persona.name);
    });
    checkStrings(item, "attendee ids", event.attendeeIds);
    for (const attendee of event.attendeeIds) {
      if (!executiveIds.has(attendee)) {
        throw new MatchingInputError("UNKNOWN_EXECUTIVE", item, `attendee ${attendee} is not among the executives`);
      }
    }
    if (event.excludedExecutiveIds !== undefined) checkStrings(item, "excluded executive ids", event.excludedExecutiveIds);
  });
}
