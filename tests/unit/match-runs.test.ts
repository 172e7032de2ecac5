import { describe, expect, it } from "vitest";
import { withChoices } from "@/lib/match-runs/choices";
import { inputFingerprint } from "@/lib/match-runs/fingerprint";
import { defaultPeriodDays, periodOfDays, periodTarget, quartersTouching } from "@/lib/match-runs/period";
import { planInvitations } from "@/lib/match-runs/rules";
import { createRunSchema, publishRunSchema } from "@/lib/match-runs/schema";
import { validateForm } from "@/lib/forms";
import { at, event, executive, interval, matchingInput } from "@/tests/support/matching-builders";

const berlin = "Europe/Berlin";

describe("a run's period", () => {
  it("defaults to today until the last day of the quarter, counted in the organisation's zone", () => {
    // 23:30 on 31 March in Berlin is still the first quarter there; an hour later it is 1 April.
    expect(defaultPeriodDays(new Date("2026-03-31T21:30:00Z"), berlin)).toEqual({ from: "2026-03-31", to: "2026-03-31" });
    expect(defaultPeriodDays(new Date("2026-03-31T22:30:00Z"), berlin)).toEqual({ from: "2026-04-01", to: "2026-06-30" });
  });

  it("runs from the start of the first day to the end of the last, across a clock change", () => {
    const period = periodOfDays("2026-03-28", "2026-03-29", berlin);
    expect(period).toEqual({ start: new Date("2026-03-27T23:00:00Z"), end: new Date("2026-03-29T22:00:00Z") });
  });
});

describe("an executive's target in a period", () => {
  const now = new Date("2026-04-01T00:00:00Z");
  const target = (perQuarter: number, from: string, to: string, heldOutside: number[] = []) => {
    const period = periodOfDays(from, to, berlin);
    return periodTarget(perQuarter, period, now, quartersTouching(period, berlin), (i) => heldOutside[i] ?? 0);
  };

  it("is the quarter's cadence for a whole quarter, less what is held outside the period", () => {
    expect(target(2, "2026-04-01", "2026-06-30")).toBe(2);
    expect(target(2, "2026-05-01", "2026-06-30", [1])).toBe(1);
    expect(target(1, "2026-05-01", "2026-06-30", [1])).toBe(0);
  });

  it("is a share of it, rounded up, for part of a quarter, and adds up over quarters", () => {
    expect(target(3, "2026-04-01", "2026-04-30")).toBe(1);
    expect(target(1, "2026-04-01", "2026-04-10")).toBe(1);
    expect(target(0, "2026-04-01", "2026-06-30")).toBe(0);
    expect(target(2, "2026-04-01", "2026-09-30")).toBe(4);
  });
});

describe("the input's fingerprint", () => {
  it("is the same for the same input in any order, and differs when anything changes", () => {
    const a = executive("a", { languages: ["en", "de"], booked: [interval("2026-03-20T09:00:00Z"), interval("2026-03-02T09:00:00Z")] });
    const b = executive("b");
    const input = matchingInput({ events: [event("e1", { attendeeIds: ["a", "b"] }), event("e2")], executives: [a, b] });
    const shuffled = matchingInput({
      events: [event("e2"), event("e1", { attendeeIds: ["b", "a"] })],
      executives: [b, { ...a, languages: ["de", "en"], booked: [...a.booked].reverse() }],
    });
    expect(inputFingerprint(shuffled)).toBe(inputFingerprint(input));
    expect(inputFingerprint(input)).toMatch(/^[0-9a-f]{64}$/);
    expect(inputFingerprint({ ...input, now: at("2026-03-01T00:00:01Z") })).not.toBe(inputFingerprint(input));
    expect(inputFingerprint(matchingInput({ ...input, events: [event("e1", { attendeeIds: ["a", "b"], freeSeats: 2 }), event("e2")] }))).not.toBe(inputFingerprint(input));
  });
});

describe("choices carried into a re-run", () => {
  it("books hand-added executives on their event, one seat fewer, and excludes removed pairs", () => {
    const input = matchingInput({ events: [event("e1", { freeSeats: 2 }), event("e2")], executives: [executive("a"), executive("b")] });
    const kept = withChoices(input, { manual: [{ executiveId: "a", eventId: "e1" }], removed: [{ executiveId: "b", eventId: "e2" }] });
    expect(kept.events[0]).toMatchObject({ attendeeIds: ["a"], freeSeats: 1 });
    expect(kept.events[1]).toMatchObject({ excludedExecutiveIds: ["b"], freeSeats: 1 });
    expect(kept.executives[0]!.booked).toEqual([{ start: input.events[0]!.start, end: input.events[0]!.end }]);
    // A hand-added seat the event no longer has: no negative seats.
    expect(withChoices(matchingInput({ events: [event("e1", { freeSeats: 0 })], executives: [executive("a")] }), { manual: [{ executiveId: "a", eventId: "e1" }], removed: [] }).events[0]!.freeSeats).toBe(0);
  });
});

describe("planning the invitations of a publish", () => {
  const now = new Date("2026-03-01T00:00:00Z");
  const safari = { status: "published" as const, startAt: new Date("2026-03-10T09:00:00Z"), endAt: new Date("2026-03-10T11:00:00Z"), seats: 2, seatsTaken: 1 };

  it("hands out the free seats in order and blocks the time of those accepted", () => {
    const events = new Map([
      ["e1", safari],
      ["e2", { ...safari, seatsTaken: 0, startAt: new Date("2026-03-10T10:00:00Z"), endAt: new Date("2026-03-10T12:00:00Z") }],
    ]);
    const plan = planInvitations(
      [
        { executiveId: "a", eventId: "e1", existing: null },
        { executiveId: "b", eventId: "e1", existing: null },
        { executiveId: "a", eventId: "e2", existing: null },
        { executiveId: "c", eventId: "e2", existing: "waitlisted" },
      ],
      events,
      new Map(),
      now,
      5,
    );
    expect(plan.map((p) => (p.invite ? "invite" : p.note))).toEqual([
      "invite",
      "The safari has no seat left.",
      "The executive has signed up for another safari at that time.",
      "invite",
    ]);
    expect(plan[0]).toEqual({ invite: true, respondBy: new Date("2026-03-06T00:00:00Z") });
  });
});

describe("the forms' schemas", () => {
  it("reads ticked safaris as a list, and refuses none or a broken one", () => {
    const id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    expect(validateForm(createRunSchema, { from: "2026-04-01", to: "2026-06-30", eventIds: `${id}\n${id}` })).toEqual({
      success: true,
      data: { from: "2026-04-01", to: "2026-06-30", eventIds: [id] },
    });
    expect(validateForm(createRunSchema, { from: "2026-04-01", to: "2026-06-30" })).toMatchObject({ success: false, fieldErrors: { eventIds: ["Choose at least one safari."] } });
    expect(validateForm(createRunSchema, { from: "2026-04-01", to: "2026-06-30", eventIds: "not-an-id" })).toMatchObject({
      success: false,
      fieldErrors: { eventIds: ["This list of safaris is broken: reload the page."] },
    });
    expect(validateForm(createRunSchema, { from: "2026-04-01", to: "2026-03-30", eventIds: id })).toMatchObject({
      success: false,
      fieldErrors: { to: ["The last day must not come before the first."] },
    });
  });

  it("reads ticked types instead in a period with too many safaris to list, and refuses both, none or a broken one", () => {
    const period = { from: "2026-04-01", to: "2026-06-30" };
    expect(validateForm(createRunSchema, { ...period, types: "home_visit\ncall_listening\nhome_visit" })).toEqual({
      success: true,
      data: { ...period, types: ["home_visit", "call_listening"] },
    });
    expect(validateForm(createRunSchema, { ...period, types: "" })).toMatchObject({ success: false, fieldErrors: { types: ["Choose at least one type of safari."] } });
    // Types are data now: a key of the right form that no type has passes here and then matches no safari.
    expect(validateForm(createRunSchema, { ...period, types: "Space walk!" })).toMatchObject({
      success: false,
      fieldErrors: { types: ["This list of types is broken: reload the page."] },
    });
    const id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    expect(validateForm(createRunSchema, { ...period, types: "home_visit", eventIds: id })).toMatchObject({ success: false, fieldErrors: { eventIds: ["Choose at least one safari."] } });
  });

  it("takes 1 to 14 days to answer, 5 when not given", () => {
    const runId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    expect(validateForm(publishRunSchema, { runId })).toMatchObject({ success: true, data: { respondWithinDays: 5 } });
    expect(validateForm(publishRunSchema, { runId, respondWithinDays: "15" })).toMatchObject({ success: false });
    expect(validateForm(publishRunSchema, { runId, respondWithinDays: "0" })).toMatchObject({ success: false });
  });
});
