import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { customerHosts, eventHosts, participations } from "@/db/schema";
import { calendarSafaris, downloadableSafari, feedSafaris } from "@/lib/calendar/data";
import { feedOwner } from "@/lib/calendar/feeds/data";
import { NotYourLiveFeed, replaceFeed, revokeFeed } from "@/lib/calendar/feeds/mutations";
import { feedCalendar, safariCalendar, safariUid } from "@/lib/calendar/ics";
import { cancelEvent } from "@/lib/events/mutations";
import { localToInstant } from "@/lib/time/zones";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

/*
 * Safaris as calendars from the database: who may download which, what each user's feed holds, and that
 * a revoked or unknown token opens nothing. Every calendar is read back with ical.js.
 */
ICAL.design.icalendar.property["x-wr-calname"] = { defaultType: "text" };
ICAL.design.icalendar.property["x-wr-timezone"] = { defaultType: "text" };

const now = new Date("2026-03-01T12:00:00Z");

function at(local: string, zone: string): Date {
  const instant = localToInstant(local, zone);
  if (!instant) throw new Error(`${local} does not exist in ${zone}`);
  return instant;
}

function parsed(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(component.getFirstPropertyValue("status")),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      description: event.description,
      method: calendar.getFirstPropertyValue("method"),
    };
  });
}

async function seat(eventId: string, executiveId: string, status: "invited" | "confirmed" | "waitlisted" | "declined" | "attended") {
  const db = await getDb();
  await db.insert(participations).values({
    eventId,
    executiveId,
    status,
    source: status === "invited" ? "matched" : "signed_up",
    respondBy: status === "invited" ? new Date(now.getTime() + 3 * 86_400_000) : null,
    waitlistedAt: status === "waitlisted" ? now : null,
  });
}

const event = (organizerId: string, local: string, zone: string, overrides: Parameters<typeof makeEvent>[1] = {}) => {
  const startAt = at(local, zone);
  return makeEvent(organizerId, { startAt, endAt: new Date(startAt.getTime() + 3_600_000), timeZone: zone, ...overrides });
};

describe("a safari as a calendar entry", () => {
  it("tells the executive what they need, and never a host's name beyond the briefing or their contact", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const safari = await event(organizer.id, "2026-03-30T09:00", "Europe/Berlin", {
      briefing: "Listen to the moving customers.",
      videoUrl: "https://video.example/room-1",
      meetingContact: "Anna at the service desk",
    });
    const [host] = await db
      .insert(customerHosts)
      .values({ firstName: "Greta", lastName: "Privatmann", contactEmail: "greta@private.example", contactPhone: "+49 30 1234567", language: "de" })
      .returning();
    await db.insert(eventHosts).values({ eventId: safari.id, hostId: host!.id });

    const [entry] = await calendarSafaris([safari.id]);
    expect(entry!.description).toContain("Listen to the moving customers.");
    expect(entry!.description).toContain("Video link: https://video.example/room-1");
    expect(entry!.description).toContain("Who meets you: Anna at the service desk");
    expect(entry!.description).toContain(`/safaris/${safari.id}/briefing`);
    const [ics] = parsed(safariCalendar(entry!, { stamp: now }));
    for (const secret of ["Privatmann", "greta@private.example", "1234567"]) {
      expect(ics!.description).not.toContain(secret);
      expect(safariCalendar(entry!, { stamp: now })).not.toContain(secret);
    }
    expect(ics).toMatchObject({ uid: safariUid(safari.id), sequence: 0, status: "CONFIRMED", method: "PUBLISH" });
    // 09:00 in Berlin the day after the clocks went forward: 07:00 UTC.
    expect(ics!.start).toEqual(new Date("2026-03-30T07:00:00Z"));
    expect(await calendarSafaris([])).toEqual([]);
  });
});

describe("the .ics download", () => {
  it("is for organizers and the executives on the safari, never for a draft or for anyone else", async () => {
    const organizer = await makeUser("organizer");
    const safari = await event(organizer.id, "2026-03-30T09:00", "Europe/Berlin", { seats: 4 });
    const draft = await event(organizer.id, "2026-04-02T09:00", "Europe/Berlin", { status: "draft" });
    const [confirmed, invited, waitlisted, declined, stranger] = await Promise.all([makeExecutive(), makeExecutive(), makeExecutive(), makeExecutive(), makeExecutive()]);
    await seat(safari.id, confirmed.id, "confirmed");
    await seat(safari.id, invited.id, "invited");
    await seat(safari.id, waitlisted.id, "waitlisted");
    await seat(safari.id, declined.id, "declined");
    await seat(draft.id, confirmed.id, "invited");
    const reviewer = await makeUser("reviewer");
    const admin = await makeUser("admin");

    const may = async (user: { id: string; role: "organizer" | "executive" | "reviewer" | "admin" }, eventId: string) =>
      (await downloadableSafari(eventId, user))?.id === eventId;
    expect(await may(organizer, safari.id)).toBe(true);
    expect(await may(organizer, draft.id)).toBe(true);
    expect(await may(confirmed, safari.id)).toBe(true);
    expect(await may(invited, safari.id)).toBe(true);
    expect(await may(waitlisted, safari.id)).toBe(true);
    expect(await may(declined, safari.id)).toBe(false);
    expect(await may(stranger, safari.id)).toBe(false);
    expect(await may(confirmed, draft.id)).toBe(false);
    expect(await may(reviewer, safari.id)).toBe(false);
    expect(await may(admin, safari.id)).toBe(false);
    expect(await downloadableSafari("00000000-0000-4000-8000-000000000000", organizer)).toBeUndefined();
  });

  it("of a cancelled safari is STATUS:CANCELLED with a higher SEQUENCE, for those who held a seat", async () => {
    const organizer = await makeUser("organizer");
    const safari = await event(organizer.id, "2026-11-02T09:00", "America/New_York", { seats: 3 });
    const [confirmed, invited, waitlisted] = await Promise.all([makeExecutive(), makeExecutive(), makeExecutive()]);
    await seat(safari.id, confirmed.id, "confirmed");
    await seat(safari.id, invited.id, "invited");
    await seat(safari.id, waitlisted.id, "waitlisted");
    const before = parsed(safariCalendar((await downloadableSafari(safari.id, confirmed))!, { stamp: now }))[0]!;
    await cancelEvent(safari.id, organizer.id, "The host fell ill.", now);

    const after = parsed(safariCalendar((await downloadableSafari(safari.id, confirmed))!, { stamp: now }))[0]!;
    expect(after).toMatchObject({ uid: before.uid, status: "CANCELLED" });
    expect(after.sequence).toBeGreaterThan(before.sequence);
    // 09:00 in New York the day after the clocks went back: 14:00 UTC.
    expect(after.start).toEqual(new Date("2026-11-02T14:00:00Z"));
    expect(await downloadableSafari(safari.id, invited)).toBeUndefined();
    expect(await downloadableSafari(safari.id, waitlisted)).toBeUndefined();
  });
});

describe("a private calendar feed", () => {
  it("is opened by its token alone, until it is replaced or revoked; a malformed or unknown token opens nothing", async () => {
    const executive = await makeExecutive();
    const first = await replaceFeed(executive.id, null, now);
    expect((await feedOwner(first.token))?.id).toBe(executive.id);

    // Replacing needs the live feed's id, and the old token then opens nothing.
    await expect(replaceFeed(executive.id, null, now)).rejects.toBeInstanceOf(NotYourLiveFeed);
    const second = await replaceFeed(executive.id, first.id, now);
    expect(await feedOwner(first.token)).toBeNull();
    expect((await feedOwner(second.token))?.id).toBe(executive.id);

    // Nobody revokes someone else's feed, nor one already revoked.
    const other = await makeExecutive();
    await expect(revokeFeed(other.id, second.id, now)).rejects.toBeInstanceOf(NotYourLiveFeed);
    await expect(revokeFeed(executive.id, first.id, now)).rejects.toBeInstanceOf(NotYourLiveFeed);
    expect((await feedOwner(second.token))?.id).toBe(executive.id);
    await revokeFeed(executive.id, second.id, now);
    expect(await feedOwner(second.token)).toBeNull();

    for (const token of ["", "not-a-token", "A".repeat(43), `${second.token}x`, second.token.toUpperCase()]) {
      expect(await feedOwner(token)).toBeNull();
    }
  });

  it("holds an executive's seats from 90 days back, cancellations of a seat included, and nothing else", async () => {
    const organizer = await makeUser("organizer");
    const executive = await makeExecutive();
    const make = (local: string, zone: string, overrides: Parameters<typeof makeEvent>[1] = {}) => event(organizer.id, local, zone, { seats: 3, ...overrides });
    // Across the EU and US changes of the clocks in March 2026.
    const berlin = await make("2026-03-30T09:00", "Europe/Berlin");
    const newYork = await make("2026-03-09T09:00", "America/New_York");
    const attended = await make("2026-01-15T10:00", "Europe/Athens", { status: "completed" });
    const tooOld = await make("2025-11-20T10:00", "Europe/Berlin", { status: "completed" });
    const invitedOnly = await make("2026-04-01T09:00", "Europe/Berlin");
    const waitlistedOnly = await make("2026-04-02T09:00", "Europe/Berlin");
    const cancelledSeat = await make("2026-04-03T09:00", "Europe/Berlin");
    const cancelledInvitation = await make("2026-04-06T09:00", "Europe/Berlin");
    const someoneElses = await make("2026-04-07T09:00", "Europe/Berlin");
    await seat(berlin.id, executive.id, "confirmed");
    await seat(newYork.id, executive.id, "confirmed");
    await seat(attended.id, executive.id, "attended");
    await seat(tooOld.id, executive.id, "attended");
    await seat(invitedOnly.id, executive.id, "invited");
    await seat(waitlistedOnly.id, executive.id, "waitlisted");
    await seat(cancelledSeat.id, executive.id, "confirmed");
    await seat(cancelledInvitation.id, executive.id, "invited");
    await seat(someoneElses.id, (await makeExecutive()).id, "confirmed");
    await cancelEvent(cancelledSeat.id, organizer.id, "The venue closed.", now);
    await cancelEvent(cancelledInvitation.id, organizer.id, "The venue closed.", now);

    const safaris = await feedSafaris(executive, now);
    expect(safaris.map((s) => s.id)).toEqual([attended.id, newYork.id, berlin.id, cancelledSeat.id]);
    const entries = parsed(feedCalendar(safaris, { name: "Customer Safari: Markus", stamp: now }));
    expect(entries.map((e) => e.uid)).toEqual(safaris.map((s) => safariUid(s.id)));
    expect(entries.map((e) => e.status)).toEqual(["CONFIRMED", "CONFIRMED", "CONFIRMED", "CANCELLED"]);
    expect(entries[3]!.sequence).toBeGreaterThan(0);
    expect(entries.slice(0, 3).map((e) => e.sequence)).toEqual([0, 0, 0]);
    // 09:00 New York the day after its change (13:00 UTC, EDT), 09:00 Berlin the day after the EU one (07:00 UTC, CEST).
    expect(entries[1]!.start).toEqual(new Date("2026-03-09T13:00:00Z"));
    expect(entries[2]!.start).toEqual(new Date("2026-03-30T07:00:00Z"));
    expect(entries[2]!.end).toEqual(new Date("2026-03-30T08:00:00Z"));
  });

  it("holds an organizer's own events but drafts, cancelled ones too, and nothing for the other roles", async () => {
    const organizer = await makeUser("organizer");
    const colleague = await makeUser("organizer");
    const published = await event(organizer.id, "2026-03-10T09:00", "Europe/Berlin");
    const cancelled = await event(organizer.id, "2026-03-11T09:00", "Europe/Berlin", { status: "cancelled" });
    await event(organizer.id, "2026-03-12T09:00", "Europe/Berlin", { status: "draft" });
    await event(colleague.id, "2026-03-13T09:00", "Europe/Berlin");

    const safaris = await feedSafaris(organizer, now);
    expect(safaris.map((s) => s.id)).toEqual([published.id, cancelled.id]);
    expect(parsed(feedCalendar(safaris, { name: "Organizer", stamp: now })).map((e) => e.status)).toEqual(["CONFIRMED", "CANCELLED"]);
    expect(await feedSafaris(await makeUser("reviewer"), now)).toEqual([]);
    expect(await feedSafaris(await makeUser("admin"), now)).toEqual([]);
  });
});
