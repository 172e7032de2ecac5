import { describe, expect, it } from "vitest";
import {
  averageScore,
  currentQuarter,
  formatHours,
  formatOutOfFive,
  formatShift,
  loopRows,
  themeRows,
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
    expect(formatShift(2 / 3)).toBe("+0.7 points");
    expect(formatShift(-1.25)).toBe("-1.3 points");
    expect(formatShift(0)).toBe("0.0 points");
    expect(formatOutOfFive(3.45)).toBe("3.5 of 5");
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

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe("empathy shift and surprise", () => {
  const score = (authorId: string, shift: [number, number], surprise: [number, number]) => ({
    authorId,
    shiftSum: shift[0],
    shiftCount: shift[1],
    surpriseSum: surprise[0],
    surpriseCount: surprise[1],
  });

  it("averages over every rated reflection, shown once five people rated", () => {
    // Six rated reflections from five people: a's two add up to +4, then +1, +1, +1 and -1; 6 / 6.
    const scores = [score("a", [4, 2], [5, 1]), score("b", [1, 1], [3, 1]), score("c", [1, 1], [3, 1]), score("d", [1, 1], [4, 1]), score("e", [-1, 1], [0, 0])];
    expect(averageScore(scores, "shiftSum", "shiftCount")).toEqual({ shown: true, value: { average: 1, people: 5 } });
    // "e" rated no surprise: four people, not shown.
    expect(averageScore(scores, "surpriseSum", "surpriseCount")).toEqual({ shown: false });
  });

  it("shows nothing over nobody", () => {
    expect(averageScore([], "shiftSum", "shiftCount")).toEqual({ shown: false });
    expect(shapeSummary({ executives: [], ...noFigures }).empathyShift).toEqual({ shown: false });
  });
});

describe("ouch and aah themes", () => {
  const theme = (kind: "ouch" | "aah", stage: "discover" | "buy" | "onboard" | "use" | "pay" | "get_help" | "change" | "leave", authorIds: string[], moments: number) => ({
    kind,
    stage,
    authorIds,
    moments,
  });

  it("lists the stages with the most moments of the kind asked, each with its moments and distinct people", () => {
    const themes = [
      theme("ouch", "pay", ids("p", 5), 9),
      theme("ouch", "get_help", ids("h", 7), 12),
      // As many moments as "pay", and more people: comes first.
      theme("ouch", "onboard", ids("o", 6), 9),
      theme("aah", "use", ids("u", 8), 30),
    ];
    expect(themeRows(themes, "ouch")).toEqual({
      rows: [
        { label: "Getting help", moments: 12, people: 7 },
        { label: "Getting started", moments: 9, people: 6 },
        { label: "Bills and payment", moments: 9, people: 5 },
      ],
      incomplete: false,
    });
    expect(themeRows(themes, "aah").rows).toEqual([{ label: "Everyday use", moments: 30, people: 8 }]);
  });

  it("merges a stage of fewer than five people, and with it the smallest shown one while the merge is too small", () => {
    const themes = [
      theme("ouch", "get_help", ids("h", 9), 20),
      theme("ouch", "pay", ids("p", 5), 6),
      // Many moments, but from two people: no row of its own.
      theme("ouch", "leave", ["x", "y"], 40),
    ];
    expect(themeRows(themes, "ouch")).toEqual({
      rows: [
        { label: "Getting help", moments: 20, people: 9 },
        { label: "Other stages (merged)", moments: 46, people: 7 },
      ],
      incomplete: false,
    });
  });

  it("shows the top five and puts the other stages into the merged row", () => {
    const stages = ["discover", "buy", "onboard", "use", "pay", "get_help", "change"] as const;
    const themes = stages.map((stage, i) => theme("aah", stage, ids(stage, 5), 10 - i));
    const table = themeRows(themes, "aah");
    expect(table.rows.map((row) => row.label)).toEqual([
      "Finding out about us",
      "Choosing and buying",
      "Getting started",
      "Everyday use",
      "Bills and payment",
      "Other stages (merged)",
    ]);
    expect(table.rows[5]).toEqual({ label: "Other stages (merged)", moments: 5 + 4, people: 10 });
  });

  it("shows no theme when all moments of the kind come from fewer than five people", () => {
    const themes = [theme("ouch", "pay", ["a", "b"], 3), theme("ouch", "use", ["a", "c", "d"], 4)];
    expect(themeRows(themes, "ouch")).toEqual({ rows: [], incomplete: true });
    expect(themeRows(themes, "aah")).toEqual({ rows: [], incomplete: false });
  });
});

describe("loops closed", () => {
  const done = (ownerId: string, count = 1) => ({ ownerId, state: "done" as const, count });
  const open = (ownerId: string) => ({ ownerId, state: "open" as const, count: 1 });
  const loop = (ownerId: string, customerTold: number, frontlineTold: number, closed = 1) => ({ ownerId, closed, customerTold, frontlineTold });

  it("shows loops closed and who was told, each resting on five owners", () => {
    const owners = ids("o", 6);
    const commitments = [...owners.map((id) => done(id)), ...owners.map(open)];
    const loops = owners.map((id, i) => loop(id, 1, i < 5 ? 0 : 1));
    // Frontline told by one owner only; the rest (five not told) is safe, the part is not.
    expect(loopRows(commitments, loops)).toEqual({ closed: { shown: true, value: 6 }, customerTold: { shown: true, value: 6 }, frontlineTold: { shown: false } });
  });

  it("hides loops closed when what is left of the done commitments rests on fewer than five owners", () => {
    const owners = ids("o", 6);
    // One owner has a second done commitment whose loop is open: "Done" minus "Loops closed" is that one.
    const commitments = [...owners.map((id) => done(id)), done("o0")];
    const loops = owners.map((id) => loop(id, 1, 1));
    expect(loopRows(commitments, loops)).toEqual({ closed: { shown: false }, customerTold: { shown: false }, frontlineTold: { shown: false } });
  });

  it("hides loops closed when what is left of the commitments made rests on fewer than five owners", () => {
    const owners = ids("o", 6);
    // Every done one closed, but one owner has an open one: "Made" minus "Loops closed" would be that one.
    const commitments = [...owners.map((id) => done(id)), open("x")];
    expect(loopRows(commitments, owners.map((id) => loop(id, 1, 1))).closed).toEqual({ shown: false });
    // Five more owners with open ones: the rest is safe.
    const more = [...commitments, ...ids("y", 4).map(open)];
    expect(loopRows(more, owners.map((id) => loop(id, 1, 1))).closed).toEqual({ shown: true, value: 6 });
  });

  it("hides who was told when the loops not told rest on fewer than five owners, and nothing over nobody", () => {
    const owners = ids("o", 7);
    const commitments = owners.map((id) => done(id));
    const loops = owners.map((id, i) => loop(id, i < 6 ? 1 : 0, 0));
    expect(loopRows(commitments, loops)).toEqual({ closed: { shown: true, value: 7 }, customerTold: { shown: false }, frontlineTold: { shown: false } });
    expect(loopRows([], [])).toEqual({ closed: { shown: false }, customerTold: { shown: false }, frontlineTold: { shown: false } });
  });
});
