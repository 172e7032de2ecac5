import { MatchingInputError } from "./errors";
import type { Interval, MatchingInput } from "./types";

const validInstant = (date: unknown): date is Date => date instanceof Date && !Number.isNaN(date.getTime());

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

function checkInterval(item: string, what: string, interval: Interval) {
  if (!validInstant(interval.start) || !validInstant(interval.end)) {
    throw new MatchingInputError("INVALID_TIME", item, `${what} has an invalid start or end`);
  }
  if (interval.end.getTime() < interval.start.getTime()) {
    throw new MatchingInputError("EVENT_ENDS_BEFORE_START", item, `${what} ends before it starts`);
  }
}

function checkCount(item: string, what: string, value: number) {
  if (!Number.isInteger(value) || value < 0) {
    throw new MatchingInputError(value < 0 ? "NEGATIVE_SEATS" : "INVALID_NUMBER", item, `${what} must be a whole number of at least 0, not ${value}`);
  }
}

/** Refuses input the matcher cannot answer honestly, naming the item at fault. */
export function validateMatchingInput(input: MatchingInput): void {
  if (!validInstant(input.period?.start) || !validInstant(input.period?.end) || input.period.end <= input.period.start) {
    throw new MatchingInputError("INVALID_PERIOD", "period", "the period must have a valid start before its end");
  }
  if (!validInstant(input.now)) throw new MatchingInputError("INVALID_NOW", "now", "now must be a valid instant");

  const executiveIds = new Set<string>();
  for (const executive of input.executives) {
    const item = `executive ${executive.id}`;
    if (executiveIds.has(executive.id)) throw new MatchingInputError("DUPLICATE_ID", item, "appears twice");
    executiveIds.add(executive.id);
    if (!isTimeZone(executive.timeZone)) {
      throw new MatchingInputError("INVALID_TIME_ZONE", item, `"${executive.timeZone}" is not an IANA time zone`);
    }
    if (!Number.isInteger(executive.cadenceTarget) || executive.cadenceTarget < 0) {
      throw new MatchingInputError("INVALID_NUMBER", item, `cadence target must be a whole number of at least 0, not ${executive.cadenceTarget}`);
    }
    if (!Number.isInteger(executive.monthlyCap) || executive.monthlyCap < 0) {
      throw new MatchingInputError("INVALID_NUMBER", item, `monthly cap must be a whole number of at least 0, not ${executive.monthlyCap}`);
    }
    if (executive.lastContactAt !== null && !validInstant(executive.lastContactAt)) {
      throw new MatchingInputError("INVALID_TIME", item, "last contact is not a valid instant");
    }
    executive.blackouts.forEach((blackout, i) => checkInterval(item, `blackout ${i + 1}`, blackout));
    executive.booked.forEach((booking, i) => checkInterval(item, `booking ${i + 1}`, booking));
  }

  const eventIds = new Set<string>();
  for (const event of input.events) {
    const item = `event ${event.id}`;
    if (eventIds.has(event.id)) throw new MatchingInputError("DUPLICATE_ID", item, "appears twice");
    eventIds.add(event.id);
    checkInterval(item, "the event", event);
    if (event.end.getTime() === event.start.getTime()) {
      throw new MatchingInputError("EVENT_ENDS_BEFORE_START", item, "the event ends when it starts");
    }
    checkCount(item, "free seats", event.freeSeats);
    for (const attendee of event.attendeeIds) {
      if (!executiveIds.has(attendee)) {
        throw new MatchingInputError("UNKNOWN_EXECUTIVE", item, `attendee ${attendee} is not among the executives`);
      }
    }
  }
}
