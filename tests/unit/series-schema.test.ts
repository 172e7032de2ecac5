import { describe, expect, it } from "vitest";
import { newSeriesDefaults } from "@/lib/event-types/defaults";
import type { EventLimits } from "@/lib/events/rules";
import { fieldErrorsOf } from "@/lib/forms";
import { seriesFormSchema } from "@/lib/series/schema";
import { builtInTypes } from "../support/event-types";

const limits: EventLimits = { maxMonthsAhead: 24, maxDurationHours: 24 };
const now = new Date("2026-02-20T10:00:00Z");
const schema = seriesFormSchema(limits, now, builtInTypes);

// Call listening every Tuesday 09:00–10:00 Berlin for 8 weeks, across the spring-forward night of 29 March 2026.
const valid = {
  type: "call_listening",
  title: "Listening to cancellation calls",
  briefing: "",
  location: "Contact centre, Berlin",
  seats: "2",
  timeZone: "Europe/Berlin",
  firstDate: "2026-03-03",
  startTime: "09:00",
  durationMinutes: "60",
  everyWeeks: "1",
  count: "8",
  skipped: "refuse",
};

const errorsOf = (input: Record<string, string>) => {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
};

describe("the series form", () => {
  it("accepts the issue's example and keeps what every safari shares", () => {
    expect(schema.parse(valid)).toMatchObject({ type: "call_listening", seats: 2, count: 8, everyWeeks: 1, durationMinutes: 60, skipped: "refuse" });
  });

  it("refuses more than 52 occurrences, with a field error on the count", () => {
    expect(errorsOf({ ...valid, count: "53" })).toEqual({ count: ["A series has at most 52 occurrences."] });
  });

  it("refuses an unknown zone on the zone field", () => {
    expect(errorsOf({ ...valid, timeZone: "Europe/Atlantis" })).toEqual({ timeZone: [expect.stringContaining("Choose a time zone from the list")] });
  });

  it("refuses, on the start time, a date whose start the clocks skip, naming the date; moving it is allowed", () => {
    // Sundays at 02:30: 29 March 2026 has no 02:30 in Berlin.
    const sundays = { ...valid, firstDate: "2026-03-22", startTime: "02:30", count: "3" };
    expect(errorsOf(sundays)).toEqual({ startTime: [expect.stringContaining("Sun 29 Mar 2026: 02:30 does not exist in Europe/Berlin")] });
    expect(errorsOf({ ...sundays, skipped: "moveForward" })).toEqual({});
  });

  it("refuses seats above the type's maximum", () => {
    expect(errorsOf({ ...valid, type: "home_visit", seats: "3" })).toEqual({ seats: ["A home visit takes at most 2 executives."] });
  });

  it("refuses a type not in the catalogue, or archived", () => {
    expect(errorsOf({ ...valid, type: "karaoke" })).toEqual({ type: ["Choose the type of safari from the list."] });
    const archived = seriesFormSchema(limits, now, builtInTypes.map((type) => (type.key === "call_listening" ? { ...type, archived: true } : type)));
    expect(archived.safeParse(valid).success).toBe(false);
  });

  it("refuses a first date that has already begun, and dates beyond the months an event may be planned", () => {
    expect(errorsOf({ ...valid, firstDate: "2026-02-20", startTime: "09:00" })).toEqual({ firstDate: [expect.stringContaining("has already begun")] });
    const farAhead = seriesFormSchema({ maxMonthsAhead: 1, maxDurationHours: 24 }, now, builtInTypes);
    const result = farAhead.safeParse(valid);
    expect(result.success ? {} : fieldErrorsOf(result.error)).toEqual({ count: [expect.stringMatching(/^The date of Tue 24 Mar 2026 is too far ahead\./)] });
  });

  it("refuses a date longer than a safari may last", () => {
    const short = seriesFormSchema({ maxMonthsAhead: 24, maxDurationHours: 1 }, now, builtInTypes);
    const result = short.safeParse({ ...valid, durationMinutes: "90" });
    expect(result.success ? {} : fieldErrorsOf(result.error)).toEqual({ durationMinutes: [expect.stringContaining("at most 1 hours")] });
  });
});

describe("a new series starts from its type", () => {
  it("weekly from tomorrow in the organizer's zone at 09:00, eight dates, the type's length capped at 12 hours", () => {
    const deskDay = { ...builtInTypes.find((type) => type.key === "service_desk_day")!, defaultDurationMinutes: 900 };
    expect(newSeriesDefaults(deskDay, new Date("2026-03-07T23:30:00Z"), "Europe/Athens")).toMatchObject({
      type: "service_desk_day",
      firstDate: "2026-03-09",
      startTime: "09:00",
      durationMinutes: "720",
      everyWeeks: "1",
      count: "8",
      timeZone: "Europe/Athens",
    });
  });
});
