import { describe, expect, it } from "vitest";
import type { EventStatus, ParticipationStatus } from "@/db/enums";
import { checkInIsOpen, checkInVerdict, lifecycle, limitProblems, moveVerdict, signUpIsOpen, type EventLimits } from "@/lib/events/rules";
import { answerVerdict, invitationDeadline, isLateWithdrawal, reflectionVerdict, seatOptions, withdrawVerdict } from "@/lib/participation/rules";
import { localToInstant } from "@/lib/time/zones";

const limits: EventLimits = { maxMonthsAhead: 24, maxDurationHours: 24 };
const berlin = "Europe/Berlin";
const at = (local: string, zone = berlin) => localToInstant(local, zone)!;

/** A two-hour safari on Tuesday 3 March 2026, 09:30 Berlin. */
function safari(status: EventStatus, overrides: Partial<{ startAt: Date; endAt: Date; timeZone: string }> = {}) {
  return { status, startAt: at("2026-03-03T09:30"), endAt: at("2026-03-03T11:30"), timeZone: berlin, ...overrides };
}

const before = at("2026-03-01T12:00");
const during = at("2026-03-03T10:00");
const after = at("2026-03-03T12:00");

/** Which of the four steps are possible, as a sorted list. */
function possible(event: ReturnType<typeof safari>, now: Date) {
  return Object.entries(lifecycle(event, now, limits))
    .filter(([, verdict]) => verdict.ok)
    .map(([step]) => step)
    .sort();
}

describe("event lifecycle", () => {
  it("lets a draft be edited, published and cancelled before its start", () => {
    expect(possible(safari("draft"), before)).toEqual(["cancel", "edit", "publish"]);
  });

  it("lets a draft past its start be edited and cancelled, but not published, and says why", () => {
    expect(possible(safari("draft"), after)).toEqual(["cancel", "edit"]);
    const publish = lifecycle(safari("draft"), after, limits).publish;
    expect(publish.ok ? "" : publish.why).toMatch(/move it to a new time/);
  });

  it("lets a published safari be edited and cancelled until it starts", () => {
    expect(possible(safari("published"), before)).toEqual(["cancel", "edit"]);
    expect(possible(safari("published"), new Date(safari("published").startAt.getTime() - 1))).toEqual(["cancel", "edit"]);
  });

  it("allows nothing from the start until the end, then only completing", () => {
    const event = safari("published");
    expect(possible(event, event.startAt)).toEqual([]);
    expect(possible(event, during)).toEqual([]);
    const cancel = lifecycle(event, during, limits).cancel;
    expect(cancel.ok ? "" : cancel.why).toMatch(/has started/);
    expect(possible(event, event.endAt)).toEqual(["complete"]);
    expect(possible(event, after)).toEqual(["complete"]);
  });

  it("treats completed and cancelled as final", () => {
    for (const status of ["completed", "cancelled"] as const) {
      expect(possible(safari(status), before)).toEqual([]);
      expect(possible(safari(status), after)).toEqual([]);
    }
  });

  it("does not publish a draft beyond the limits", () => {
    const farAhead = safari("draft", { startAt: at("9999-01-01T09:00"), endAt: at("9999-01-01T10:00") });
    expect(lifecycle(farAhead, before, limits).publish.ok).toBe(false);
    const threeYears = safari("draft", { endAt: at("2029-03-03T09:30") });
    expect(lifecycle(threeYears, before, limits).publish.ok).toBe(false);
  });

  it("does not move a published safari to a start already come, but a draft may go anywhere", () => {
    expect(moveVerdict(safari("published"), at("2026-02-28T09:00"), before).ok).toBe(false);
    expect(moveVerdict(safari("published"), at("2026-03-10T09:00"), before).ok).toBe(true);
    expect(moveVerdict(safari("draft"), at("2026-02-28T09:00"), before).ok).toBe(true);
  });
});

describe("sign-up and check-in windows", () => {
  it("keeps sign-up open for published safaris until the start instant", () => {
    const event = safari("published");
    expect(signUpIsOpen(event, before)).toBe(true);
    expect(signUpIsOpen(event, new Date(event.startAt.getTime() - 1))).toBe(true);
    expect(signUpIsOpen(event, event.startAt)).toBe(false);
    for (const status of ["draft", "completed", "cancelled"] as const) expect(signUpIsOpen(safari(status), before)).toBe(false);
  });

  it("opens check-in sixty real minutes before the start, also on the morning clocks go forward", () => {
    // 03:30 CEST on 29 March 2026 comes 60 minutes after 01:30 CET: 02:00–03:00 does not exist that night.
    const event = safari("published", { startAt: at("2026-03-29T03:30"), endAt: at("2026-03-29T05:00") });
    expect(checkInIsOpen(event, at("2026-03-29T01:29"))).toBe(false);
    expect(checkInIsOpen(event, at("2026-03-29T01:30"))).toBe(true);
    const early = checkInVerdict(event, at("2026-03-29T01:00"));
    expect(early.ok ? "" : early.why).toBe("Check-in opens an hour before the start.");
  });

  it("opens check-in for published and completed safaris only", () => {
    expect(checkInIsOpen(safari("completed"), after)).toBe(true);
    expect(checkInIsOpen(safari("cancelled"), during)).toBe(false);
    expect(checkInIsOpen(safari("draft"), during)).toBe(false);
  });
});

describe("limits", () => {
  it("counts months ahead on the event zone's calendar", () => {
    const now = at("2026-03-03T09:30");
    expect(limitProblems({ startAt: at("2028-03-03T09:30"), endAt: at("2028-03-03T10:30"), timeZone: berlin }, now, limits)).toEqual({});
    expect(limitProblems({ startAt: at("2028-03-03T09:31"), endAt: at("2028-03-03T10:30"), timeZone: berlin }, now, limits).start).toMatch(/24 months/);
  });

  it("measures a duration in elapsed time across a clock change", () => {
    const overnight = (start: string, end: string) => limitProblems({ startAt: at(start), endAt: at(end), timeZone: berlin }, at("2026-01-01T00:00"), limits);
    // Wall clock 09:00 → 09:00: 25 hours in October, 23 hours in March.
    expect(overnight("2026-10-24T09:00", "2026-10-25T09:00").end).toMatch(/25 hours/);
    expect(overnight("2026-03-28T09:00", "2026-03-29T09:00")).toEqual({});
    expect(overnight("2026-03-28T09:00", "2026-03-29T10:00")).toEqual({});
    expect(overnight("2026-03-28T09:00", "2026-03-29T10:01").end).toMatch(/24 hours 1 minute\b/);
  });
});

describe("an executive's options", () => {
  const open = { ...safari("published"), seats: 1, seatsTaken: 0 };

  it("offers sign-up with a free seat, and withdrawal to the one holding it, until the start", () => {
    const none = { canAnswer: false, canJoinWaitlist: false, canLeaveWaitlist: false };
    expect(seatOptions(open, null, before)).toEqual({ open: true, full: false, canSignUp: true, canWithdraw: false, ...none });
    const taken = { ...open, seatsTaken: 1 };
    expect(seatOptions(taken, "confirmed", before)).toEqual({ open: true, full: false, canSignUp: false, canWithdraw: true, ...none });
    expect(seatOptions(taken, "declined", before)).toEqual({ open: true, full: true, canSignUp: false, canWithdraw: false, ...none, canJoinWaitlist: true });
    expect(seatOptions(taken, "confirmed", open.startAt)).toMatchObject({ open: false, canWithdraw: false });
  });

  it("lets an invitation be answered and a full safari be waited for, until the start", () => {
    const taken = { ...open, seatsTaken: 1 };
    expect(seatOptions(taken, "invited", before)).toMatchObject({ full: false, canSignUp: false, canAnswer: true, canWithdraw: false });
    expect(seatOptions(taken, "invited", open.startAt)).toMatchObject({ canAnswer: false });
    expect(seatOptions(taken, "waitlisted", before)).toMatchObject({ full: true, canJoinWaitlist: false, canLeaveWaitlist: true });
    expect(seatOptions(taken, null, open.startAt)).toMatchObject({ canJoinWaitlist: false });
  });

  it("sets an invitation's deadline to 5 days, never later than a day before the start, and none when too late", () => {
    const now = new Date("2026-03-01T09:00:00Z");
    expect(invitationDeadline({ startAt: new Date("2026-03-20T09:00:00Z") }, now)).toEqual(new Date("2026-03-06T09:00:00Z"));
    expect(invitationDeadline({ startAt: new Date("2026-03-20T09:00:00Z") }, now, 2)).toEqual(new Date("2026-03-03T09:00:00Z"));
    expect(invitationDeadline({ startAt: new Date("2026-03-04T09:00:00Z") }, now)).toEqual(new Date("2026-03-03T09:00:00Z"));
    expect(invitationDeadline({ startAt: new Date("2026-03-02T09:00:00Z") }, now)).toBeNull();
    expect(invitationDeadline({ startAt: new Date("2026-03-02T09:00:01Z") }, now)).toEqual(new Date("2026-03-01T09:00:01Z"));
  });

  it("refuses answering an invitation that expired, was answered, or whose safari started", () => {
    const deadline = new Date(before.getTime() + 60_000);
    const ok = answerVerdict(open, { status: "invited", respondBy: deadline }, before);
    expect(ok.ok).toBe(true);
    const expired = answerVerdict(open, { status: "invited", respondBy: deadline }, deadline);
    expect(expired.ok ? "" : expired.why).toMatch(/expired/);
    expect(answerVerdict(open, { status: "confirmed", respondBy: deadline }, before).ok).toBe(false);
    expect(answerVerdict({ ...open, status: "cancelled" }, { status: "invited", respondBy: deadline }, before).ok).toBe(false);
  });

  it("refuses withdrawing once started, or without a confirmed seat", () => {
    expect(withdrawVerdict(open, "confirmed", before).ok).toBe(true);
    expect(withdrawVerdict(open, "confirmed", during).ok).toBe(false);
    for (const status of ["attended", "cancelled", "declined", null] as (ParticipationStatus | null)[]) expect(withdrawVerdict(open, status, before).ok).toBe(false);
  });

  it("opens a reflection once the safari has begun and the executive attended", () => {
    const checkedInEarly = reflectionVerdict(open, "attended", new Date(open.startAt.getTime() - 30 * 60_000));
    expect(checkedInEarly.ok ? "" : checkedInEarly.why).toMatch(/once the safari has begun/);
    expect(reflectionVerdict(open, "attended", open.startAt).ok).toBe(true);
    expect(reflectionVerdict(open, "confirmed", after).ok).toBe(false);
    expect(reflectionVerdict(open, "cancelled", after).ok).toBe(false);
  });
});

describe("late withdrawals", () => {
  it("are the ones less than 24 elapsed hours before the start, a clock change counted as lived", () => {
    // Berlin springs forward in the night to Sunday 29 March 2026: 09:00 on Sunday is only 23 hours after 09:00 on Saturday.
    const start = localToInstant("2026-03-29T09:00", "Europe/Berlin")!;
    const sameClockDayBefore = localToInstant("2026-03-28T09:00", "Europe/Berlin")!;
    expect(isLateWithdrawal({ startAt: start }, sameClockDayBefore, 24)).toBe(true);
    expect(isLateWithdrawal({ startAt: start }, new Date(start.getTime() - 24 * 3_600_000), 24)).toBe(false);
    expect(isLateWithdrawal({ startAt: start }, new Date(start.getTime() - 24 * 3_600_000 + 1), 24)).toBe(true);
  });

  it("use the window of the safari's type: 72 hours for a service-desk day set so", () => {
    const start = new Date("2026-06-10T07:00:00Z");
    expect(isLateWithdrawal({ startAt: start }, new Date(start.getTime() - 48 * 3_600_000), 72)).toBe(true);
    expect(isLateWithdrawal({ startAt: start }, new Date(start.getTime() - 72 * 3_600_000), 72)).toBe(false);
    expect(isLateWithdrawal({ startAt: start }, new Date(start.getTime() - 1), 0)).toBe(false);
  });
});
