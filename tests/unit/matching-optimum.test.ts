import fc from "fast-check";
import { describe, expect, it } from "vitest";
import highsLoader from "highs";
import { buildModel } from "@/bench/matching/exact";
import { proposeMatches } from "@/lib/matching/matcher";
import { scoreAssignments } from "@/lib/matching/objective";
import { checkHardRules } from "@/lib/matching/rules";
import type { Interval, MatchEvent, MatchExecutive, MatchingInput } from "@/lib/matching/types";
import { hours } from "@/tests/support/matching-builders";

/*
 * The matcher against the exact optimum (HiGHS) on small dense instances: 3–12 executives and 2–8 events
 * packed into four days across a month edge, with caps, blackouts, bookings and targets up to 3, so seats,
 * overlaps and monthly caps all compete. Tier 1 (coverage, urgency, placements up to target) must equal
 * the optimum; the lower tiers are the benchmark's business. Fixed seed: a failure reproduces.
 */

const start = Date.UTC(2026, 2, 30, 6);
const halfHour = hours(0.5);
const slot = fc.integer({ min: 0, max: 4 * 48 }).map((n) => start + n * halfHour);
const span = (max: number) => fc.record({ at: slot, length: fc.integer({ min: 1, max }) }).map(({ at, length }): Interval => ({ start: new Date(at), end: new Date(at + length * halfHour) }));

const instance = fc
  .record({
    events: fc.array(
      fc.record({ time: span(6), freeSeats: fc.integer({ min: 0, max: 3 }), type: fc.constantFrom("call_listening", "home_visit"), language: fc.option(fc.constant("de"), { nil: null, freq: 3 }) }),
      { minLength: 2, maxLength: 8 },
    ),
    executives: fc.array(
      fc.record({
        target: fc.integer({ min: 0, max: 3 }),
        cap: fc.integer({ min: 0, max: 3 }),
        zone: fc.constantFrom("Europe/Berlin", "America/New_York", "Asia/Tokyo"),
        german: fc.boolean(),
        contact: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
        blackouts: fc.array(span(12), { maxLength: 1 }),
        booked: fc.array(span(4), { maxLength: 1 }),
        department: fc.constantFrom("Sales", "Finance"),
        prefers: fc.boolean(),
      }),
      { minLength: 3, maxLength: 12 },
    ),
  })
  .map(({ events, executives }): MatchingInput => ({
    period: { start: new Date(Date.UTC(2026, 2, 1)), end: new Date(Date.UTC(2026, 5, 1)) },
    now: new Date(Date.UTC(2026, 2, 1)),
    events: events.map((e, i): MatchEvent => ({ id: `v${i}`, ...e.time, freeSeats: e.freeSeats, type: e.type, personas: [], language: e.language, attendeeIds: [] })),
    executives: executives.map(
      (x, i): MatchExecutive => ({
        id: `x${String(i).padStart(2, "0")}`,
        department: x.department,
        seniority: "vp",
        languages: x.german ? ["en", "de"] : ["en"],
        blackouts: x.blackouts,
        preferredTypes: x.prefers ? ["home_visit"] : [],
        timeZone: x.zone,
        cadenceTarget: x.target,
        monthlyCap: x.cap,
        // Few distinct waits, so urgency ties are common.
        lastContactAt: x.contact === null ? null : new Date(Date.UTC(2026, 1, 1) - x.contact * 30 * 86_400_000),
        personasMet: [],
        typesMet: [],
        booked: x.booked,
      }),
    ),
  }));

/** The optimum's assignments, from one HiGHS instance (loading its WASM takes longer than a solve). */
function solver(highs: Awaited<ReturnType<typeof highsLoader>>) {
  return (input: MatchingInput) => {
    const model = buildModel(input);
    const solution = highs.solve(model.lp, { mip_rel_gap: 0, output_flag: false });
    if (solution.Status !== "Optimal") throw new Error(`HiGHS: ${solution.Status}`);
    const p = model.prepared;
    return model.pairs
      .filter(([ei, vi]) => {
        const column = solution.Columns[`x${ei}_${vi}`];
        return column !== undefined && "Primal" in column && column.Primal > 0.5;
      })
      .map(([ei, vi]) => ({ executiveId: p.executives[ei]!.id, eventId: p.events[vi]!.id }));
  };
}

describe("tier 1 against the exact optimum", () => {
  it("is never behind on coverage, urgency or placements", async () => {
    const solve = solver(await highsLoader());
    fc.assert(
      fc.property(instance, (input) => {
        const assignments = proposeMatches(input).proposals.map(({ executiveId, eventId }) => ({ executiveId, eventId }));
        expect(checkHardRules(input, assignments)).toEqual([]);
        const mine = scoreAssignments(input, assignments);
        const best = scoreAssignments(input, solve(input));
        expect({ covered: mine.covered, urgency: mine.urgency.toFixed(9), placements: mine.placements }).toEqual({
          covered: best.covered,
          urgency: best.urgency.toFixed(9),
          placements: best.placements,
        });
      }),
      { numRuns: 150, seed: 20260401 },
    );
  }, 60_000);
});
