import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { CalendarInputError, feedCalendar, safariCalendar, safariUid, type CalendarInputErrorCode, type CalendarSafari } from "@/lib/calendar/ics";
import { instantToLocal, localToInstant } from "@/lib/time/zones";

/*
 * Every calendar is read back with ical.js, a real parser, and checked by the values it finds: instants,
 * not strings. Vitest runs in America/St_Johns, so output that leaked the machine's zone would be off.
 */

// ical.js knows neither X-WR-CALNAME nor X-WR-TIMEZONE; by convention both are TEXT.
ICAL.design.icalendar.property["x-wr-calname"] = { defaultType: "text" };
ICAL.design.icalendar.property["x-wr-timezone"] = { defaultType: "text" };

const stamp = new Date("2026-02-01T12:00:00Z");
const organizer = { name: "Ada Lovelace", email: "ada@example.com" };

function at(local: string, zone: string): Date {
  const instant = localToInstant(local, zone);
  if (!instant) throw new Error(`${local} does not exist in ${zone}`);
  return instant;
}

function safari(overrides: Partial<CalendarSafari> = {}): CalendarSafari {
  return {
    id: "0b9d5a8e-3f0c-4c2e-9a53-5d1b7c2e8f10",
    title: "Safari at Acme",
    description: "Meet the support team.",
    location: "Acme HQ",
    startAt: at("2026-03-27T09:00", "Europe/Berlin"),
    endAt: at("2026-03-27T11:00", "Europe/Berlin"),
    timeZone: "Europe/Berlin",
    status: "published",
    sequence: 0,
    organizer,
    ...overrides,
  };
}

/** Parses with ical.js after checking the framing RFC 5545 asks of every line. */
function parse(ics: string) {
  const lines = ics.split("\r\n");
  expect(lines.pop(), "the last line ends with CRLF too").toBe("");
  for (const line of lines) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
  }
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
  return { calendar, events, text: (name: string) => calendar.getFirstPropertyValue(name) };
}

function only(ics: string) {
  const parsed = parse(ics);
  expect(parsed.events).toHaveLength(1);
  return { ...parsed, event: parsed.events[0]! };
}

function refusal(make: () => string): CalendarInputErrorCode {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarInputError);
    return (error as CalendarInputError).code;
  }
  throw new Error("expected a CalendarInputError, got a calendar");
}

describe("times", () => {
  // 09:00 local on the Friday before and the Monday after each change of the clocks in 2026.
  const cases = [
    { zone: "Europe/Berlin", local: "2026-03-27T09:00", utc: "2026-03-27T08:00:00.000Z" },
    { zone: "Europe/Berlin", local: "2026-03-30T09:00", utc: "2026-03-30T07:00:00.000Z" },
    { zone: "Europe/Berlin", local: "2026-10-23T09:00", utc: "2026-10-23T07:00:00.000Z" },
    { zone: "Europe/Berlin", local: "2026-10-26T09:00", utc: "2026-10-26T08:00:00.000Z" },
    { zone: "America/New_York", local: "2026-03-06T09:00", utc: "2026-03-06T14:00:00.000Z" },
    { zone: "America/New_York", local: "2026-03-09T09:00", utc: "2026-03-09T13:00:00.000Z" },
    { zone: "America/New_York", local: "2026-10-30T09:00", utc: "2026-10-30T13:00:00.000Z" },
    { zone: "America/New_York", local: "2026-11-02T09:00", utc: "2026-11-02T14:00:00.000Z" },
  ];

  it.each(cases)("09:00 on $local in $zone is $utc", ({ zone, local, utc }) => {
    const end = new Date(new Date(utc).getTime() + 90 * 60_000);
    const { event, text } = only(safariCalendar(safari({ startAt: at(local, zone), endAt: end, timeZone: zone }), { stamp }));
    expect(event.startDate.toJSDate().toISOString()).toBe(utc);
    expect(event.endDate.toJSDate().toISOString()).toBe(end.toISOString());
    expect(instantToLocal(event.startDate.toJSDate(), zone)).toBe(local);
    // UTC: not a TZID without its VTIMEZONE, nor a floating time, which a parser reads in its own zone (the
    // instants above would then match only because writer and reader share this process). The zone to show
    // it in is named for the calendar.
    expect(event.startDate.zone?.tzid).toBe("UTC");
    expect(event.component.getFirstProperty("dtstart")?.getParameter("tzid")).toBeUndefined();
    expect(text("x-wr-timezone")).toBe(zone);
  });

  it("keeps a safari across the change its real length, in a process zone that is not UTC", () => {
    expect(new Date("2026-07-01T12:00:00Z").getTimezoneOffset()).not.toBe(0);
    // 22:00 to 03:00 over the night the clocks go forward is four hours, not five.
    const night = safari({ startAt: at("2026-03-28T22:00", "Europe/Berlin"), endAt: at("2026-03-29T03:00", "Europe/Berlin") });
    const { event } = only(safariCalendar(night, { stamp }));
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-03-28T21:00:00.000Z");
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(4 * 3_600_000);
    expect(event.component.getFirstPropertyValue("dtstamp")?.toString()).toBe(ICAL.Time.fromJSDate(stamp, true).toString());
  });

  it("names the zone before the first event, where RFC 5545 puts calendar properties", () => {
    const ics = safariCalendar(safari(), { stamp });
    expect(ics.indexOf("X-WR-TIMEZONE:Europe/Berlin\r\n")).toBeLessThan(ics.indexOf("BEGIN:VEVENT"));
  });
});

describe("identity and updates", () => {
  it("gives a safari the same UID in every calendar, and the same text for the same input", () => {
    const first = safariCalendar(safari(), { method: "REQUEST", stamp });
    const moved = safariCalendar(safari({ startAt: at("2026-03-30T09:00", "Europe/Berlin"), endAt: at("2026-03-30T10:00", "Europe/Berlin"), sequence: 1 }), {
      method: "REQUEST",
      stamp: new Date("2026-02-02T08:00:00Z"),
    });
    const feed = feedCalendar([safari()], { name: "Safaris", stamp });
    const uids = [first, moved, feed].map((ics) => parse(ics).events[0]!.uid);
    expect(new Set(uids)).toEqual(new Set([safariUid(safari().id)]));
    expect(uids[0]).toBe("0b9d5a8e-3f0c-4c2e-9a53-5d1b7c2e8f10@customer-safari");
    expect(safariCalendar(safari(), { method: "REQUEST", stamp })).toBe(first);
  });

  it("writes the sequence the caller passes, so a change outranks the copy already in a calendar", () => {
    const sequences = [0, 1, 7].map((sequence) => only(safariCalendar(safari({ sequence }), { method: "REQUEST", stamp })).event.sequence);
    expect(sequences).toEqual([0, 1, 7]);
  });

  it("invites with METHOD:REQUEST, an organizer and attendees asked to answer", () => {
    const attendees = [
      { name: "Grace Hopper", email: "grace@example.com" },
      { name: "Alan Turing", email: "alan@example.com" },
    ];
    const { event, text } = only(safariCalendar(safari({ attendees }), { method: "REQUEST", stamp }));
    expect(text("method")).toBe("REQUEST");
    expect(event.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(event.organizer).toBe("mailto:ada@example.com");
    expect(event.component.getFirstProperty("organizer")?.getParameter("cn")).toBe("Ada Lovelace");
    expect(
      event.attendees.map((a) => [a.getFirstValue(), a.getParameter("cn"), a.getParameter("partstat"), a.getParameter("rsvp")]),
    ).toEqual([
      ["MAILTO:grace@example.com", "Grace Hopper", "NEEDS-ACTION", "TRUE"],
      ["MAILTO:alan@example.com", "Alan Turing", "NEEDS-ACTION", "TRUE"],
    ]);
  });
});

describe("cancellation", () => {
  const attendees = [{ name: "Grace Hopper", email: "grace@example.com" }];
  const cancelled = safari({ status: "cancelled", sequence: 2, attendees });

  it("withdraws with METHOD:CANCEL and STATUS:CANCELLED under the invitation's UID", () => {
    const invitation = only(safariCalendar(safari({ sequence: 1, attendees }), { method: "REQUEST", stamp }));
    const { event, text } = only(safariCalendar(cancelled, { method: "CANCEL", stamp }));
    expect(text("method")).toBe("CANCEL");
    expect(event.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.uid).toBe(invitation.event.uid);
    expect(event.sequence).toBeGreaterThan(invitation.event.sequence);
    expect(event.organizer).toBe("mailto:ada@example.com");
    expect(event.attendees.map((a) => a.getFirstValue())).toEqual(["MAILTO:grace@example.com"]);
    expect(event.attendees[0]!.getParameter("rsvp")).toBeUndefined();
  });

  it("never invites to a cancelled safari, and cancels only a cancelled one", () => {
    expect(refusal(() => safariCalendar(cancelled, { method: "REQUEST", stamp }))).toBe("CANCELLED_NOT_INVITABLE");
    expect(refusal(() => safariCalendar(safari(), { method: "CANCEL", stamp }))).toBe("NOT_CANCELLED");
  });

  it("downloads a cancelled safari as PUBLISH with STATUS:CANCELLED, by default", () => {
    const { event, text } = only(safariCalendar(cancelled, { stamp }));
    expect(text("method")).toBe("PUBLISH");
    expect(event.component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });
});

describe("feed", () => {
  const three = [
    safari({ id: "a1", title: "Acme", status: "published", sequence: 3 }),
    safari({ id: "b2", title: "Globex", status: "cancelled", sequence: 4, startAt: at("2026-03-30T09:00", "Europe/Berlin"), endAt: at("2026-03-30T12:00", "Europe/Berlin") }),
    safari({ id: "c3", title: "Initech", status: "draft", startAt: at("2026-10-26T09:00", "Europe/Berlin"), endAt: at("2026-10-26T10:00", "Europe/Berlin") }),
  ];

  it("publishes every safari under its own UID, the cancelled one as STATUS:CANCELLED", () => {
    const { events, text } = parse(feedCalendar(three, { name: "Customer Safari – Q1, EMEA; team", stamp }));
    expect(text("method")).toBe("PUBLISH");
    expect(text("x-wr-calname")).toBe("Customer Safari – Q1, EMEA; team");
    expect(text("x-wr-timezone")).toBe("Europe/Berlin");
    expect(
      events.map((e) => [e.uid, e.summary, e.component.getFirstPropertyValue("status"), e.sequence, e.startDate.toJSDate().toISOString()]),
    ).toEqual([
      ["a1@customer-safari", "Acme", "CONFIRMED", 3, "2026-03-27T08:00:00.000Z"],
      ["b2@customer-safari", "Globex", "CANCELLED", 4, "2026-03-30T07:00:00.000Z"],
      ["c3@customer-safari", "Initech", "TENTATIVE", 0, "2026-10-26T08:00:00.000Z"],
    ]);
  });

  it("hands out no attendees, and names no zone when the safaris do not share one", () => {
    const withPeople = three.map((s) => ({ ...s, attendees: [{ name: "Grace Hopper", email: "grace@example.com" }] }));
    const { events } = parse(feedCalendar(withPeople, { name: "Safaris", stamp }));
    expect(events.flatMap((e) => e.attendees)).toEqual([]);
    const mixed = [...three, safari({ id: "d4", timeZone: "America/New_York" })];
    expect(parse(feedCalendar(mixed, { name: "Safaris", stamp })).text("x-wr-timezone")).toBeNull();
  });

  it("escapes a feed name that would otherwise break its line", () => {
    const { text, events } = parse(feedCalendar(three, { name: "Q1\nBEGIN:VEVENT", stamp }));
    expect(text("x-wr-calname")).toBe("Q1\nBEGIN:VEVENT");
    expect(events).toHaveLength(3);
  });

  it("refuses the same safari twice", () => {
    expect(refusal(() => feedCalendar([three[0]!, three[0]!], { name: "Safaris", stamp }))).toBe("DUPLICATE_ID");
  });
});

describe("text", () => {
  it("keeps commas, semicolons, backslashes, line breaks, umlauts and Greek through the round trip", () => {
    const title = "Größe, Qualität; Ärger\\Übermut — Ωμέγα αβγ";
    const description = "Agenda:\n1. Begrüßung, Kaffee; Tour\r\n2. Ελληνικά: «καλημέρα»\n\nPfad C:\\temp; fertig 🦁";
    const location = "Straße 1, 10115 Berlin; Eingang B";
    const { event } = only(safariCalendar(safari({ title, description, location }), { stamp }));
    expect(event.summary).toBe(title);
    expect(event.description).toBe(description.replace("\r\n", "\n"));
    expect(event.location).toBe(location);
  });

  it("folds a long line at 75 octets without splitting a character, and the parser joins it again", () => {
    const description = `${"Überblick über die Kundenreise, αβγδε; ".repeat(20)}🦁 Ende`;
    const ics = safariCalendar(safari({ description, url: `https://safari.example/events/${"x".repeat(120)}` }), { stamp });
    expect(ics).toMatch(/\r\n [^\r\n]/);
    const { event } = only(ics);
    expect(event.description).toBe(description);
    expect(event.component.getFirstPropertyValue("url")).toBe(`https://safari.example/events/${"x".repeat(120)}`);
  });

  it("keeps quotes and commas in the organizer's name", () => {
    const { event } = only(safariCalendar(safari({ organizer: { name: 'O\'Brien, "Ann"', email: "ann@example.com" } }), { method: "REQUEST", stamp }));
    expect(event.component.getFirstProperty("organizer")?.getParameter("cn")).toBe('O\'Brien, "Ann"');
  });
});

describe("refusals", () => {
  it.each<{ name: string; make: () => string; code: CalendarInputErrorCode }>([
    { name: "an invitation without an organizer", make: () => safariCalendar(safari({ organizer: undefined }), { method: "REQUEST", stamp }), code: "ORGANIZER_REQUIRED" },
    { name: "an end before the start", make: () => safariCalendar(safari({ endAt: new Date("2026-03-27T07:00:00Z") }), { stamp }), code: "INVALID_TIME" },
    { name: "an invalid date", make: () => safariCalendar(safari({ startAt: new Date("nope") }), { stamp }), code: "INVALID_TIME" },
    { name: "an invalid stamp", make: () => feedCalendar([], { name: "Safaris", stamp: new Date(Number.NaN) }), code: "INVALID_TIME" },
    { name: "an unknown zone", make: () => safariCalendar(safari({ timeZone: "Mars/Olympus_Mons" }), { stamp }), code: "INVALID_TIME_ZONE" },
    { name: "a fractional sequence", make: () => safariCalendar(safari({ sequence: 1.5 }), { stamp }), code: "INVALID_SEQUENCE" },
    { name: "a negative sequence", make: () => safariCalendar(safari({ sequence: -1 }), { stamp }), code: "INVALID_SEQUENCE" },
    { name: "a product id on two lines", make: () => safariCalendar(safari(), { productId: "//A//B//EN\r\nX-EVIL:1", stamp }), code: "INVALID_PRODUCT_ID" },
  ])("refuses $name", ({ make, code }) => {
    expect(refusal(make)).toBe(code);
  });

  it("writes a product id the caller gives", () => {
    expect(parse(safariCalendar(safari(), { productId: "//Acme CX//Safari planner//DE", stamp })).text("prodid")).toBe("-//Acme CX//Safari planner//DE");
  });
});
