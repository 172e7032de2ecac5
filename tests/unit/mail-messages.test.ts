import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { CalendarSafari } from "@/lib/calendar/ics";
import { mailKindsByRole, renderMail } from "@/lib/mail/messages";
import { notificationKinds } from "@/db/enums";

/* What a notice's mail says, and the calendar it carries, for each kind. */

const startAt = new Date("2026-03-27T08:00:00Z"); // Friday 09:00 in Berlin (CET), 04:00 in New York (EDT)
const endAt = new Date("2026-03-27T10:00:00Z");
const details = { title: "Breakfast\nwith families", startAt: startAt.toISOString(), endAt: endAt.toISOString(), timeZone: "Europe/Berlin" };
const recipient = { name: "Ada Exec", email: "ada@example.com", timeZone: "America/New_York" };
const safari: CalendarSafari = {
  id: "7d1c7d2e-58b4-4b0b-9d0e-3b0c9a0f4a11",
  title: "Breakfast with families",
  description: "",
  location: "Store 12",
  startAt,
  endAt,
  timeZone: "Europe/Berlin",
  status: "published",
  sequence: 3,
  organizer: { name: "Olga Organizer", email: "olga@example.com" },
};
const base = { eventId: safari.id, recipient, appUrl: "https://safari.example", stamp: new Date("2026-03-01T00:00:00Z") };

function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  return { method: calendar.getFirstPropertyValue("method"), sequence: event.sequence, status: event.component.getFirstPropertyValue("status"), attendees: event.attendees.map((a) => String(a.getFirstValue()).toLowerCase()) };
}

describe("renderMail", () => {
  it("writes an invitation with the times in the reader's zone and the safari's own, a link, and a REQUEST for the reader", () => {
    const mail = renderMail({ ...base, kind: "invitation", details: { ...details, respondBy: startAt.toISOString() }, safari });
    expect(mail.subject).toBe("Invitation: Breakfast with families");
    expect(mail.text).toContain("Hello Ada Exec,");
    expect(mail.text).toContain("When: Fri 27 Mar 2026, 04:00–06:00 GMT-4");
    expect(mail.text).toContain("Fri 27 Mar 2026, 09:00–11:00 GMT+1 where it takes place");
    expect(mail.text).toContain(`https://safari.example/safaris/${safari.id}`);
    expect(mail.calendar?.method).toBe("REQUEST");
    expect(parse(mail.calendar!.content)).toEqual({ method: "REQUEST", sequence: 3, status: "CONFIRMED", attendees: ["mailto:ada@example.com"] });
  });

  it("shows one time when reader and safari share a zone", () => {
    const mail = renderMail({ ...base, recipient: { ...recipient, timeZone: "Europe/Berlin" }, kind: "promotion", details, safari });
    expect(mail.text).toContain("When: Fri 27 Mar 2026, 09:00–11:00 GMT+1");
    expect(mail.text).not.toContain("where it takes place");
  });

  it("cancels a cancelled safari with METHOD:CANCEL and STATUS:CANCELLED, and refuses to cancel one that is not", () => {
    const cancelled = renderMail({ ...base, kind: "cancellation", details: { ...details, reason: "Closed." }, safari: { ...safari, status: "cancelled", sequence: 4 } });
    expect(cancelled.subject).toBe("Cancelled: Breakfast with families");
    expect(parse(cancelled.calendar!.content)).toMatchObject({ method: "CANCEL", status: "CANCELLED", sequence: 4 });
    expect(() => renderMail({ ...base, kind: "cancellation", details: { ...details, reason: "Closed." }, safari })).toThrow(/only a cancelled safari/);
  });

  it("sends the briefing reminder and a new time to the briefing page, and reminders without a calendar", () => {
    const reminder = renderMail({ ...base, kind: "briefing_reminder", details });
    expect(reminder.calendar).toBeNull();
    expect(reminder.text).toContain(`https://safari.example/safaris/${safari.id}/briefing`);
    const moved = renderMail({ ...base, kind: "time_change", details: { ...details, previousStartAt: startAt.toISOString(), previousEndAt: endAt.toISOString() }, safari });
    expect(moved.subject).toBe("New time: Breakfast with families");
    expect(moved.calendar?.method).toBe("REQUEST");
  });

  it("sends a prompt to reflect to the reflection form of that participation, without a calendar", () => {
    const participationId = "0b7c6a55-6f1e-4f2e-8c53-1d2e3f4a5b6c";
    const first = renderMail({ ...base, kind: "reflection_prompt", details: { ...details, round: 1, participationId } });
    expect(first.subject).toBe("What did you feel? Reflect on Breakfast with families");
    expect(first.text).toContain("How was “Breakfast\nwith families” (Fri 27 Mar 2026, 09:00–11:00 GMT+1)? Write what you felt, while it is fresh.");
    expect(first.text).toContain(`https://safari.example/reflections/new?participation=${participationId}`);
    expect(first.calendar).toBeNull();
    const second = renderMail({ ...base, kind: "reflection_prompt", details: { ...details, round: 2, participationId } });
    expect(second.text).toContain("Still time to reflect on “Breakfast");
  });

  it("sends a commitment's follow-up to its reflection, with by when but not what was committed (admins read the outbox)", () => {
    const reflectionId = "5f0e1d2c-3b4a-4968-8776-655443322110";
    const mail = renderMail({ ...base, kind: "commitment_followup", details: { ...details, body: "Shorten the hold queue", dueOn: "2026-06-30", days: 30, reflectionId } });
    expect(mail.subject).toBe("How is your commitment going? (Breakfast with families)");
    expect(mail.text).toContain("30 days ago you made a commitment after “Breakfast\nwith families” (due 2026-06-30). How is it going?");
    expect(mail.text).not.toContain("Shorten the hold queue");
    expect(mail.text).toContain(`https://safari.example/reflections/${reflectionId}\n`);
    expect(mail.calendar).toBeNull();
  });

  it("offers the reminders after a safari to executives only", () => {
    for (const kind of ["reflection_prompt", "commitment_followup"] as const) {
      expect(Object.entries(mailKindsByRole).filter(([, kinds]) => kinds.includes(kind)).map(([role]) => role)).toEqual(["executive"]);
    }
  });

  it("needs the safari for a kind that carries a calendar", () => {
    expect(() => renderMail({ ...base, kind: "invitation", details: { ...details, respondBy: startAt.toISOString() } })).toThrow(/calendar/);
  });

  it("offers every kind to some role, each once", () => {
    const offered = Object.values(mailKindsByRole).flat();
    expect([...offered].sort()).toEqual([...notificationKinds].sort());
  });
});
