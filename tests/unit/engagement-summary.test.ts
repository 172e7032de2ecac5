import { describe, expect, it } from "vitest";
import {
  currentQuarter,
  formatHours,
  groupShares,
  parseQuarter,
  percent,
  quarterChoices,
  resolveQuarter,
  shapeSummary,
  shareLabel,
} from "@/lib/engagement/summary";

const berlin = "Europe/Berlin";

describe("quarters", () => {
  it("reads 2026-Q2 as April to June on the organisation's calendar", () => {
    const quarter = parseQuarter("2026-Q2", berlin);
    expect(quarter).toEqual({
      key: "2026-Q2",
      label: "Q2 2026",
      start: new Date("2026-03-31T22:00:00Z"),
      end: new Date("2026-06-30T22:00:00Z"),
    });
    expect(parseQuarter("2026-Q1", "America/New_York")?.start).toEqual(new Date("2026-01-01T05:00:00Z"));
  });

  it.each(["2026-Q5", "2026-Q0", "2026Q1", "26-Q1", "1999-Q4", " 2026-Q1", "", ["2026-Q1"], undefined])("refuses %j", (value) => {
    expect(parseQuarter(value, berlin)).toBeNull();
  });

  it("counts an instant in the quarter of its local date", () => {
    // 00:30 on 1 April in Berlin is still 31 March in UTC.
    expect(currentQuarter(new Date("2026-03-31T22:30:00Z"), berlin).key).toBe("2026-Q2");
    expect(currentQuarter(new Date("2026-03-31T22:30:00Z"), "UTC").key).toBe("2026-Q1");
  });

  it("falls back to the current quarter, saying so only for a value it cannot read", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    expect(resolveQuarter(undefined, now, berlin)).toMatchObject({ quarter: { key: "2026-Q4" }, problem: null });
    expect(resolveQuarter("2025-Q3", now, berlin)).toMatchObject({ quarter: { key: "2025-Q3" }, problem: null });
    const bad = resolveQuarter("last-quarter", now, berlin);
    expect(bad.quarter.key).toBe("2026-Q4");
    expect(bad.problem).toContain("“last-quarter” is not a quarter we know");
  });

  it("offers the last eight quarters, and an older chosen one too", () => {
    const now = new Date("2026-01-10T10:00:00Z");
    const recent = quarterChoices(now, berlin, currentQuarter(now, berlin));
    expect(recent.map((q) => q.key)).toEqual(["2026-Q1", "2025-Q4", "2025-Q3", "2025-Q2", "2025-Q1", "2024-Q4", "2024-Q3", "2024-Q2"]);
    expect(quarterChoices(now, berlin, parseQuarter("2020-Q1", berlin)!)[0]?.key).toBe("2020-Q1");
  });
});

describe("numbers", () => {
  it("writes shares as whole percentages, and none of nobody", () => {
    expect(shareLabel(7, 12)).toBe("7 of 12 executives (58 %)");
    expect(shareLabel(1, 1)).toBe("1 of 1 executive (100 %)");
    expect(shareLabel(0, 0)).toBe("0 of 0 executives");
    expect(percent(2, 3)).toBe(67);
    expect(formatHours(13.5)).toBe("13.5 h");
    expect(formatHours(2 / 3)).toBe("0.7 h");
  });
});

const people = (group: string, count: number, withContact: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `${group}-${i}`, group, hasContact: i < withContact }));

describe("no group under five on its own", () => {
  it("shows groups of five or more as they are", () => {
    expect(groupShares([...people("Sales", 5, 4), ...people("Service", 6, 3)], "Other")).toEqual({
      rows: [
        { label: "Sales", executives: 5, withContact: 4, share: 80 },
        { label: "Service", executives: 6, withContact: 3, share: 50 },
      ],
      incomplete: false,
    });
  });

  it("merges small groups into one, shown when the merge has five or more", () => {
    const table = groupShares([...people("Sales", 5, 1), ...people("Legal", 2, 1), ...people("Finance", 3, 2)], "Other departments");
    expect(table.rows).toEqual([
      { label: "Sales", executives: 5, withContact: 1, share: 20 },
      { label: "Other departments", executives: 5, withContact: 3, share: 60 },
    ]);
    expect(table.incomplete).toBe(false);
  });

  it("merges the smallest shown group into a merge still under five, so subtraction cannot reveal it", () => {
    const table = groupShares(
      [...people("Sales", 7, 2), ...people("Service", 6, 6), ...people("Legal", 1, 1), ...people("Finance", 3, 0)],
      "Other departments",
    );
    expect(table).toEqual({
      rows: [
        { label: "Sales", executives: 7, withContact: 2, share: 29 },
        { label: "Other departments", executives: 10, withContact: 7, share: 70 },
      ],
      incomplete: false,
    });
  });

  it("hides everything when even all groups together are under five, without saying how many", () => {
    const table = groupShares([...people("Legal", 1, 1), ...people("Finance", 3, 0)], "Other departments");
    expect(table).toEqual({ rows: [], incomplete: true });
  });
});

const executive = (id: string, safaris: number, department: string | null = "Sales") => ({
  id,
  department,
  seniority: department ? ("vp" as const) : null,
  safaris,
  hours: safaris * 2,
});
const noFigures = { reflections: [], emotions: [], commitments: [], scores: [], themes: [], loops: [] };

describe("the summary under the small-group rule", () => {
  it("puts executives without a profile in a group of their own, under the same rule", () => {
    const summary = shapeSummary({
      executives: [executive("a", 0, null), ...Array.from({ length: 5 }, (_, i) => executive(`s${i}`, i))],
      ...noFigures,
    });
    expect(summary.executives).toEqual({ shown: true, value: { total: 6, withContact: 4, label: "4 of 6 executives (67 %)" } });
    // Four people attended: their hours are not shown.
    expect(summary.hours).toEqual({ shown: false });
    // One executive without a profile would show as "all minus Sales": Sales is merged with them.
    expect(summary.byDepartment).toEqual({
      rows: [{ label: "Other departments (merged)", executives: 6, withContact: 4, share: 67 }],
      incomplete: false,
    });
    expect(summary.bySeniority.rows.map((row) => row.label)).toEqual(["Other seniority levels (merged)"]);
  });

  it("shows no headline in an organisation of fewer than five executives", () => {
    const summary = shapeSummary({ executives: ["a", "b", "c", "d"].map((id) => executive(id, 1)), ...noFigures });
    expect(summary.executives).toEqual({ shown: false });
    expect(summary.byDepartment).toEqual({ rows: [], incomplete: true });
  });

  it("counts hours, reflections and commitments by the distinct people they rest on", () => {
    const five = ["a", "b", "c", "d", "e"];
    const summary = shapeSummary({
      ...noFigures,
      executives: five.map((id) => executive(id, 1)),
      // Nine reflections, but from four people.
      reflections: [...five.slice(0, 4).map((authorId) => ({ authorId, count: 2 })), { authorId: "a", count: 1 }],
      emotions: [],
      commitments: five.map((ownerId) => ({ ownerId, state: "open" as const, count: 1 })),
    });
    expect(summary.hours).toEqual({ shown: true, value: 10 });
    expect(summary.reflections).toEqual({ shown: false });
    expect(summary.commitments).toEqual({
      made: { shown: true, value: 5 },
      rows: [{ label: "Open, not yet due", count: 5, overdue: false }],
      incomplete: false,
    });
  });

  it("shows commitments by state only where five people stand behind it, merging the rest", () => {
    const owners = ["a", "b", "c", "d", "e", "f", "g"];
    const summary = shapeSummary({
      ...noFigures,
      executives: [],
      reflections: [],
      emotions: [],
      commitments: [
        ...owners.slice(0, 5).map((ownerId) => ({ ownerId, state: "done" as const, count: 1 })),
        { ownerId: "f", state: "overdue" as const, count: 1 },
        { ownerId: "g", state: "dropped" as const, count: 3 },
      ],
    });
    // One overdue and three dropped, from two people: merged with "Done", so "Made" minus the rows reveals
    // nothing; and a single merged row would only repeat "Made", so there is no breakdown by state at all.
    expect(summary.commitments).toEqual({
      made: { shown: true, value: 9 },
      rows: [],
      incomplete: true,
    });
  });

  it("shows an emotion by the distinct people who reported it, with its average intensity", () => {
    const summary = shapeSummary({
      ...noFigures,
      executives: [],
      reflections: [],
      commitments: [],
      emotions: [
        { emotion: "frustrated", authorIds: ["a", "b", "c", "d", "e"], reports: 5, intensitySum: 20 },
        // Six reports, but one person.
        { emotion: "embarrassed", authorIds: ["a"], reports: 6, intensitySum: 12 },
        { emotion: "moved", authorIds: ["f"], reports: 1, intensitySum: 5 },
      ],
    });
    // "Embarrassed" and "Moved" rest on two people: merged, too few, so Frustrated joins them.
    expect(summary.emotions).toEqual({ rows: [{ label: "Other emotions (merged)", people: 6, averageIntensity: (20 + 12 + 5) / 12 }], incomplete: false });
  });
});
