import { tz } from "@date-fns/tz";
import { addDays, format } from "date-fns";
import { instantToLocal, localToInstant } from "@/lib/time/zones";
import type { TypeChoice } from "./schema";

/*
 * What a new event of a type starts with: the type's seats and guidance, and its usual length from a
 * first guess at the time (tomorrow at 09:00 in the organizer's zone), all of which the organizer edits.
 */

/** The hour a new event's start is first proposed at, in the organizer's zone. */
const proposedHour = "09:00";

export function newEventDefaults(type: TypeChoice, now: Date, zone: string) {
  const tomorrow = format(addDays(now, 1, { in: tz(zone) }), "yyyy-MM-dd", { in: tz(zone) });
  const startAt = localToInstant(`${tomorrow}T${proposedHour}`, zone);
  // 09:00 exists on every day in every zone today; should a zone ever skip it, the organizer picks the time.
  const endAt = startAt ? new Date(startAt.getTime() + type.defaultDurationMinutes * 60_000) : null;
  return {
    type: type.key,
    title: "",
    briefing: type.guidance,
    location: "",
    start: startAt ? instantToLocal(startAt, zone) : "",
    end: endAt ? instantToLocal(endAt, zone) : "",
    timeZone: zone,
    seats: String(type.defaultSeats),
    videoUrl: "",
    meetingContact: "",
    frontlineName: "",
    frontlineRole: "",
  };
}

/** A new series of `type`: weekly from tomorrow (in the organizer's zone), 09:00, eight dates. */
export function newSeriesDefaults(type: TypeChoice, now: Date, zone: string) {
  return {
    type: type.key,
    title: "",
    briefing: type.guidance,
    location: "",
    seats: String(type.defaultSeats),
    timeZone: zone,
    firstDate: format(addDays(now, 1, { in: tz(zone) }), "yyyy-MM-dd", { in: tz(zone) }),
    startTime: proposedHour,
    // A series' dates last at most 12 hours (lib/events/recurrence.ts).
    durationMinutes: String(Math.min(type.defaultDurationMinutes, 720)),
    everyWeeks: "1",
    count: "8",
    skipped: "refuse",
  };
}
