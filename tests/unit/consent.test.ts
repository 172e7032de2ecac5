import { describe, expect, it } from "vitest";
import { builtInEventTypes, type EventStatus } from "@/db/enums";
import { typeName } from "@/lib/event-types/schema";
import { fieldErrorsOf } from "@/lib/forms";
import {
  affectedByWithdrawal,
  consentCovers,
  consentVerdict,
  givenOnInstant,
  validUntilInstant,
  type Consent,
  type ConsentWording,
} from "@/lib/hosts/consent";
import { addYearsToDay, consentSchema } from "@/lib/hosts/schema";
import { localToInstant } from "@/lib/time/zones";
import { builtInTypes } from "../support/event-types";

const berlin = "Europe/Berlin";
const at = (local: string, zone = berlin) => localToInstant(local, zone)!;
const wording: ConsentWording = { timeZone: berlin, typeLabel: (type) => typeName(builtInTypes, type) };

// Sunday 1 March 2026, noon in Berlin.
const now = at("2026-03-01T12:00");

/** Given on 1 February, valid through 31 December 2026, for home visits, observers allowed. */
function consent(overrides: Partial<Consent> = {}): Consent {
  return {
    id: "c1",
    givenAt: givenOnInstant("2026-02-01", berlin),
    eventTypes: ["home_visit"],
    validUntil: validUntilInstant("2026-12-31", berlin),
    executivesMayObserve: true,
    recordingAllowed: false,
    withdrawnAt: null,
    ...overrides,
  };
}

/** A two-hour home visit on Tuesday 10 March 2026, 09:30 Berlin. */
function visit(overrides: Partial<{ type: string; startAt: Date; endAt: Date }> = {}) {
  return { type: "home_visit", startAt: at("2026-03-10T09:30"), endAt: at("2026-03-10T11:30"), ...overrides };
}

/**
 * Why the verdict refuses, without the zone's abbreviation after each time ("10:00 GMT+1" or "10:00 CET",
 * as the ICU data has it).
 */
function why(verdict: ReturnType<typeof consentVerdict>): string {
  expect(verdict.ok).toBe(false);
  return verdict.ok ? "" : verdict.why.replace(/(\d{2}:\d{2}) [^ ,.)]+/g, "$1");
}

describe("consentVerdict", () => {
  it("allows a safari the consent covers, and returns that consent", () => {
    const given = consent();
    expect(consentVerdict([given], visit(), now, wording)).toEqual({ ok: true, consent: given });
  });

  it("refuses a host without any consent", () => {
    expect(why(consentVerdict([], visit(), now, wording))).toBe(
      "This customer host has not given consent to take part in a safari. Record their consent first.",
    );
  });

  it("names the type no consent covers, by its label or else its key", () => {
    const breakfast = visit({ type: "customer_breakfast" });
    expect(why(consentVerdict([consent()], breakfast, now, wording))).toBe(
      "This customer host's consent does not cover Customer breakfast. Record their consent for Customer breakfast first.",
    );
    expect(why(consentVerdict([consent()], visit({ type: "museum_tour" }), now, { timeZone: berlin }))).toMatch(/does not cover museum_tour\./);
  });

  it("says until when an expired consent was valid, as the last day in the organisation's zone", () => {
    const expired = consent({ validUntil: validUntilInstant("2026-02-27", berlin) });
    expect(why(consentVerdict([expired], visit(), now, wording))).toBe(
      "This customer host's consent for Home visit has expired: it was valid until the end of Fri 27 Feb 2026. Ask them to renew it.",
    );
    // The same instant read in New York is still 27 February, 18:00: the message follows the zone passed in.
    expect(why(consentVerdict([expired], visit(), now, { timeZone: "America/New_York" }))).toMatch(/valid until Fri 27 Feb 2026, 18:00\./);
  });

  it("refuses a safari that ends after the consent does, with both dates", () => {
    const untilMonday = consent({ validUntil: validUntilInstant("2026-03-09", berlin) });
    expect(why(consentVerdict([untilMonday], visit(), now, wording))).toBe(
      "This customer host's consent for Home visit is valid only until the end of Mon 9 Mar 2026, before this safari ends (Tue 10 Mar 2026, 11:30). Ask them to extend it.",
    );
  });

  it("refuses a safari that starts while the consent holds and ends after it, but not one that ends as it does", () => {
    const untilMonday = consent({ validUntil: validUntilInstant("2026-03-09", berlin) });
    const overMidnight = visit({ startAt: at("2026-03-09T22:00"), endAt: at("2026-03-10T01:00") });
    expect(why(consentVerdict([untilMonday], overMidnight, now, wording))).toMatch(/valid only until the end of Mon 9 Mar 2026/);
    const toMidnight = visit({ startAt: at("2026-03-09T22:00"), endAt: at("2026-03-10T00:00") });
    expect(consentVerdict([untilMonday], toMidnight, now, wording).ok).toBe(true);
  });

  it("writes the exact time of an end that is not a midnight in the zone", () => {
    const untilAfternoon = consent({ validUntil: at("2026-03-10T10:00") });
    expect(why(consentVerdict([untilAfternoon], visit(), now, wording))).toMatch(/valid only until Tue 10 Mar 2026, 10:00, before/);
  });

  it("refuses a consent withdrawn before now or at now, and says when", () => {
    const withdrawn = consent({ withdrawnAt: at("2026-02-20T10:00") });
    expect(why(consentVerdict([withdrawn], visit(), now, wording))).toBe(
      "This customer host withdrew their consent for Home visit on Fri 20 Feb 2026, 10:00.",
    );
    expect(why(consentVerdict([consent({ withdrawnAt: now })], visit(), now, wording))).toMatch(/withdrew their consent/);
  });

  it("counts a withdrawal recorded ahead of now as not yet made, but as the consent's end", () => {
    const afterTheVisit = consent({ withdrawnAt: at("2026-03-20T10:00") });
    expect(consentVerdict([afterTheVisit], visit(), now, wording).ok).toBe(true);
    const duringTheVisit = consent({ withdrawnAt: at("2026-03-10T10:00") });
    expect(why(consentVerdict([duringTheVisit], visit(), now, wording))).toBe(
      "This customer host's withdrawal of consent for Home visit takes effect on Tue 10 Mar 2026, 10:00, before this safari ends (Tue 10 Mar 2026, 11:30).",
    );
  });

  it("refuses a consent given only after now", () => {
    const tomorrow = consent({ givenAt: givenOnInstant("2026-03-02", berlin) });
    expect(why(consentVerdict([tomorrow], visit(), now, wording))).toBe(
      "This customer host's consent for Home visit counts only from Mon 2 Mar 2026, 00:00.",
    );
    expect(consentVerdict([consent({ givenAt: now })], visit(), now, wording).ok).toBe(true);
  });

  it("refuses a consent that does not allow executives to observe", () => {
    expect(why(consentVerdict([consent({ executivesMayObserve: false })], visit(), now, wording))).toBe(
      "This customer host's consent for Home visit does not allow executives to observe. Ask them for that consent first.",
    );
  });

  it("allows the safari when one of several consents covers it, and returns that one", () => {
    const consents = [
      consent({ id: "breakfasts", eventTypes: ["customer_breakfast"] }),
      consent({ id: "old", withdrawnAt: at("2026-02-10T09:00") }),
      consent({ id: "current", eventTypes: ["customer_breakfast", "home_visit"], recordingAllowed: true }),
      consent({ id: "also", eventTypes: ["home_visit"] }),
    ];
    const verdict = consentVerdict(consents, visit(), now, wording);
    expect(verdict.ok && verdict.consent.id).toBe("current");
    expect(verdict.ok && verdict.consent.recordingAllowed).toBe(true);
  });

  it("describes the consent that came closest when none counts", () => {
    const otherType = consent({ id: "a", eventTypes: ["store_visit"] });
    const withdrawn = consent({ id: "b", withdrawnAt: at("2026-02-10T09:00") });
    const expired = consent({ id: "c", validUntil: validUntilInstant("2026-02-20", berlin) });
    const noObservers = consent({ id: "d", executivesMayObserve: false });
    expect(why(consentVerdict([otherType, consent({ id: "e", eventTypes: ["call_listening"] })], visit(), now, wording))).toMatch(/does not cover Home visit/);
    expect(why(consentVerdict([otherType, withdrawn], visit(), now, wording))).toMatch(/withdrew/);
    expect(why(consentVerdict([withdrawn, expired], visit(), now, wording))).toMatch(/expired/);
    expect(why(consentVerdict([noObservers, expired, otherType], visit(), now, wording))).toMatch(/observe/);
  });

  it("of several consents falling short the same way, names the latest withdrawal and the latest end", () => {
    const earlier = consent({ withdrawnAt: at("2026-02-10T09:00") });
    const later = consent({ withdrawnAt: at("2026-02-20T09:00") });
    expect(why(consentVerdict([later, earlier], visit(), now, wording))).toMatch(/on Fri 20 Feb 2026, 09:00\./);
    expect(why(consentVerdict([earlier, later], visit(), now, wording))).toMatch(/on Fri 20 Feb 2026, 09:00\./);
    const first = consent({ validUntil: validUntilInstant("2026-02-20", berlin) });
    const second = consent({ validUntil: validUntilInstant("2026-02-25", berlin) });
    expect(why(consentVerdict([second, first], visit(), now, wording))).toMatch(/the end of Wed 25 Feb 2026\./);
    expect(why(consentVerdict([first, second], visit(), now, wording))).toMatch(/the end of Wed 25 Feb 2026\./);
  });

  it("agrees with consentCovers for one consent", () => {
    expect(consentCovers(consent(), visit(), now)).toBe(true);
    expect(consentCovers(consent({ executivesMayObserve: false }), visit(), now)).toBe(false);
  });
});

describe("affectedByWithdrawal", () => {
  // The host withdraws their home-visit consent now.
  const withdrawn = consent({ id: "withdrawn", eventTypes: ["home_visit", "customer_breakfast"], withdrawnAt: now });

  function safari(id: string, status: EventStatus, overrides: Partial<{ type: string; startAt: Date; endAt: Date }> = {}) {
    return { id, status, ...visit(overrides) };
  }

  it("flags the coming safaris, drafts and published, that only the withdrawn consent covered", () => {
    const events = [safari("published", "published"), safari("draft", "draft", { type: "customer_breakfast" })];
    expect(affectedByWithdrawal([withdrawn], "withdrawn", events, now).map((event) => event.id)).toEqual(["published", "draft"]);
  });

  it("leaves out past, started and cancelled safaris", () => {
    const events = [
      safari("past", "completed", { startAt: at("2026-02-20T09:30"), endAt: at("2026-02-20T11:30") }),
      safari("under way", "published", { startAt: at("2026-03-01T11:00"), endAt: at("2026-03-01T13:00") }),
      safari("starting now", "published", { startAt: now, endAt: at("2026-03-01T14:00") }),
      safari("cancelled", "cancelled"),
      safari("coming", "published"),
    ];
    expect(affectedByWithdrawal([withdrawn], "withdrawn", events, now).map((event) => event.id)).toEqual(["coming"]);
  });

  it("leaves out safaris another consent still covers, but not those another consent covers only in part", () => {
    const homeVisits = consent({ id: "home visits", validUntil: validUntilInstant("2026-06-30", berlin) });
    const events = [safari("march", "published"), safari("july", "published", { startAt: at("2026-07-02T09:30"), endAt: at("2026-07-02T11:30") })];
    expect(affectedByWithdrawal([withdrawn, homeVisits], "withdrawn", events, now).map((event) => event.id)).toEqual(["july"]);
  });

  it("flags a safari whose other consent does not let executives observe", () => {
    const noObservers = consent({ id: "no observers", executivesMayObserve: false });
    expect(affectedByWithdrawal([withdrawn, noObservers], "withdrawn", [safari("march", "published")], now)).toHaveLength(1);
  });

  it("leaves out safaris the withdrawn consent never covered", () => {
    const events = [safari("store", "published", { type: "store_visit" }), safari("after its end", "draft", { startAt: at("2027-01-05T09:30"), endAt: at("2027-01-05T11:30") })];
    expect(affectedByWithdrawal([withdrawn], "withdrawn", events, now)).toEqual([]);
  });

  it("judges the same whether or not the withdrawal is already recorded, and knows no unknown consent", () => {
    const events = [safari("march", "published")];
    const notYetRecorded = { ...withdrawn, withdrawnAt: null };
    expect(affectedByWithdrawal([notYetRecorded], "withdrawn", events, now)).toEqual(events);
    expect(affectedByWithdrawal([withdrawn], "someone else's", events, now)).toEqual([]);
  });
});

describe("consent form schema", () => {
  const today = "2026-03-01";
  const schema = consentSchema(builtInEventTypes, today);
  const valid = {
    types: "home_visit\ncustomer_breakfast\nhome_visit",
    givenOn: "2026-02-15",
    validUntil: "2027-02-14",
    executivesMayObserve: "on",
    recordingAllowed: "on",
  };

  function errorsFor(input: Record<string, string | undefined>) {
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    return parsed.success ? {} : fieldErrorsOf(parsed.error);
  }

  it("reads ticked types once each, the days, and ticked boxes as true", () => {
    expect(schema.parse(valid)).toEqual({
      types: ["home_visit", "customer_breakfast"],
      givenOn: "2026-02-15",
      validUntil: "2027-02-14",
      executivesMayObserve: true,
      recordingAllowed: true,
    });
  });

  it("reads unticked boxes as false and refuses any other value", () => {
    const parsed = schema.parse({ ...valid, executivesMayObserve: undefined, recordingAllowed: undefined });
    expect([parsed.executivesMayObserve, parsed.recordingAllowed]).toEqual([false, false]);
    expect(errorsFor({ ...valid, recordingAllowed: "yes" }).recordingAllowed).toEqual(["This checkbox is broken: reload the page."]);
  });

  it("needs at least one type, each from the list", () => {
    const none = "Choose at least one type of safari the consent covers.";
    expect(errorsFor({ ...valid, types: undefined }).types).toEqual([none]);
    expect(errorsFor({ ...valid, types: "\n \n" }).types).toEqual([none]);
    expect(errorsFor({ ...valid, types: "home_visit\nmuseum_tour" }).types).toEqual(["Choose types of safari from the list."]);
    expect(consentSchema(["museum_tour"], today).parse({ ...valid, types: "museum_tour" }).types).toEqual(["museum_tour"]);
  });

  it("needs real days", () => {
    expect(errorsFor({ ...valid, givenOn: "2026-02-30" }).givenOn).toEqual(["Enter the day the host gave consent (as 2026-07-01)."]);
    expect(errorsFor({ ...valid, givenOn: undefined }).givenOn).toEqual(["Enter the day the host gave consent (as 2026-07-01)."]);
    expect(errorsFor({ ...valid, validUntil: "31.12.2026" })).toEqual({ validUntil: ["Enter the last day the consent is valid (as 2026-07-01)."] });
  });

  it("refuses consent given after today, and takes today", () => {
    expect(errorsFor({ ...valid, givenOn: "2026-03-02" }).givenOn).toEqual(["Consent cannot be given in the future: enter 2026-03-01 or earlier."]);
    expect(schema.safeParse({ ...valid, givenOn: today }).success).toBe(true);
  });

  it("needs the last valid day after the day given", () => {
    const message = ["The consent must be valid until a day after the day it was given."];
    expect(errorsFor({ ...valid, validUntil: valid.givenOn }).validUntil).toEqual(message);
    expect(errorsFor({ ...valid, validUntil: "2026-02-14" }).validUntil).toEqual(message);
    expect(schema.safeParse({ ...valid, validUntil: "2026-02-16" }).success).toBe(true);
  });

  it("allows at most three years, counted in calendar days", () => {
    expect(schema.safeParse({ ...valid, validUntil: "2029-02-15" }).success).toBe(true);
    expect(errorsFor({ ...valid, validUntil: "2029-02-16" }).validUntil).toEqual(["A consent can be valid for at most 3 years: choose 2029-02-15 or earlier."]);
    expect(addYearsToDay("2024-02-29", 3)).toBe("2027-02-28");
    expect(addYearsToDay("2024-02-29", 4)).toBe("2028-02-29");
  });

  it("reports the field errors and the date errors together", () => {
    const errors = errorsFor({ ...valid, types: "", givenOn: "2026-03-05", validUntil: "2026-03-04" });
    expect(Object.keys(errors).sort()).toEqual(["givenOn", "types", "validUntil"]);
  });
});

describe("consent days as instants", () => {
  const hours = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3_600_000;

  it("ends a consent at the start of the day after its last day, in the organisation's zone", () => {
    expect(validUntilInstant("2026-12-31", berlin).toISOString()).toBe("2026-12-31T23:00:00.000Z");
    expect(validUntilInstant("2026-12-31", "America/St_Johns").toISOString()).toBe("2027-01-01T03:30:00.000Z");
    expect(givenOnInstant("2026-07-01", berlin).toISOString()).toBe("2026-06-30T22:00:00.000Z");
  });

  it("follows the clocks in Europe/Berlin: the last day is 23 hours long in March and 25 in October", () => {
    expect(validUntilInstant("2026-03-28", berlin).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(validUntilInstant("2026-03-29", berlin).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(hours(validUntilInstant("2026-03-28", berlin), validUntilInstant("2026-03-29", berlin))).toBe(23);
    expect(validUntilInstant("2026-10-24", berlin).toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(validUntilInstant("2026-10-25", berlin).toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(hours(validUntilInstant("2026-10-24", berlin), validUntilInstant("2026-10-25", berlin))).toBe(25);
  });

  it("covers a safari to the last minute of the day the clocks go forward, and not past it", () => {
    const untilClockChange = consent({ validUntil: validUntilInstant("2026-03-29", berlin) });
    const lateEvening = visit({ startAt: at("2026-03-29T21:00"), endAt: at("2026-03-29T23:59") });
    expect(consentVerdict([untilClockChange], lateEvening, now, wording).ok).toBe(true);
    const pastMidnight = visit({ startAt: at("2026-03-29T22:00"), endAt: at("2026-03-30T00:30") });
    expect(why(consentVerdict([untilClockChange], pastMidnight, now, wording))).toMatch(/valid only until the end of Sun 29 Mar 2026, before/);
  });

  it("starts the next day at its first minute where midnight does not exist", () => {
    // Chile moves its clocks from 24:00 on Saturday 5 September 2026 to 01:00 on Sunday.
    const santiago = "America/Santiago";
    expect(validUntilInstant("2026-09-05", santiago).toISOString()).toBe("2026-09-06T04:00:00.000Z");
    const untilSaturday = consent({ validUntil: validUntilInstant("2026-09-05", santiago) });
    const sunday = visit({ startAt: at("2026-09-06T10:00", santiago), endAt: at("2026-09-06T12:00", santiago) });
    expect(why(consentVerdict([untilSaturday], sunday, now, { timeZone: santiago }))).toMatch(/valid only until the end of Sat 5 Sep 2026, before/);
  });
});
