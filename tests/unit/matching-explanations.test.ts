import { describe, expect, it } from "vitest";
import { proposeMatches } from "@/lib/matching/matcher";
import { at, daysAgo, event, executive, interval, matchingInput, placed } from "@/tests/support/matching-builders";

/* What the organizer reads: a reason for each proposal, and why each executive below target stays short. */

describe("proposal reasons", () => {
  it("names the days without contact and the new persona", () => {
    const input = matchingInput({
      events: [event("e1", { personas: [{ id: "p-yf", name: "Young families" }] })],
      executives: [executive("a", { lastContactAt: daysAgo(143) })],
    });
    const [proposal] = proposeMatches(input).proposals;
    expect(proposal?.reason).toContain("143 days");
    expect(proposal?.reason).toContain("'Young families'");
  });

  it("counts whole days up to now, not to the machine's clock or the event", () => {
    const now = at("2026-04-01T12:00:00Z");
    const input = matchingInput({
      now,
      events: [event("e1", { start: at("2026-05-20T09:00:00Z") })],
      executives: [executive("a", { lastContactAt: daysAgo(30, now) })],
    });
    expect(proposeMatches(input).proposals[0]?.reason).toContain("30 days");
  });

  it("does not claim a first time with a persona the executive has met", () => {
    const input = matchingInput({
      events: [event("e1", { personas: [{ id: "p-yf", name: "Young families" }] })],
      executives: [executive("a", { personasMet: ["p-yf"], lastContactAt: daysAgo(20) })],
    });
    const [proposal] = proposeMatches(input).proposals;
    expect(proposal?.reason).not.toContain("Young families");
    expect(proposal?.reason).toContain("20 days");
  });

  it("names a persona that is new when the event shows one met and one new", () => {
    const input = matchingInput({
      events: [event("e1", { personas: [{ id: "p-yf", name: "Young families" }, { id: "p-sb", name: "Small business owners" }] })],
      executives: [executive("a", { personasMet: ["p-yf"] })],
    });
    expect(proposeMatches(input).proposals[0]?.reason).toContain("'Small business owners'");
  });

  it("reads as text for an executive who never had contact", () => {
    const input = matchingInput({ events: [event("e1")], executives: [executive("a", { lastContactAt: null })] });
    const reason = proposeMatches(input).proposals[0]?.reason ?? "";
    expect(reason.length).toBeGreaterThan(0);
    expect(reason).not.toMatch(/null|undefined|NaN/);
  });
});

describe("why an executive stays below target", () => {
  it("all_full: the only fitting event went to someone who waited longer", () => {
    const input = matchingInput({
      events: [event("e1")],
      executives: [executive("a", { lastContactAt: daysAgo(300) }), executive("b", { lastContactAt: daysAgo(30) })],
    });
    const result = proposeMatches(input);
    expect(placed(result)).toEqual(["a@e1"]);
    expect(result.unplaced).toMatchObject([{ executiveId: "b", missing: 1, reason: "all_full" }]);
    expect(result.unplaced[0]?.explanation).toBeTruthy();
  });

  it("all_full: every fitting event has no seat left", () => {
    const input = matchingInput({
      events: [event("e1", { freeSeats: 0 }), event("e2", { start: at("2026-04-10T09:00:00Z"), freeSeats: 0 })],
      executives: [executive("a")],
    });
    expect(proposeMatches(input).unplaced).toMatchObject([{ executiveId: "a", missing: 1, reason: "all_full" }]);
  });

  it("blackout: a blackout covers every event", () => {
    const input = matchingInput({
      events: [event("e1"), event("e2", { start: at("2026-04-10T09:00:00Z") })],
      executives: [executive("a", { blackouts: [{ start: at("2026-03-01T00:00:00Z"), end: at("2026-05-01T00:00:00Z") }] })],
    });
    const result = proposeMatches(input);
    expect(placed(result)).toEqual([]);
    expect(result.unplaced).toMatchObject([{ executiveId: "a", missing: 1, reason: "blackout" }]);
  });

  it("monthly_cap: the cap is reached in the month of every event", () => {
    const input = matchingInput({
      events: [event("e1", { start: at("2026-03-10T09:00:00Z") }), event("e2", { start: at("2026-03-20T09:00:00Z") })],
      executives: [executive("a", { monthlyCap: 1, cadenceTarget: 3, booked: [interval("2026-03-03T09:00:00Z")] })],
    });
    const result = proposeMatches(input);
    expect(placed(result)).toEqual([]);
    expect(result.unplaced).toMatchObject([{ executiveId: "a", missing: 2, reason: "monthly_cap" }]);
  });

  it("language: no event in a language the executive speaks", () => {
    const input = matchingInput({
      events: [event("e1", { language: "el" }), event("e2", { start: at("2026-04-10T09:00:00Z"), language: "de" })],
      executives: [executive("a", { languages: ["en", "fr"] })],
    });
    expect(proposeMatches(input).unplaced).toMatchObject([{ executiveId: "a", missing: 1, reason: "language" }]);
  });

  it("no_events: no event in the period at all", () => {
    const input = matchingInput({
      events: [event("past", { start: at("2026-02-10T09:00:00Z") }), event("later", { start: at("2026-07-10T09:00:00Z") })],
      executives: [executive("a", { cadenceTarget: 2 })],
    });
    expect(proposeMatches(input).unplaced).toMatchObject([{ executiveId: "a", missing: 2, reason: "no_events" }]);
    expect(proposeMatches(matchingInput({ executives: [executive("a")] })).unplaced).toMatchObject([{ executiveId: "a", missing: 1, reason: "no_events" }]);
  });

  it("reports the shortfall of a partly placed executive and leaves out those at target", () => {
    const input = matchingInput({
      events: [event("e1", { freeSeats: 2 })],
      executives: [executive("a", { cadenceTarget: 3 }), executive("done", { cadenceTarget: 1, booked: [interval("2026-04-02T09:00:00Z")] })],
    });
    const result = proposeMatches(input);
    expect(placed(result)).toEqual(["a@e1"]);
    expect(result.unplaced).toHaveLength(1);
    expect(result.unplaced[0]).toMatchObject({ executiveId: "a", missing: 2 });
  });

  it("lists the unplaced sorted by executive id", () => {
    const input = matchingInput({ executives: ["m", "b", "x", "a"].map((id) => executive(id)) });
    expect(proposeMatches(input).unplaced.map((u) => u.executiveId)).toEqual(["a", "b", "m", "x"]);
  });
});
