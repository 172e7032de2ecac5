import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupContributions, guardFigure, minGroupSize, showFigure, suppressSmallGroups, type Group } from "@/lib/privacy/small-groups";

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const group = (label: string, people: string[], value = people.length): Group<number> => ({ label, people: new Set(people), value });
const add = (a: number, b: number) => a + b;
const table = (groups: Group<number>[]) => suppressSmallGroups(groups, { otherLabel: "Other", merge: add });
const plain = (rows: Group<number>[]) => rows.map((row) => ({ label: row.label, people: [...row.people].sort(), value: row.value }));

describe("showFigure", () => {
  it("shows a figure resting on five distinct people, and none on fewer, nobody included", () => {
    expect(minGroupSize).toBe(5);
    expect(showFigure(ids("p", 5))).toBe(true);
    expect(showFigure(ids("p", 4))).toBe(false);
    expect(showFigure([])).toBe(false);
  });

  it("counts people, not the rows they left: one person five times is one person", () => {
    expect(showFigure(["ann", "ann", "ann", "ann", "ann"])).toBe(false);
    expect(showFigure(new Set(["ann", "bob", "cem", "dia", "eli", "ann"]))).toBe(true);
    expect(guardFigure(["ann", "ann", "bob", "bob", "cem"], 5)).toEqual({ shown: false });
    expect(guardFigure(ids("p", 6), 17)).toEqual({ shown: true, value: 17 });
  });
});

describe("suppressSmallGroups", () => {
  it("keeps groups of five or more as they are, in their order", () => {
    const result = table([group("B", ids("b", 6)), group("A", ids("a", 5))]);
    expect(plain(result.rows).map((row) => row.label)).toEqual(["B", "A"]);
    expect(result.incomplete).toBe(false);
  });

  it("merges small groups into one row shown when their union has five people", () => {
    const result = table([group("Sales", ids("s", 5)), group("Legal", ids("l", 2)), group("Finance", ids("f", 3))]);
    expect(plain(result.rows)).toEqual([
      { label: "Sales", people: ids("s", 5), value: 5 },
      { label: "Other", people: [...ids("f", 3), ...ids("l", 2)], value: 5 },
    ]);
  });

  it("counts a person in two small groups once, so the union decides, not the sum", () => {
    // Four people in two groups of 3: 6 by the sum, 4 as people. Too few, so the smallest shown group joins.
    const result = table([group("Big", ids("b", 5)), group("X", ["a", "b", "c"]), group("Y", ["b", "c", "d"])]);
    expect(plain(result.rows)).toEqual([{ label: "Other", people: ["a", "b", "b0", "b1", "b2", "b3", "b4", "c", "d"], value: 11 }]);
  });

  it("merges the smallest shown group into a merge still under five, so a total minus the rows reveals nothing", () => {
    const result = table([group("Sales", ids("s", 7)), group("Service", ids("v", 6)), group("Legal", ids("l", 1)), group("Finance", ids("f", 3))]);
    expect(plain(result.rows).map((row) => [row.label, row.value])).toEqual([
      ["Sales", 7],
      ["Other", 10],
    ]);
  });

  it("shows nothing, and says so without a number, when everything together is under five", () => {
    expect(table([group("Legal", ids("l", 1)), group("Finance", ids("f", 3))])).toEqual({ rows: [], incomplete: true });
    expect(table([])).toEqual({ rows: [], incomplete: false });
  });

  it("merges aggregates with the merge given: a weighted average, not an average of averages", () => {
    type Intensity = { reports: number; sum: number };
    const rows = groupContributions(
      [
        { emotion: "moved", who: "a", intensity: 5 },
        { emotion: "moved", who: "b", intensity: 5 },
        { emotion: "angry", who: "c", intensity: 1 },
        { emotion: "angry", who: "d", intensity: 1 },
        { emotion: "angry", who: "e", intensity: 1 },
        { emotion: "angry", who: "a", intensity: 2 },
      ],
      { label: (r) => r.emotion, people: (r) => [r.who], value: (r): Intensity => ({ reports: 1, sum: r.intensity }), merge: (x, y) => ({ reports: x.reports + y.reports, sum: x.sum + y.sum }) },
    );
    const result = suppressSmallGroups(rows, { otherLabel: "Other emotions", merge: (x, y) => ({ reports: x.reports + y.reports, sum: x.sum + y.sum }) });
    expect(result.rows).toHaveLength(1);
    const [other] = result.rows;
    expect(other!.label).toBe("Other emotions");
    expect(other!.people.size).toBe(5);
    // 15 / 6 = 2.5; the average of the two groups' averages would be (5 + 1.25) / 2 = 3.125.
    expect(other!.value.sum / other!.value.reports).toBe(2.5);
  });
});

// Up to 14 people, each in one of up to six groups (a partition, like departments), or in any subset of them.
const pool = ids("p", 14);
const labels = ["A", "B", "C", "D", "E", "F"];
const partition = fc
  .array(fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...labels), fc.integer({ min: 0, max: 9 })), { maxLength: 14 })
  .map((members) => {
    const seen = new Set<string>();
    return members.filter(([person]) => !seen.has(person) && seen.add(person));
  });
const overlapping = fc.array(fc.tuple(fc.constantFrom(...labels), fc.subarray(pool), fc.integer({ min: 0, max: 20 })), { maxLength: 6 }).map((groups) => {
  const byLabel = new Map(groups.map(([label, people, value]) => [label, group(label, people, value)]));
  return [...byLabel.values()].filter((g) => g.people.size > 0);
});

const fromPartition = (members: [string, string, number][]) =>
  groupContributions(members, { label: ([, label]) => label, people: ([person]) => [person], value: ([, , value]) => value, merge: add });

function subsets<T>(items: T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((subset) => [...subset, item])], [[]]);
}

describe("properties", () => {
  const runs = { numRuns: 400, seed: 7 };

  it("every shown row rests on at least five distinct people, whatever the groups", () => {
    fc.assert(
      fc.property(fc.oneof(partition.map(fromPartition), overlapping), (groups) => {
        for (const row of table(groups).rows) expect(row.people.size).toBeGreaterThanOrEqual(minGroupSize);
      }),
      runs,
    );
  });

  it("a row of its own is the group unchanged; the merged row is exactly the union of the rest", () => {
    fc.assert(
      fc.property(fc.oneof(partition.map(fromPartition), overlapping), (groups) => {
        const { rows, incomplete } = table(groups);
        const own = rows.filter((row) => row.label !== "Other");
        for (const row of own) expect(groups).toContain(row);
        const rest = groups.filter((g) => !own.includes(g));
        const other = rows.find((row) => row.label === "Other");
        if (other) {
          expect(other.people).toEqual(new Set(rest.flatMap((g) => [...g.people])));
          expect(other.value).toBe(rest.reduce((sum, g) => sum + g.value, 0));
        } else if (!incomplete) {
          expect(rest).toEqual([]);
        }
      }),
      runs,
    );
  });

  it("no group of one to four people is the difference between the total and any shown rows", () => {
    fc.assert(
      fc.property(partition, (members) => {
        const everyone = new Set(members.map(([person]) => person));
        const total = members.reduce((sum, [, , value]) => sum + value, 0);
        const { rows } = table(fromPartition(members));
        // A total on fewer than five is not shown, so there is nothing to subtract from.
        if (!showFigure(everyone)) {
          expect(rows).toEqual([]);
          return;
        }
        // Nobody is left out of the rows, so the shown rows add up to the total...
        expect(rows.reduce((sum, row) => sum + row.value, 0)).toBe(total);
        // ...and whatever rows one subtracts from the total, what remains rests on nobody or on five or more.
        for (const subtracted of subsets(rows)) {
          const remaining = [...everyone].filter((person) => !subtracted.some((row) => row.people.has(person)));
          expect(remaining.length === 0 || remaining.length >= minGroupSize).toBe(true);
        }
      }),
      runs,
    );
  });
});
