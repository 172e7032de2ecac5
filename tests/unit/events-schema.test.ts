import { describe, expect, it } from "vitest";
import type { EventLimits } from "@/lib/events/rules";
import { eventEditSchema as editSchemaFor, eventFormSchema as formSchemaFor } from "@/lib/events/schema";
import { fieldErrorsOf } from "@/lib/forms";
import { builtInTypes } from "../support/event-types";

const limits: EventLimits = { maxMonthsAhead: 24, maxDurationHours: 24 };
// Planning in the winter before the dates below.
const now = new Date("2026-01-15T10:00:00Z");
const eventFormSchema = formSchemaFor(limits, now, builtInTypes);
const eventEditSchema = editSchemaFor(limits, now, builtInTypes);

const valid = {
  type: "customer_breakfast",
  title: "Breakfast with young families",
  briefing: "Observe, don't interrupt.",
  location: "Café Central",
  start: "2026-03-28T09:00",
  end: "2026-03-28T11:00",
  timeZone: "Europe/Berlin",
  seats: "2",
};

function errorsFor(input: Record<string, string>) {
  const parsed = eventFormSchema.safeParse(input);
  expect(parsed.success).toBe(false);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe("event form schema", () => {
  it("turns wall-clock times in the event's zone into instants", () => {
    const parsed = eventFormSchema.parse(valid);
    expect(parsed.startAt.toISOString()).toBe("2026-03-28T08:00:00.000Z");
    expect(parsed.endAt.toISOString()).toBe("2026-03-28T10:00:00.000Z");
    expect(parsed.seats).toBe(2);
  });

  it("puts an end before the start on the end field", () => {
    const errors = errorsFor({ ...valid, end: "2026-03-28T08:59" });
    expect(errors.end).toEqual(["The end must be after the start."]);
    expect(errors.start).toBeUndefined();
  });

  it("refuses an end equal to the start", () => {
    expect(errorsFor({ ...valid, end: valid.start }).end).toBeDefined();
  });

  it("says a start in the skipped hour does not exist in the zone because the clocks change", () => {
    const errors = errorsFor({ ...valid, start: "2026-03-29T02:30", end: "2026-03-29T04:00" });
    expect(errors.start?.[0]).toMatch(/does not exist in Europe\/Berlin because the clocks change/);
    expect(errors.end).toBeUndefined();
  });

  it("refuses an unknown zone on the zone field", () => {
    const errors = errorsFor({ ...valid, timeZone: "Europe/Atlantis" });
    expect(errors.timeZone).toHaveLength(1);
    expect(Object.keys(errors)).toEqual(["timeZone"]);
  });

  it("refuses 0 seats, fractions and more than 500", () => {
    expect(errorsFor({ ...valid, seats: "0" }).seats).toEqual(["An event needs at least 1 seat."]);
    expect(errorsFor({ ...valid, seats: "1.5" }).seats).toBeDefined();
    expect(errorsFor({ ...valid, seats: "501" }).seats).toBeDefined();
    expect(errorsFor({ ...valid, seats: "many" }).seats).toBeDefined();
  });

  it("refuses a title that is too long or too short", () => {
    expect(errorsFor({ ...valid, title: "x".repeat(121) }).title).toEqual(["Keep the title to 120 characters or fewer."]);
    expect(errorsFor({ ...valid, title: "  ab  " }).title).toEqual(["The title needs at least 3 characters."]);
  });

  it("reports field errors and the time error together", () => {
    const errors = errorsFor({ ...valid, title: "", end: "2026-03-28T08:00" });
    expect(Object.keys(errors).sort()).toEqual(["end", "title"]);
  });

  it("needs a real event id when editing", () => {
    expect(eventEditSchema.safeParse({ ...valid, eventId: "not-a-uuid" }).success).toBe(false);
    expect(eventEditSchema.safeParse({ ...valid, eventId: "5f0c2f5e-8c1f-4a51-9b0e-0c9f3d3f2a10" }).success).toBe(true);
  });

  it("keeps 09:00 Berlin on the day clocks go forward 23 hours after 09:00 the day before", () => {
    const saturday = eventFormSchema.parse({ ...valid, start: "2026-03-28T09:00", end: "2026-03-28T10:00" });
    const sunday = eventFormSchema.parse({ ...valid, start: "2026-03-29T09:00", end: "2026-03-29T10:00" });
    expect(sunday.startAt.getTime() - saturday.startAt.getTime()).toBe(23 * 3_600_000);
  });

  it("refuses a start more than 24 months ahead on the start field, and the year 9999", () => {
    expect(errorsFor({ ...valid, start: "9999-03-28T09:00", end: "9999-03-28T11:00" }).start?.[0]).toMatch(/within the next 24 months/);
    expect(errorsFor({ ...valid, start: "2028-01-15T12:00", end: "2028-01-15T13:00" }).start?.[0]).toMatch(/within the next 24 months/);
    expect(eventFormSchema.safeParse({ ...valid, start: "2028-01-15T10:00", end: "2028-01-15T11:00" }).success).toBe(true);
  });

  it("refuses an event lasting three years, or more than 24 hours, on the end field", () => {
    expect(errorsFor({ ...valid, end: "2029-03-28T09:00" }).end?.[0]).toMatch(/at most 24 hours/);
    expect(errorsFor({ ...valid, start: "2026-05-02T09:00", end: "2026-05-03T09:01" }).end?.[0]).toMatch(/this end is 24 hours 1 minute\b/);
    expect(eventFormSchema.safeParse({ ...valid, start: "2026-05-02T09:00", end: "2026-05-03T09:00" }).success).toBe(true);
  });

  it("counts a night when the clocks go back as the 25 hours it lasts, and one when they go forward as 23", () => {
    // 09:00 to 09:00 reads as a day on the wall clock; in October in Berlin it is 25 hours.
    const autumn = errorsFor({ ...valid, start: "2026-10-24T09:00", end: "2026-10-25T09:00" });
    expect(autumn.end?.[0]).toMatch(/this end is 25 hours/);
    // 09:00 to 09:59 the next day in March reads as 25 hours but lasts 23 hours 59 minutes.
    expect(eventFormSchema.safeParse({ ...valid, start: "2026-03-28T09:00", end: "2026-03-29T09:59" }).success).toBe(true);
    expect(errorsFor({ ...valid, start: "2026-03-28T09:00", end: "2026-03-29T10:01" }).end?.[0]).toMatch(/this end is 24 hours 1 minute\b/);
  });

  it("takes its limits from the caller, as the server's configuration hands them over", () => {
    const strict = formSchemaFor({ maxMonthsAhead: 1, maxDurationHours: 2 }, now, builtInTypes);
    const parsed = strict.safeParse({ ...valid, end: "2026-03-28T11:30" });
    expect(parsed.success).toBe(false);
    expect(Object.keys(parsed.success ? {} : fieldErrorsOf(parsed.error)).sort()).toEqual(["end", "start"]);
  });
});
