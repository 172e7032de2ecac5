import { describe, expect, it } from "vitest";
import { MatchingInputError, type MatchingInputErrorCode } from "@/lib/matching/errors";
import { proposeMatches } from "@/lib/matching/matcher";
import type { MatchingInput } from "@/lib/matching/types";
import { at, event, executive, matchingInput } from "@/tests/support/matching-builders";

/* Invalid input is refused with a typed error naming the item: never a crash, never a quiet proposal. */

function refusal(input: MatchingInput): MatchingInputError {
  let result: unknown;
  try {
    result = proposeMatches(input);
  } catch (error) {
    // A TypeError from deep inside would be a crash, not a refusal.
    expect(error).toBeInstanceOf(MatchingInputError);
    return error as MatchingInputError;
  }
  throw new Error(`expected a MatchingInputError, got a result: ${JSON.stringify(result)}`);
}

const fine = () => ({ events: [event("e1")], executives: [executive("a")] });

const cases: { name: string; input: MatchingInput; code: MatchingInputErrorCode; item: RegExp }[] = [
  {
    name: "an event ending before it starts",
    input: matchingInput({ ...fine(), events: [event("e1"), event("bad", { start: at("2026-03-10T09:00:00Z"), end: at("2026-03-10T08:00:00Z") })] }),
    code: "EVENT_ENDS_BEFORE_START",
    item: /\bbad\b/,
  },
  {
    name: "an event ending when it starts",
    input: matchingInput({ ...fine(), events: [event("zero", { start: at("2026-03-10T09:00:00Z"), end: at("2026-03-10T09:00:00Z") })] }),
    code: "EVENT_ENDS_BEFORE_START",
    item: /\bzero\b/,
  },
  {
    name: "negative seats",
    input: matchingInput({ ...fine(), events: [event("e1"), event("neg", { freeSeats: -1 })] }),
    code: "NEGATIVE_SEATS",
    item: /\bneg\b/,
  },
  {
    name: "fractional seats",
    input: matchingInput({ ...fine(), events: [event("half", { freeSeats: 1.5 })] }),
    code: "INVALID_NUMBER",
    item: /\bhalf\b/,
  },
  {
    name: "an unknown executive among an event's attendees",
    input: matchingInput({ ...fine(), events: [event("e1"), event("e2", { attendeeIds: ["a", "ghost"] })] }),
    code: "UNKNOWN_EXECUTIVE",
    item: /\be2\b/,
  },
  {
    name: "excluded executives that are not a list of ids",
    input: matchingInput({ ...fine(), events: [event("e1"), event("ex", { excludedExecutiveIds: "a" as unknown as string[] })] }),
    code: "INVALID_TYPE",
    item: /\bex\b/,
  },
  {
    name: "a duplicate event id",
    input: matchingInput({ ...fine(), events: [event("twice"), event("twice", { start: at("2026-04-10T09:00:00Z") })] }),
    code: "DUPLICATE_ID",
    item: /\btwice\b/,
  },
  {
    name: "a duplicate executive id",
    input: matchingInput({ ...fine(), executives: [executive("a"), executive("twin"), executive("twin", { department: "Finance" })] }),
    code: "DUPLICATE_ID",
    item: /\btwin\b/,
  },
  {
    name: "an invalid time zone",
    input: matchingInput({ ...fine(), executives: [executive("a"), executive("lost", { timeZone: "Europe/Atlantis" })] }),
    code: "INVALID_TIME_ZONE",
    item: /\blost\b/,
  },
  {
    name: "an invalid event start",
    input: matchingInput({ ...fine(), events: [event("nan", { start: new Date("not a date"), end: at("2026-03-10T09:00:00Z") })] }),
    code: "INVALID_TIME",
    item: /\bnan\b/,
  },
  {
    name: "a blackout ending before it starts",
    input: matchingInput({ ...fine(), executives: [executive("inverted", { blackouts: [{ start: at("2026-03-10T00:00:00Z"), end: at("2026-03-09T00:00:00Z") }] })] }),
    code: "EVENT_ENDS_BEFORE_START",
    item: /\binverted\b/,
  },
  {
    name: "a negative cadence target",
    input: matchingInput({ ...fine(), executives: [executive("minus", { cadenceTarget: -1 })] }),
    code: "INVALID_NUMBER",
    item: /\bminus\b/,
  },
  {
    name: "a period ending before it starts",
    input: matchingInput({ ...fine(), period: { start: at("2026-06-01T00:00:00Z"), end: at("2026-03-01T00:00:00Z") } }),
    code: "INVALID_PERIOD",
    item: /period/,
  },
  {
    name: "an invalid now",
    input: matchingInput({ ...fine(), now: new Date(Number.NaN) }),
    code: "INVALID_NOW",
    item: /now/,
  },
];

describe("bad input", () => {
  it.each(cases)("refuses $name with $code naming the item", ({ input, code, item }) => {
    const error = refusal(input);
    expect(error.code).toBe(code);
    expect(error.item).toMatch(item);
    expect(error.message).toMatch(item);
  });

  it("accepts the same input once the fault is removed, so the refusals are about the fault", () => {
    expect(proposeMatches(matchingInput(fine())).proposals).toHaveLength(1);
  });

  it("names the unknown attendee in the message", () => {
    const error = refusal(matchingInput({ ...fine(), events: [event("e2", { attendeeIds: ["ghost"] })] }));
    expect(error.message).toContain("ghost");
  });
});
