import { describe, expect, it } from "vitest";
import { MatchingInputError } from "@/lib/matching/errors";
import { proposeMatches } from "@/lib/matching/matcher";
import { scoreAssignments } from "@/lib/matching/objective";
import type { MatchingInput } from "@/lib/matching/types";
import { at, daysAgo, event, executive, interval, matchingInput, placed } from "@/tests/support/matching-builders";

/* Defects found by independent probing of the matcher, one case each, smallest first. */

describe("lost placements", () => {
  it("moves the searching executive's own earlier seat to make room for a second one", () => {
    // y (preferred) is taken first, yet it overlaps both x and z; x and z together give the target of two.
    const input = matchingInput({
      events: [
        event("x", { ...interval("2026-03-10T09:00:00Z", 2) }),
        event("y", { ...interval("2026-03-10T10:00:00Z", 2), type: "home_visit" }),
        event("z", { ...interval("2026-03-10T11:30:00Z", 2) }),
      ],
      executives: [executive("a", { cadenceTarget: 2, preferredTypes: ["home_visit"] })],
    });
    expect(placed(proposeMatches(input)).sort()).toEqual(["a@x", "a@z"]);
  });

  it("lets another executive move out of the way even when the searcher's own seat was in the path", () => {
    // a holds u and wants a second seat; the only way is a: u → f, c: v → u, a takes v.
    const input = matchingInput({
      events: [
        event("u", { ...interval("2026-03-10T09:00:00Z", 2), type: "home_visit" }),
        event("f", { ...interval("2026-03-10T10:00:00Z", 2) }),
        event("v", { ...interval("2026-03-12T09:00:00Z", 2) }),
      ],
      executives: [
        executive("a", { cadenceTarget: 2, preferredTypes: ["home_visit"], lastContactAt: daysAgo(400) }),
        executive("c", { lastContactAt: daysAgo(300), languages: ["en"], blackouts: [interval("2026-03-10T11:00:00Z", 1)] }),
      ],
    });
    // c cannot take f (blackout), so c must sit at u or v; a needs two of u, f, v without the u/f overlap.
    const result = proposeMatches(input);
    expect(result.proposals).toHaveLength(3);
    expect(result.unplaced).toEqual([]);
  });
});

describe("ties in urgency", () => {
  it("gives the seat to the executive for whom it is new and preferred, not to the lower id", () => {
    const input = matchingInput({
      events: [event("e1", { type: "home_visit", personas: [{ id: "p1", name: "Seniors" }] })],
      executives: [
        executive("a", { lastContactAt: daysAgo(50), typesMet: ["home_visit"], personasMet: ["p1"] }),
        executive("b", { lastContactAt: daysAgo(50), preferredTypes: ["home_visit"] }),
      ],
    });
    expect(placed(proposeMatches(input))).toEqual(["b@e1"]);
  });

  it("still never gives a seat of someone who waited longer to someone with more to gain", () => {
    const input = matchingInput({
      events: [event("e1", { type: "home_visit" })],
      executives: [executive("a", { lastContactAt: daysAgo(51), typesMet: ["home_visit"] }), executive("b", { lastContactAt: daysAgo(50), preferredTypes: ["home_visit"] })],
    });
    expect(placed(proposeMatches(input))).toEqual(["a@e1"]);
  });
});

describe("lower tiers", () => {
  it("moves a second seat to someone below target who gains more there, keeping coverage and placements", () => {
    // a (longest waiting) ends with e1 and e2, b with e3 only; a cannot take e3 (German), so no swap helps,
    // but e1 is a new and preferred type for b and nothing new for a: it should be b's second seat.
    const input = matchingInput({
      events: [
        event("e1", { ...interval("2026-03-10T09:00:00Z", 2), type: "home_visit" }),
        event("e2", { ...interval("2026-03-11T09:00:00Z", 2) }),
        event("e3", { ...interval("2026-03-12T09:00:00Z", 2), language: "de" }),
      ],
      executives: [
        executive("a", { cadenceTarget: 2, lastContactAt: daysAgo(400), typesMet: ["home_visit", "call_listening"] }),
        executive("b", { cadenceTarget: 2, lastContactAt: daysAgo(300), languages: ["en", "de"], typesMet: ["call_listening"], preferredTypes: ["home_visit"] }),
      ],
    });
    expect(placed(proposeMatches(input)).sort()).toEqual(["a@e2", "b@e1", "b@e3"]);
  });
});

describe("lower tiers that need a chain of moves", () => {
  const lower = (input: MatchingInput) => {
    const { covered, urgency, placements, newPersonas, newTypes, preferred, newDepartments } = scoreAssignments(input, proposeMatches(input).proposals);
    return { covered, urgency, placements, variety: newPersonas + newTypes, preferred, newDepartments };
  };

  it("hands coverage to an executive of the same urgency when that lets another take a preferred type", () => {
    // All wait equally long; two seats for three. b fits only s, d only c, a both and prefers s. Optimum
    // (by hand): a@s and d@c, preferred 1. It takes three moves at once: d takes c, a moves c → s, b gives up s.
    const input = matchingInput({
      events: [event("s", { ...interval("2026-03-10T09:00:00Z", 2), type: "store_visit" }), event("c", { ...interval("2026-03-20T09:00:00Z", 2) })],
      executives: [
        executive("a", { lastContactAt: daysAgo(200), preferredTypes: ["store_visit"] }),
        executive("b", { lastContactAt: daysAgo(200), blackouts: [interval("2026-03-20T00:00:00Z", 24)] }),
        executive("d", { lastContactAt: daysAgo(200), blackouts: [interval("2026-03-10T00:00:00Z", 24)] }),
      ],
    });
    expect(lower(input)).toMatchObject({ covered: 2, placements: 2, variety: 2, preferred: 1 });
  });

  it("reaches the most new departments there are when it takes a cycle of three seat changes", () => {
    // The bench's "one-preferred-type" family at 8 × 3, seed 39, written out. Its lexicographic optimum
    // (HiGHS, bench/matching/exact.ts, tier by tier): covered 8, placements 8, variety 16, preferred 4,
    // new departments 8; before the chain pass the matcher reached 7 new departments.
    const prefers = { preferredTypes: ["call_listening"], timeZone: "Europe/Berlin", languages: ["de", "en"] };
    const newYork = { timeZone: "America/New_York" };
    const input = matchingInput({
      period: { start: at("2026-04-01T00:00:00Z"), end: at("2026-07-01T00:00:00Z") },
      now: at("2026-03-31T00:00:00Z"),
      events: [
        event("v1", { ...interval("2026-05-25T12:45:00Z", 2), freeSeats: 4, language: "en", personas: [{ id: "families", name: "Young families" }, { id: "students", name: "Students" }] }),
        event("v2", { ...interval("2026-04-30T07:15:00Z", 5), freeSeats: 2, type: "store_visit", personas: [{ id: "families", name: "Young families" }, { id: "commuters", name: "Commuters" }] }),
        event("v3", { ...interval("2026-05-05T08:15:00Z", 3), freeSeats: 2, type: "store_visit", personas: [{ id: "commuters", name: "Commuters" }, { id: "premium", name: "Premium customers" }] }),
      ],
      executives: [
        executive("x1", { ...prefers, ...newYork, department: "IT", languages: ["en"], cadenceTarget: 2, monthlyCap: 1, lastContactAt: at("2025-01-06T00:00:00Z"), personasMet: ["families", "smb", "students", "premium"], typesMet: ["call_listening", "service_desk_day", "home_visit"] }),
        executive("x2", { ...prefers, department: "Sales", monthlyCap: 2, lastContactAt: at("2024-09-08T00:00:00Z"), typesMet: ["store_visit"] }),
        executive("x3", { ...prefers, department: "Sales", monthlyCap: 2, lastContactAt: at("2026-02-28T00:00:00Z"), typesMet: ["call_listening", "customer_event"] }),
        executive("x4", { ...prefers, ...newYork, department: "Operations", languages: ["en", "es"], monthlyCap: 1, lastContactAt: at("2024-12-06T00:00:00Z"), personasMet: ["premium"], typesMet: ["call_listening"] }),
        executive("x5", { ...prefers, ...newYork, department: "Sales", languages: ["en"], cadenceTarget: 2, monthlyCap: 1, lastContactAt: at("2025-01-02T00:00:00Z") }),
        executive("x6", { ...prefers, department: "Finance", monthlyCap: 1, lastContactAt: at("2025-06-22T00:00:00Z"), personasMet: ["commuters"], typesMet: ["service_desk_day", "customer_event", "home_visit"] }),
        executive("x7", { ...prefers, department: "Logistics", monthlyCap: 1, lastContactAt: at("2025-02-17T00:00:00Z"), personasMet: ["families", "smb", "premium"], typesMet: ["customer_breakfast", "service_desk_day", "customer_event", "home_visit"] }),
        executive("x8", { ...prefers, department: "Product", monthlyCap: 1, lastContactAt: at("2025-12-24T00:00:00Z"), personasMet: ["premium"], typesMet: ["home_visit"] }),
      ],
    });
    expect(lower(input)).toMatchObject({ covered: 8, placements: 8, variety: 16, preferred: 4, newDepartments: 8 });
  });
});

describe("zero-length blackouts", () => {
  it("block nothing: intervals are half-open", () => {
    const input = matchingInput({
      events: [event("e1", { ...interval("2026-03-10T09:00:00Z", 2) })],
      executives: [executive("a", { blackouts: [{ start: at("2026-03-10T10:00:00Z"), end: at("2026-03-10T10:00:00Z") }] })],
    });
    expect(placed(proposeMatches(input))).toEqual(["a@e1"]);
  });

  it("nor does a zero-length booking", () => {
    const input = matchingInput({
      events: [event("e1", { ...interval("2026-03-10T09:00:00Z", 2) })],
      // Target 2: the booking itself counts toward the target; it only must not block the time.
      executives: [executive("a", { cadenceTarget: 2, booked: [{ start: at("2026-03-10T10:00:00Z"), end: at("2026-03-10T10:00:00Z") }] })],
    });
    expect(placed(proposeMatches(input))).toEqual(["a@e1"]);
  });
});

describe("attendance without a booking", () => {
  const attended = event("on", { ...interval("2026-03-10T09:00:00Z", 2), attendeeIds: ["a"] });

  it("blocks the time of the attended event as a booking would", () => {
    const input = matchingInput({
      events: [attended, event("overlapping", { ...interval("2026-03-10T10:00:00Z", 2) })],
      executives: [executive("a", { cadenceTarget: 2 })],
    });
    expect(placed(proposeMatches(input))).not.toContain("a@overlapping");
  });

  it("counts toward the target and the monthly cap, and is not counted twice when the booking is there", () => {
    const later = event("later", { ...interval("2026-03-20T09:00:00Z", 2) });
    const withoutBooking = matchingInput({ events: [attended, later], executives: [executive("a", { cadenceTarget: 1 })] });
    expect(placed(proposeMatches(withoutBooking))).toEqual([]);
    const capped = matchingInput({ events: [attended, later], executives: [executive("a", { cadenceTarget: 2, monthlyCap: 1 })] });
    expect(placed(proposeMatches(capped))).toEqual([]);
    const booked = matchingInput({
      events: [attended, later],
      executives: [executive("a", { cadenceTarget: 2, monthlyCap: 2, booked: [{ start: attended.start, end: attended.end }] })],
    });
    expect(placed(proposeMatches(booked))).toEqual(["a@later"]);
  });
});

describe("reasons", () => {
  it("names the one rule that blocks every event, even when another rule blocks some too", () => {
    const input = matchingInput({
      events: [event("e1", { language: "el" }), event("e2", { start: at("2026-03-11T09:00:00Z") })],
      executives: [executive("a", { blackouts: [{ start: at("2026-03-01T00:00:00Z"), end: at("2026-06-01T00:00:00Z") }] })],
    });
    const [unplaced] = proposeMatches(input).unplaced;
    expect(unplaced?.reason).toBe("blackout");
  });

  it("says a department comes to the table once per event, not for every member of it", () => {
    const input = matchingInput({
      events: [event("e1", { freeSeats: 3 })],
      executives: [executive("a"), executive("b"), executive("c", { department: "Finance" })],
    });
    const reasons = proposeMatches(input).proposals.map((p) => p.reason);
    expect(reasons.filter((r) => r.includes("brings Sales to the table"))).toHaveLength(1);
    expect(reasons.filter((r) => r.includes("brings Finance to the table"))).toHaveLength(1);
  });
});

describe("input of the wrong type", () => {
  const base = () => matchingInput({ events: [event("e1")], executives: [executive("a")] });
  const cases: { name: string; input: () => unknown; item: RegExp }[] = [
    { name: "missing executives", input: () => ({ ...base(), executives: undefined }), item: /executives/ },
    { name: "missing events", input: () => ({ ...base(), events: null }), item: /events/ },
    { name: "missing blackouts", input: () => ({ ...base(), executives: [{ ...executive("a"), blackouts: undefined }] }), item: /\ba\b/ },
    { name: "missing bookings", input: () => ({ ...base(), executives: [{ ...executive("a"), booked: "none" }] }), item: /\ba\b/ },
    { name: "language undefined", input: () => ({ ...base(), events: [{ ...event("e1"), language: undefined }] }), item: /\be1\b/ },
    { name: "a numeric executive id", input: () => ({ ...base(), executives: [executive(7 as unknown as string)] }), item: /7/ },
    { name: "a numeric event id", input: () => ({ ...base(), events: [event(8 as unknown as string)] }), item: /8/ },
    { name: "a numeric attendee id", input: () => ({ ...base(), events: [event("e1", { attendeeIds: [1 as unknown as string] })] }), item: /\be1\b/ },
    { name: "personas not a list", input: () => ({ ...base(), events: [{ ...event("e1"), personas: "p1" }] }), item: /\be1\b/ },
    { name: "a persona without a name", input: () => ({ ...base(), events: [event("e1", { personas: [{ id: "p1" } as { id: string; name: string }] })] }), item: /\be1\b/ },
    { name: "a type that is not text", input: () => ({ ...base(), events: [{ ...event("e1"), type: 3 }] }), item: /\be1\b/ },
    { name: "languages with a number", input: () => ({ ...base(), executives: [{ ...executive("a"), languages: ["en", 2] }] }), item: /\ba\b/ },
    { name: "a department that is not text", input: () => ({ ...base(), executives: [{ ...executive("a"), department: undefined }] }), item: /\ba\b/ },
    { name: "last contact undefined", input: () => ({ ...base(), executives: [{ ...executive("a"), lastContactAt: undefined }] }), item: /\ba\b/ },
    { name: "a blackout without an end", input: () => ({ ...base(), executives: [{ ...executive("a"), blackouts: [{ start: at("2026-03-10T00:00:00Z") }] }] }), item: /\ba\b/ },
    { name: "a null executive", input: () => ({ ...base(), executives: [null] }), item: /executive/ },
    { name: "types met not a list", input: () => ({ ...base(), executives: [{ ...executive("a"), typesMet: undefined }] }), item: /\ba\b/ },
    { name: "a time zone that is not text", input: () => ({ ...base(), executives: [{ ...executive("a"), timeZone: 1 }] }), item: /\ba\b/ },
  ];

  it.each(cases)("refuses $name with a MatchingInputError naming the item", ({ input, item }) => {
    let thrown: unknown;
    try {
      proposeMatches(input() as MatchingInput);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MatchingInputError);
    expect((thrown as MatchingInputError).code).toBe("INVALID_TYPE");
    expect((thrown as MatchingInputError).item).toMatch(item);
  });
});
