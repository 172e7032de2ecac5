import { describe, expect, it } from "vitest";
import { addMonths, agendaGrid, entriesByDay, monthWeeks } from "@/lib/agenda/grid";
import { parseAgendaQuery } from "@/lib/agenda/schema";

/* The agenda's days in the viewer's zone, across the EU and US daylight-saving changes of 2026. */

const hours = (grid: { start: Date; end: Date }) => (grid.end.getTime() - grid.start.getTime()) / 3_600_000;
const at = (iso: string) => new Date(iso);

describe("the agenda's weeks", () => {
  it("run Monday to Sunday and are 167 or 169 hours long in the weeks the clocks change (EU)", () => {
    const spring = agendaGrid("week", "2026-03-26", "Europe/Berlin");
    expect(spring.days).toEqual(["2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29"]);
    expect(spring.start).toEqual(at("2026-03-22T23:00:00Z"));
    expect(spring.end).toEqual(at("2026-03-29T22:00:00Z"));
    expect(hours(spring)).toBe(167);
    const autumn = agendaGrid("week", "2026-10-25", "Europe/Berlin");
    expect(autumn.days[0]).toBe("2026-10-19");
    expect(hours(autumn)).toBe(169);
    expect([autumn.previous, autumn.next]).toEqual(["2026-10-18", "2026-11-01"]);
  });

  it("do the same on the US dates, two weeks apart from the EU ones", () => {
    const spring = agendaGrid("week", "2026-03-08", "America/New_York");
    expect(spring.days[0]).toBe("2026-03-02");
    expect(spring.start).toEqual(at("2026-03-02T05:00:00Z"));
    expect(hours(spring)).toBe(167);
    expect(hours(agendaGrid("week", "2026-11-01", "America/New_York"))).toBe(169);
    // The same week in Berlin has no change at all.
    expect(hours(agendaGrid("week", "2026-03-08", "Europe/Berlin"))).toBe(168);
  });
});

describe("the agenda's months", () => {
  it("hold every day of the month, laid out in weeks from Monday", () => {
    const march = agendaGrid("month", "2026-03-15", "Europe/Berlin");
    expect(march.days).toHaveLength(31);
    expect(march.start).toEqual(at("2026-02-28T23:00:00Z"));
    expect(march.end).toEqual(at("2026-03-31T22:00:00Z"));
    expect(hours(march)).toBe(31 * 24 - 1);
    const weeks = monthWeeks(march.days);
    expect(weeks).toHaveLength(6);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, "2026-03-01"]);
    expect(weeks[5]).toEqual(["2026-03-30", "2026-03-31", null, null, null, null, null]);
  });

  it("go back and forth to the same day, or the month's last when it has none", () => {
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(agendaGrid("month", "2026-03-31", "UTC").previous).toBe("2026-02-28");
  });
});

describe("the entries of each day", () => {
  const days = ["2026-03-28", "2026-03-29", "2026-03-30"];
  const entry = (id: string, start: string, end: string) => ({ id, startAt: at(start), endAt: at(end) });

  it("are counted in the viewer's zone, with the 23-hour day holding what falls in it", () => {
    // 01:30 CET to 03:30 CEST on the night the clocks go forward: one hour, on the 29th.
    const overGap = entry("gap", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z");
    // Midnight of the 30th in Berlin is still the 29th in UTC.
    const berlinMidnight = entry("midnight", "2026-03-29T22:00:00Z", "2026-03-29T23:00:00Z");
    const byDay = entriesByDay([berlinMidnight, overGap], days, "Europe/Berlin");
    expect(byDay.get("2026-03-29")!.map((e) => e.id)).toEqual(["gap"]);
    expect(byDay.get("2026-03-30")!.map((e) => e.id)).toEqual(["midnight"]);
    // In New York both fall on the 29th (the evening before, and the night).
    const ny = entriesByDay([berlinMidnight, overGap], days, "America/New_York");
    expect(ny.get("2026-03-28")!.map((e) => e.id)).toEqual(["gap"]);
    expect(ny.get("2026-03-29")!.map((e) => e.id)).toEqual(["midnight"]);
  });

  it("show an entry that runs past midnight on each day it touches, and one ending at midnight on its own day only", () => {
    const overnight = entry("overnight", "2026-10-24T21:00:00Z", "2026-10-25T01:00:00Z"); // 23:00 to 02:00 (CET), Berlin
    const toMidnight = entry("to-midnight", "2026-10-25T21:00:00Z", "2026-10-25T23:00:00Z"); // 22:00 to 00:00 CET
    const byDay = entriesByDay([overnight, toMidnight], ["2026-10-24", "2026-10-25", "2026-10-26"], "Europe/Berlin");
    expect(byDay.get("2026-10-24")!.map((e) => e.id)).toEqual(["overnight"]);
    expect(byDay.get("2026-10-25")!.map((e) => e.id)).toEqual(["overnight", "to-midnight"]);
    expect(byDay.get("2026-10-26")).toEqual([]);
  });
});

describe("the agenda's URL", () => {
  it("reads a view and a date, and falls back to the week and today, saying why, for what it cannot read", () => {
    expect(parseAgendaQuery({ view: "month", date: "2026-02-10" }, "2026-11-24")).toEqual({ view: "month", date: "2026-02-10", errors: {} });
    expect(parseAgendaQuery({}, "2026-11-24")).toEqual({ view: "week", date: "2026-11-24", errors: {} });
    const bad = parseAgendaQuery({ view: "year", date: "2026-02-30" }, "2026-11-24");
    expect(bad).toMatchObject({ view: "week", date: "2026-11-24" });
    expect(Object.keys(bad.errors).sort()).toEqual(["date", "view"]);
    expect(parseAgendaQuery({ date: ["2026-01-01", "2026-01-02"] }, "2026-11-24").errors.date).toBeTruthy();
    expect(parseAgendaQuery({ date: "1900-01-01" }, "2026-11-24").errors.date).toBeTruthy();
  });
});
