import { describe, expect, it } from "vitest";
import { proposeMatches } from "@/lib/matching/matcher";
import { checkHardRules } from "@/lib/matching/rules";
import { at, event, executive, interval, matchingInput, placed, seat } from "@/tests/support/matching-builders";

/*
 * One hand-made case per hard rule: the matcher must not break it, and the rule checker (which the
 * property tests and the benchmark trust) must see it broken when it is.
 */

describe("seats", () => {
  it("never proposes more executives than an event has free seats", () => {
    const executives = ["a", "b", "c", "d"].map((id) => executive(id));
    const input = matchingInput({ events: [event("e1", { freeSeats: 2 })], executives });
    const result = proposeMatches(input);
    expect(result.proposals).toHaveLength(2);
    expect(result.unplaced.map((u) => u.executiveId)).toHaveLength(2);
    expect(checkHardRules(input, result.proposals)).toEqual([]);
  });

  it("proposes nobody for an event with no free seat", () => {
    const input = matchingInput({ events: [event("e1", { freeSeats: 0 })], executives: [executive("a")] });
    expect(placed(proposeMatches(input))).toEqual([]);
    expect(checkHardRules(input, [{ executiveId: "a", eventId: "e1" }]).map((v) => v.rule)).toEqual(["seats"]);
  });
});

describe("no executive in two overlapping events", () => {
  it("does not put one executive in two events that overlap", () => {
    const input = matchingInput({
      events: [event("e1", { start: at("2026-03-10T09:00:00Z") }), event("e2", { start: at("2026-03-10T10:00:00Z") })],
      executives: [executive("a", { cadenceTarget: 2 })],
    });
    const result = proposeMatches(input);
    expect(result.proposals).toHaveLength(1);
    expect(result.unplaced).toMatchObject([{ executiveId: "a", missing: 1 }]);
    expect(checkHardRules(input, [{ executiveId: "a", eventId: "e1" }, { executiveId: "a", eventId: "e2" }]).map((v) => v.rule)).toEqual(["overlap"]);
  });

  it("treats back-to-back events as not overlapping (intervals are half-open)", () => {
    const input = matchingInput({
      // e1 is 09:00–11:00, e2 starts at 11:00 sharp.
      events: [event("e1", { start: at("2026-03-10T09:00:00Z") }), event("e2", { start: at("2026-03-10T11:00:00Z") })],
      executives: [executive("a", { cadenceTarget: 2 })],
    });
    const result = proposeMatches(input);
    expect(placed(result)).toEqual(["a@e1", "a@e2"]);
    expect(result.unplaced).toEqual([]);
  });

  it("respects what the executive is already booked for, outside this input's events too", () => {
    const input = matchingInput({
      events: [event("e1", { start: at("2026-03-10T09:00:00Z") }), event("e2", { start: at("2026-03-12T09:00:00Z") })],
      // Booked 10:00–11:00 on the 10th (a safari of another team): e1 clashes, e2 does not.
      executives: [executive("a", { booked: [interval("2026-03-10T10:00:00Z", 1)], cadenceTarget: 3 })],
    });
    // The March booking counts toward the target (3 - 1 = 2 missing); only e2 is possible.
    const result = proposeMatches(input);
    expect(placed(result)).toEqual(["a@e2"]);
    expect(result.unplaced).toMatchObject([{ executiveId: "a", missing: 1 }]);
  });

  it("allows a booking that ends exactly when the event starts", () => {
    const input = matchingInput({
      events: [event("e1", { start: at("2026-03-10T09:00:00Z") })],
      executives: [executive("a", { booked: [{ start: at("2026-03-10T07:00:00Z"), end: at("2026-03-10T09:00:00Z") }], cadenceTarget: 2 })],
    });
    expect(placed(proposeMatches(input))).toEqual(["a@e1"]);
  });
});

describe("blackouts", () => {
  it("does not propose an event that touches a blackout, and does propose one just after it", () => {
    const input = matchingInput({
      events: [event("e1", { start: at("2026-03-10T09:00:00Z") }), event("e2", { start: at("2026-03-12T09:00:00Z") })],
      // Blackout ends 09:30 on the 10th (e1 overlaps by half an hour); e2 is the only fitting event.
      executives: [executive("a", { blackouts: [{ start: at("2026-03-09T00:00:00Z"), end: at("2026-03-10T09:30:00Z") }] })],
    });
    expect(placed(proposeMatches(input))).toEqual(["a@e2"]);
    expect(checkHardRules(input, [{ executiveId: "a", eventId: "e1" }]).map((v) => v.rule)).toEqual(["blackout"]);
  });

  it("proposes an event that starts exactly when the blackout ends", () => {
    const input = matchingInput({
      events: [event("e1", { start: at("2026-03-10T09:00:00Z") })],
      executives: [executive("a", { blackouts: [{ start: at("2026-03-09T00:00:00Z"), end: at("2026-03-10T09:00:00Z") }] })],
    });
    expect(placed(proposeMatches(input))).toEqual(["a@e1"]);
  });
});

describe("monthly cap, counted in the executive's own zone", () => {
  // 2026-03-31T23:30Z is 1 April 01:30 in Berlin but still 31 March 19:30 in New York.
  const lateMarch = at("2026-03-31T23:30:00Z");
  const capCase = (timeZone: string) =>
    matchingInput({
      events: [event("e1", { start: lateMarch })],
      // One safari already booked in March, cap 1 a month, target 2 for the period.
      executives: [executive("a", { timeZone, monthlyCap: 1, cadenceTarget: 2, booked: [interval("2026-03-05T09:00:00Z")] })],
    });

  it("lets the cap bite when the event falls in the same month in the executive's zone", () => {
    const input = capCase("America/New_York");
    const result = proposeMatches(input);
    expect(placed(result)).toEqual([]);
    expect(result.unplaced).toMatchObject([{ executiveId: "a", missing: 1, reason: "monthly_cap" }]);
    expect(checkHardRules(input, [{ executiveId: "a", eventId: "e1" }]).map((v) => v.rule)).toContain("monthly_cap");
  });

  it("does not let it bite when that instant is already next month in the executive's zone", () => {
    const input = capCase("Europe/Berlin");
    const result = proposeMatches(input);
    expect(placed(result)).toEqual(["a@e1"]);
    expect(result.unplaced).toEqual([]);
  });

  it("counts the matcher's own proposals toward the cap", () => {
    const input = matchingInput({
      events: [event("e1", { start: at("2026-03-10T09:00:00Z") }), event("e2", { start: at("2026-03-17T09:00:00Z") }), event("e3", { start: at("2026-04-07T09:00:00Z") })],
      executives: [executive("a", { monthlyCap: 1, cadenceTarget: 3 })],
    });
    const result = proposeMatches(input);
    // One in March (either) and e3 in April; never both March events.
    expect(result.proposals).toHaveLength(2);
    expect(placed(result)).toContain("a@e3");
    expect(result.unplaced).toMatchObject([{ executiveId: "a", missing: 1 }]);
    expect(checkHardRules(input, result.proposals)).toEqual([]);
    expect(checkHardRules(input, [{ executiveId: "a", eventId: "e1" }, { executiveId: "a", eventId: "e2" }]).map((v) => v.rule)).toEqual(["monthly_cap_with_proposals"]);
  });

  it("does not count a month already over the cap by bookings alone against a proposal in another month", () => {
    // The cap was lowered after two March bookings; an April safari breaks no rule.
    const input = matchingInput({
      events: [event("april", { start: at("2026-04-10T09:00:00Z") })],
      executives: [executive("a", { monthlyCap: 1, cadenceTarget: 3, booked: [interval("2026-03-03T09:00:00Z"), interval("2026-03-13T09:00:00Z")] })],
    });
    expect(placed(proposeMatches(input))).toEqual(["a@april"]);
    expect(checkHardRules(input, [{ executiveId: "a", eventId: "april" }])).toEqual([]);
  });

  it("places nobody with a cap of 0", () => {
    const input = matchingInput({ events: [event("e1")], executives: [executive("a", { monthlyCap: 0 })] });
    expect(placed(proposeMatches(input))).toEqual([]);
  });
});

describe("language", () => {
  it("only proposes an event that needs a language to an executive who speaks it", () => {
    const input = matchingInput({
      events: [event("e1", { language: "de", freeSeats: 2 })],
      executives: [executive("a", { languages: ["en", "el"] }), executive("b", { languages: ["de"] })],
    });
    const result = proposeMatches(input);
    expect(placed(result)).toEqual(["b@e1"]);
    expect(result.unplaced).toMatchObject([{ executiveId: "a", reason: "language" }]);
  });

  it("treats language null as no requirement, even for an executive with no languages listed", () => {
    const input = matchingInput({ events: [event("e1", { language: null })], executives: [executive("a", { languages: [] })] });
    expect(placed(proposeMatches(input))).toEqual(["a@e1"]);
  });
});

describe("the period and now", () => {
  it("never proposes events outside the period; the period is half-open", () => {
    const input = matchingInput({
      events: [
        event("before", { start: at("2026-02-28T23:00:00Z") }),
        event("first", { start: at("2026-03-01T00:00:00Z") }),
        event("at-end", { start: at("2026-06-01T00:00:00Z") }),
        event("after", { start: at("2026-06-15T09:00:00Z") }),
      ],
      executives: [executive("a", { cadenceTarget: 4 })],
    });
    expect(placed(proposeMatches(input))).toEqual(["a@first"]);
  });

  it("never proposes an event that started before now, even inside the period", () => {
    const input = matchingInput({
      now: at("2026-03-15T12:00:00Z"),
      events: [event("past", { start: at("2026-03-10T09:00:00Z") }), event("running", { start: at("2026-03-15T11:00:00Z") }), event("next", { start: at("2026-03-20T09:00:00Z") })],
      executives: [executive("a", { cadenceTarget: 3 })],
    });
    expect(placed(proposeMatches(input))).toEqual(["a@next"]);
    expect(checkHardRules(input, [{ executiveId: "a", eventId: "past" }]).map((v) => v.rule)).toEqual(["not_proposable"]);
  });
});

describe("executives already on an event", () => {
  it("are not proposed for it again", () => {
    const seated = seat(event("e1", { freeSeats: 3 }), [executive("a", { cadenceTarget: 2 })]);
    const input = matchingInput({ events: [seated.event], executives: seated.executives });
    const result = proposeMatches(input);
    expect(placed(result)).toEqual([]);
    expect(result.unplaced).toMatchObject([{ executiveId: "a", missing: 1 }]);
    expect(checkHardRules(input, [{ executiveId: "a", eventId: "e1" }]).map((v) => v.rule)).toEqual(["already_on_event"]);
  });

  it("are not proposed for it again even when their bookings do not list it", () => {
    const input = matchingInput({ events: [event("e1", { freeSeats: 3, attendeeIds: ["a"] })], executives: [executive("a")] });
    expect(placed(proposeMatches(input))).toEqual([]);
  });
});

describe("executives at or above target", () => {
  it("get no proposal, with bookings in the period counting toward the target", () => {
    const input = matchingInput({
      events: [event("e1", { freeSeats: 3 })],
      executives: [
        executive("met", { cadenceTarget: 1, booked: [interval("2026-04-02T09:00:00Z")] }),
        executive("above", { cadenceTarget: 1, booked: [interval("2026-04-02T09:00:00Z"), interval("2026-05-02T09:00:00Z")] }),
        executive("zero", { cadenceTarget: 0 }),
        // A booking before the period does not count: still one short.
        executive("short", { cadenceTarget: 1, booked: [interval("2026-02-02T09:00:00Z")] }),
      ],
    });
    const result = proposeMatches(input);
    expect(placed(result)).toEqual(["short@e1"]);
    expect(result.unplaced).toEqual([]);
  });

  it("get at most as many proposals as they are short of the target", () => {
    const events = ["e1", "e2", "e3", "e4"].map((id, i) => event(id, { start: new Date(at("2026-03-02T09:00:00Z").getTime() + i * 7 * 86_400_000) }));
    const input = matchingInput({ events, executives: [executive("a", { cadenceTarget: 3, monthlyCap: 9, booked: [interval("2026-04-20T09:00:00Z")] })] });
    expect(proposeMatches(input).proposals).toHaveLength(2);
  });
});

describe("executives excluded from an event (an organizer removed the proposal)", () => {
  it("are never proposed for it, and take another event instead", () => {
    const input = matchingInput({
      events: [event("e1", { freeSeats: 2, excludedExecutiveIds: ["a"] }), event("e2", { start: at("2026-03-20T09:00:00Z") })],
      executives: [executive("a"), executive("b")],
    });
    const result = proposeMatches(input);
    expect(placed(result).sort()).toEqual(["a@e2", "b@e1"]);
    expect(checkHardRules(input, [{ executiveId: "a", eventId: "e1" }]).map((v) => v.rule)).toEqual(["excluded"]);
  });

  it("stay short when every event excludes them, and the reason says so", () => {
    const input = matchingInput({ events: [event("e1", { excludedExecutiveIds: ["a", "nobody-known"] })], executives: [executive("a")] });
    const result = proposeMatches(input);
    expect(placed(result)).toEqual([]);
    expect(result.unplaced).toMatchObject([{ executiveId: "a", missing: 1, reason: "several", explanation: "no event fits: 1 removed by an organizer" }]);
  });
});
