import { describe, expect, it } from "vitest";
import { expandSeries, maxOccurrences, seriesSchema, type SeriesInput } from "@/lib/events/recurrence";
import { fieldErrorsOf } from "@/lib/forms";

// Call listening: Tuesdays 09:00–10:00 in Berlin, eight weeks from 17 March 2026 (clocks go forward on 29 March).
const weekly: SeriesInput = {
  firstDate: "2026-03-17",
  startTime: "09:00",
  durationMinutes: 60,
  timeZone: "Europe/Berlin",
  everyWeeks: 1,
  count: 8,
};

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());
const starts = (input: SeriesInput) => iso(expandSeries(input).occurrences.map((occurrence) => occurrence.startAt));

// What a form posts: strings only.
const form = {
  firstDate: "2026-03-17",
  startTime: "09:00",
  durationMinutes: "60",
  timeZone: "Europe/Berlin",
  everyWeeks: "1",
  count: "8",
  skipped: "refuse",
};

function errorsFor(input: Record<string, string>) {
  const parsed = seriesSchema.safeParse(input);
  expect(parsed.success).toBe(false);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe("expandSeries", () => {
  it("keeps 09:00 Berlin across the spring change: 08:00Z in winter, 07:00Z in summer", () => {
    const series = expandSeries(weekly);
    expect(series.ok).toBe(true);
    expect(series.problems).toEqual([]);
    expect(series.occurrences.map((occurrence) => occurrence.localStart)).toEqual([
      "2026-03-17T09:00",
      "2026-03-24T09:00",
      "2026-03-31T09:00",
      "2026-04-07T09:00",
      "2026-04-14T09:00",
      "2026-04-21T09:00",
      "2026-04-28T09:00",
      "2026-05-05T09:00",
    ]);
    expect(series.occurrences.map((occurrence) => occurrence.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(starts(weekly)).toEqual([
      "2026-03-17T08:00:00.000Z",
      "2026-03-24T08:00:00.000Z",
      "2026-03-31T07:00:00.000Z",
      "2026-04-07T07:00:00.000Z",
      "2026-04-14T07:00:00.000Z",
      "2026-04-21T07:00:00.000Z",
      "2026-04-28T07:00:00.000Z",
      "2026-05-05T07:00:00.000Z",
    ]);
    expect(iso(series.occurrences.map((occurrence) => occurrence.endAt)).slice(1, 3)).toEqual([
      "2026-03-24T09:00:00.000Z",
      "2026-03-31T08:00:00.000Z",
    ]);
  });

  it("keeps 09:00 New York across both US changes (8 March and 1 November 2026)", () => {
    const series = expandSeries({ ...weekly, firstDate: "2026-03-02", timeZone: "America/New_York", count: 36 });
    expect(series.ok).toBe(true);
    const byDate = new Map(series.occurrences.map((occurrence) => [occurrence.localStart, occurrence.startAt.toISOString()]));
    expect(byDate.get("2026-03-02T09:00")).toBe("2026-03-02T14:00:00.000Z");
    expect(byDate.get("2026-03-09T09:00")).toBe("2026-03-09T13:00:00.000Z");
    expect(byDate.get("2026-10-26T09:00")).toBe("2026-10-26T13:00:00.000Z");
    expect(byDate.get("2026-11-02T09:00")).toBe("2026-11-02T14:00:00.000Z");
    expect(series.occurrences.every((occurrence) => occurrence.localStart.endsWith("T09:00"))).toBe(true);
  });

  it("repeats every two weeks on the same weekday", () => {
    const series = expandSeries({ ...weekly, everyWeeks: 2, count: 4 });
    expect(series.occurrences.map((occurrence) => occurrence.localStart)).toEqual([
      "2026-03-17T09:00",
      "2026-03-31T09:00",
      "2026-04-14T09:00",
      "2026-04-28T09:00",
    ]);
    expect(starts({ ...weekly, everyWeeks: 2, count: 2 })).toEqual(["2026-03-17T08:00:00.000Z", "2026-03-31T07:00:00.000Z"]);
  });

  it("counts the duration as elapsed time, also over a night whose clocks go back", () => {
    const [night] = expandSeries({ ...weekly, firstDate: "2026-10-24", startTime: "23:00", durationMinutes: 720, count: 1 }).occurrences;
    expect(night?.startAt.toISOString()).toBe("2026-10-24T21:00:00.000Z");
    // Twelve hours lived: 10:00 on the clock, not 11:00.
    expect(night?.endAt.toISOString()).toBe("2026-10-25T09:00:00.000Z");
  });

  it("refuses a start in the skipped hour by default, listing the other dates and the problem", () => {
    const series = expandSeries({ ...weekly, firstDate: "2026-03-15", startTime: "02:30", count: 4 });
    expect(series.ok).toBe(false);
    expect(series.occurrences.map((occurrence) => occurrence.index)).toEqual([0, 1, 3]);
    expect(series.occurrences.map((occurrence) => occurrence.localStart)).toEqual(["2026-03-15T02:30", "2026-03-22T02:30", "2026-04-05T02:30"]);
    expect(series.problems).toEqual([
      {
        index: 2,
        date: "2026-03-29",
        kind: "refused",
        message:
          "Sun 29 Mar 2026: 02:30 does not exist in Europe/Berlin (clocks go forward); choose another start time, or let such dates move to the first minute after the change.",
      },
    ]);
  });

  it("refuses 02:30 New York on 8 March 2026 too", () => {
    const series = expandSeries({ ...weekly, firstDate: "2026-03-01", startTime: "02:30", timeZone: "America/New_York", count: 2 });
    expect(series.ok).toBe(false);
    expect(series.problems.map((problem) => problem.date)).toEqual(["2026-03-08"]);
    expect(series.problems[0]?.message).toMatch(/^Sun 8 Mar 2026: 02:30 does not exist in America\/New_York \(clocks go forward\)/);
  });

  it("moves a skipped start to the first minute after the change when asked, and says so", () => {
    const series = expandSeries({ ...weekly, firstDate: "2026-03-22", startTime: "02:30", count: 2, skipped: "moveForward" });
    expect(series.ok).toBe(true);
    expect(series.occurrences[1]).toEqual({
      index: 1,
      localStart: "2026-03-29T03:00",
      startAt: new Date("2026-03-29T01:00:00.000Z"),
      endAt: new Date("2026-03-29T02:00:00.000Z"),
    });
    expect(series.problems).toEqual([
      {
        index: 1,
        date: "2026-03-29",
        kind: "moved",
        message: "Sun 29 Mar 2026: 02:30 does not exist in Europe/Berlin (clocks go forward); this safari moves to 03:00, the first minute after the change.",
      },
    ]);
  });

  it("moves to the end of gaps that are not an hour long", () => {
    // Lord Howe Island puts its clocks forward by half an hour, 02:00 → 02:30.
    const lordHowe = expandSeries({ ...weekly, firstDate: "2026-10-04", startTime: "02:15", timeZone: "Australia/Lord_Howe", count: 1, skipped: "moveForward" });
    expect(lordHowe.occurrences[0]?.localStart).toBe("2026-10-04T02:30");
    expect(lordHowe.occurrences[0]?.startAt.toISOString()).toBe("2026-10-03T15:30:00.000Z");
    // Samoa skipped all of Friday 30 December 2011 when it crossed the date line.
    const samoa = expandSeries({ ...weekly, firstDate: "2011-12-23", timeZone: "Pacific/Apia", count: 2, skipped: "moveForward" });
    expect(samoa.occurrences[1]?.localStart).toBe("2011-12-31T00:00");
    expect(samoa.problems[0]?.message).toContain("moves to Sat 31 Dec 2011, 00:00");
  });

  it("takes the earlier instant of a wall-clock time that happens twice", () => {
    const berlin = expandSeries({ ...weekly, firstDate: "2026-10-18", startTime: "02:30", count: 2 });
    expect(berlin.ok).toBe(true);
    expect(berlin.problems).toEqual([]);
    expect(iso(berlin.occurrences.map((occurrence) => occurrence.startAt))).toEqual(["2026-10-18T00:30:00.000Z", "2026-10-25T00:30:00.000Z"]);
    expect(berlin.occurrences[1]?.endAt.toISOString()).toBe("2026-10-25T01:30:00.000Z");
    const newYork = expandSeries({ ...weekly, firstDate: "2026-11-01", startTime: "01:30", timeZone: "America/New_York", count: 1 });
    expect(newYork.occurrences[0]?.startAt.toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  it("keeps the wall-clock start in zones with half-hour offsets", () => {
    // Adelaide: +10:30 until 5 April 2026, +09:30 after.
    const adelaide = expandSeries({ ...weekly, firstDate: "2026-03-25", timeZone: "Australia/Adelaide", count: 3 });
    expect(adelaide.occurrences.map((occurrence) => occurrence.localStart)).toEqual(["2026-03-25T09:00", "2026-04-01T09:00", "2026-04-08T09:00"]);
    expect(iso(adelaide.occurrences.map((occurrence) => occurrence.startAt))).toEqual([
      "2026-03-24T22:30:00.000Z",
      "2026-03-31T22:30:00.000Z",
      "2026-04-07T23:30:00.000Z",
    ]);
    // Kolkata: +05:30 all year.
    expect(starts({ ...weekly, firstDate: "2026-03-17", timeZone: "Asia/Kolkata", count: 2 })).toEqual([
      "2026-03-17T03:30:00.000Z",
      "2026-03-24T03:30:00.000Z",
    ]);
  });

  it("never expands more than 52 dates, whatever the count", () => {
    for (const count of [53, 1000, Number.POSITIVE_INFINITY]) {
      expect(expandSeries({ ...weekly, count }).occurrences).toHaveLength(maxOccurrences);
    }
    expect(expandSeries({ ...weekly, count: Number.NaN }).occurrences).toEqual([]);
    expect(expandSeries({ ...weekly, count: 0 }).occurrences).toEqual([]);
    const longest = expandSeries({ ...weekly, everyWeeks: 4, count: 52 }).occurrences;
    expect(longest).toHaveLength(52);
    expect(longest.at(-1)?.localStart).toBe("2030-02-12T09:00");
  });

  it("throws on input the schema would refuse: a programming error, not a user's", () => {
    expect(() => expandSeries({ ...weekly, timeZone: "Europe/Atlantis" })).toThrow(RangeError);
    expect(() => expandSeries({ ...weekly, firstDate: "2026-02-30" })).toThrow(RangeError);
    expect(() => expandSeries({ ...weekly, startTime: "9:00" })).toThrow(RangeError);
    expect(() => expandSeries({ ...weekly, durationMinutes: 721 })).toThrow(RangeError);
    expect(() => expandSeries({ ...weekly, everyWeeks: 5 })).toThrow(RangeError);
  });
});

describe("seriesSchema", () => {
  it("coerces the form's strings and fills the defaults", () => {
    expect(seriesSchema.parse(form)).toEqual({ ...weekly, skipped: "refuse" });
    expect(seriesSchema.parse({ ...form, everyWeeks: "", skipped: "" })).toMatchObject({ everyWeeks: 1, skipped: "refuse" });
    const { everyWeeks: _everyWeeks, skipped: _skipped, ...required } = form;
    expect(seriesSchema.parse(required)).toMatchObject({ everyWeeks: 1, skipped: "refuse" });
  });

  it("accepts 52 dates and refuses 53", () => {
    expect(seriesSchema.safeParse({ ...form, count: "52" }).success).toBe(true);
    expect(errorsFor({ ...form, count: "53" })).toEqual({ count: ["A series has at most 52 occurrences."] });
    expect(errorsFor({ ...form, count: "0" }).count).toEqual(["A series needs at least 1 occurrence."]);
    expect(errorsFor({ ...form, count: "" }).count).toEqual(["Enter the number of dates, as a whole number."]);
  });

  it("refuses an unknown zone on the zone field", () => {
    expect(errorsFor({ ...form, timeZone: "Europe/Atlantis" })).toEqual({
      timeZone: ["Choose a time zone from the list (an IANA name such as Europe/Berlin)."],
    });
  });

  it("keeps the duration between 15 and 720 whole minutes", () => {
    expect(seriesSchema.safeParse({ ...form, durationMinutes: "15" }).success).toBe(true);
    expect(seriesSchema.safeParse({ ...form, durationMinutes: "720" }).success).toBe(true);
    expect(errorsFor({ ...form, durationMinutes: "14" }).durationMinutes).toEqual(["A safari in a series lasts at least 15 minutes."]);
    expect(errorsFor({ ...form, durationMinutes: "721" }).durationMinutes).toEqual(["A safari in a series lasts at most 720 minutes (12 hours)."]);
    expect(errorsFor({ ...form, durationMinutes: "90.5" }).durationMinutes).toEqual(["Enter the duration in minutes, as a whole number."]);
    expect(errorsFor({ ...form, durationMinutes: "" }).durationMinutes).toEqual(["Enter the duration in minutes, as a whole number."]);
  });

  it("repeats every 1 to 4 weeks", () => {
    expect(errorsFor({ ...form, everyWeeks: "0" }).everyWeeks).toEqual(["Repeat every 1 to 4 weeks."]);
    expect(errorsFor({ ...form, everyWeeks: "5" }).everyWeeks).toEqual(["Repeat every 1 to 4 weeks."]);
    expect(seriesSchema.parse({ ...form, everyWeeks: "4" }).everyWeeks).toBe(4);
  });

  it("refuses dates and times that are not real", () => {
    expect(errorsFor({ ...form, firstDate: "2026-02-30" }).firstDate).toEqual(["Enter a real calendar date between 1900 and 2999."]);
    expect(errorsFor({ ...form, firstDate: "17.03.2026" }).firstDate).toEqual(["Enter the first date as yyyy-MM-dd, e.g. 2026-03-03."]);
    expect(errorsFor({ ...form, firstDate: "0026-03-17" }).firstDate).toBeDefined();
    expect(errorsFor({ ...form, startTime: "24:00" }).startTime).toEqual(["Enter the start time as HH:mm, e.g. 09:00."]);
    expect(errorsFor({ ...form, startTime: "9:00" }).startTime).toBeDefined();
    expect(errorsFor({ ...form, skipped: "shift" }).skipped).toBeDefined();
  });

  it("refuses a series with a skipped start on the start time, unless the dates may move", () => {
    const skipping = { ...form, firstDate: "2026-03-15", startTime: "02:30", count: "4" };
    expect(errorsFor(skipping)).toEqual({
      startTime: [
        "Sun 29 Mar 2026: 02:30 does not exist in Europe/Berlin (clocks go forward); choose another start time, or let such dates move to the first minute after the change.",
      ],
    });
    expect(seriesSchema.safeParse({ ...skipping, skipped: "moveForward" }).success).toBe(true);
  });

  it("reports field errors without expanding a series from invalid fields", () => {
    const errors = errorsFor({ ...form, firstDate: "2026-03-15", startTime: "02:30", count: "4", timeZone: "Europe/Atlantis" });
    expect(Object.keys(errors)).toEqual(["timeZone"]);
  });
});
