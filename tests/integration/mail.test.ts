import ICAL from "ical.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { events, mails, notifications, participations, users } from "@/db/schema";
import type { Clock } from "@/lib/jobs/clock";
import { startJobRunner, stopJobRunner } from "@/lib/jobs/runner";
import { briefingReminders, mailDelivery } from "@/lib/jobs/schedules";
import { cancelEvent, updateEvent } from "@/lib/events/mutations";
import { listFailedNotices, listMails } from "@/lib/mail/data";
import { deliverNotice, deliverPendingMail, maxMailAttempts, resendNotice, setMailPreferences } from "@/lib/mail/mutations";
import { outboxTransport, smtpTransport, type MailTransport } from "@/lib/mail/transport";
import { notify } from "@/lib/notifications/mutations";
import { safariDetails } from "@/lib/notifications/messages";
import { joinWaitlist, signUp, withdraw } from "@/lib/participation/mutations";
import { calendarPart, startSmtpServer, type ReceivedMail, type TestSmtpServer } from "../support/smtp";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

/*
 * E-mail delivery against a real database and a real SMTP server started here (smtp-server), reading what
 * arrives with a real MIME parser (mailparser) and the calendars with ical.js.
 */
const hours = (n: number) => n * 3_600_000;
const minutes = (n: number) => n * 60_000;

// The tests' "now", read by the jobs through `clock`; each test starts at the current minute and moves it.
const thisMinute = () => new Date(Math.floor(Date.now() / minutes(1)) * minutes(1));
let now = thisMinute();
const clock: Clock = () => now;
const later = (ms: number) => new Date(now.getTime() + ms);

let smtp: TestSmtpServer;
let transport: MailTransport;

beforeAll(async () => {
  smtp = await startSmtpServer();
  // The job runner's transport comes from the environment (read once, on first use): this server.
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Customer Safari <safari@test.example>";
  transport = smtpTransport(smtp.url, "Customer Safari <safari@test.example>");
});

afterAll(async () => {
  await smtp.stop();
});

beforeEach(() => {
  now = thisMinute();
});

afterEach(async () => {
  const db = await getDb();
  await db.delete(events).where(sql`true`);
  await db.delete(mails).where(sql`true`);
  smtp.received.length = 0;
  smtp.rejectNext(0);
});

/** A published safari in Berlin with an executive in New York confirmed on it, ten days ahead. */
async function safariWithExecutive(overrides: Partial<typeof events.$inferInsert> = {}) {
  const organizer = await makeUser("organizer");
  const event = await makeEvent(organizer.id, { startAt: later(hours(240)), endAt: later(hours(242)), seats: 2, ...overrides });
  const executive = await makeExecutive({}, { timeZone: "America/New_York", name: "Ada Exec" });
  return { organizer, event, executive };
}

async function invite(eventId: string, executiveId: string) {
  const db = await getDb();
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  await db.transaction(async (tx) => {
    await tx.insert(participations).values({ eventId, executiveId, status: "invited", source: "matched", respondBy: later(hours(48)) });
    await notify(tx, [{ userId: executiveId, kind: "invitation", eventId, details: { ...safariDetails(event!), respondBy: later(hours(48)).toISOString() } }]);
  });
}

async function noticesOf(userId: string) {
  const db = await getDb();
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.createdAt, notifications.id);
}

async function mailsTo(userIds: string[]) {
  const db = await getDb();
  return db.select().from(mails).where(inArray(mails.userId, userIds));
}

/** The one VEVENT of a received mail's text/calendar part, with the calendar's METHOD. */
function veventOf(mail: ReceivedMail) {
  const part = calendarPart(mail);
  expect(part).toBeDefined();
  const calendar = new ICAL.Component(ICAL.parse(part!.content));
  const vevent = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  return {
    partMethod: part!.method,
    method: calendar.getFirstPropertyValue("method"),
    uid: vevent.uid,
    sequence: vevent.sequence,
    start: vevent.startDate.toJSDate(),
    end: vevent.endDate.toJSDate(),
    status: vevent.component.getFirstPropertyValue("status"),
    attendees: vevent.attendees.map((a) => String(a.getFirstValue()).toLowerCase()),
    organizer: String(vevent.component.getFirstPropertyValue("organizer")).toLowerCase(),
  };
}

const icsAttachment = (mail: ReceivedMail) => mail.attachments.find((a) => a.contentType === "application/ics");

describe("delivering notices by e-mail over SMTP", () => {
  it("sends an invitation with a METHOD:REQUEST calendar, then a time change with a higher SEQUENCE and the new instants", async () => {
    const { organizer, event, executive } = await safariWithExecutive();
    await invite(event.id, executive.id);

    expect(await deliverPendingMail(now, transport)).toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const invitation = smtp.received[0]!;
    expect(invitation.envelopeTo).toEqual([executive.email]);
    expect(invitation.subject).toBe(`Invitation: ${event.title}`);
    expect(invitation.text).toContain("You are invited to");
    // In the reader's zone and in the safari's own.
    expect(invitation.text).toMatch(/When: .*GMT-[45]\n/);
    expect(invitation.text).toMatch(/\n +.*GMT\+[12] where it takes place/);
    expect(invitation.text).toContain(`/safaris/${event.id}`);
    const first = veventOf(invitation);
    expect(first).toMatchObject({ partMethod: "REQUEST", method: "REQUEST", uid: `${event.id}@customer-safari`, status: "CONFIRMED", start: event.startAt, end: event.endAt });
    expect(first.attendees).toEqual([`mailto:${executive.email}`]);
    expect(first.organizer).toBe(`mailto:${organizer.email}`);
    expect(icsAttachment(invitation)?.content.toString("utf8")).toContain("METHOD:REQUEST");

    // The executive accepts (directly here), then the organizer moves the safari by a day.
    const db = await getDb();
    await db.update(participations).set({ status: "confirmed", respondedAt: now }).where(eq(participations.executiveId, executive.id));
    const moved = { start: later(hours(264)), end: later(hours(266)) };
    await updateEvent(event.id, organizer.id, { type: event.type, title: event.title, briefing: event.briefing, location: event.location, startAt: moved.start, endAt: moved.end, timeZone: event.timeZone, seats: event.seats }, now);

    expect(await deliverPendingMail(now, transport)).toMatchObject({ sent: 1 });
    const change = smtp.received[1]!;
    expect(change.subject).toBe(`New time: ${event.title}`);
    expect(change.text).toContain("has moved from");
    const second = veventOf(change);
    expect(second).toMatchObject({ method: "REQUEST", uid: first.uid, start: moved.start, end: moved.end });
    expect(second.sequence).toBeGreaterThan(first.sequence);

    // Each notice is recorded once, as sent over SMTP, with its calendar.
    const recorded = await mailsTo([executive.id]);
    expect(recorded).toHaveLength(2);
    expect(recorded.every((mail) => mail.transport === "smtp" && mail.calendarMethod === "REQUEST" && mail.messageId)).toBe(true);
    expect((await noticesOf(executive.id)).map((n) => [n.kind, n.mailStatus, n.mailAttempts])).toEqual([
      ["invitation", "sent", 1],
      ["time_change", "sent", 1],
    ]);
    // A second run finds nothing left to send.
    expect(await deliverPendingMail(later(hours(2)), transport)).toMatchObject({ sent: 0, skipped: 0, retrying: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it("sends a cancellation as METHOD:CANCEL with STATUS:CANCELLED, and skips an invitation still pending for the cancelled safari", async () => {
    const { organizer, event, executive } = await safariWithExecutive();
    await invite(event.id, executive.id);
    await cancelEvent(event.id, organizer.id, "The store is closed for renovation.", now);

    expect(await deliverPendingMail(now, transport)).toMatchObject({ sent: 1, skipped: 1 });
    expect(smtp.received).toHaveLength(1);
    const cancellation = smtp.received[0]!;
    expect(cancellation.subject).toBe(`Cancelled: ${event.title}`);
    expect(cancellation.text).toContain("The store is closed for renovation.");
    expect(veventOf(cancellation)).toMatchObject({ partMethod: "CANCEL", method: "CANCEL", status: "CANCELLED", uid: `${event.id}@customer-safari` });
    expect((await noticesOf(executive.id)).map((n) => [n.kind, n.mailStatus])).toEqual([
      ["invitation", "skipped"],
      ["cancellation", "sent"],
    ]);
    expect(await mailsTo([executive.id])).toMatchObject([{ calendarMethod: "CANCEL" }]);
  });

  it("sends a promotion from the waitlist with a METHOD:REQUEST calendar", async () => {
    const { event, executive } = await safariWithExecutive({ seats: 1 });
    const first = await makeExecutive();
    const participation = await signUp(event.id, first.id, now);
    expect(await joinWaitlist(event.id, executive.id, now)).toBe("waitlisted");
    await withdraw(participation, first.id, now);

    await deliverPendingMail(now, transport);
    const promotion = smtp.received.find((mail) => mail.envelopeTo.includes(executive.email));
    expect(promotion?.subject).toBe(`You are confirmed: ${event.title}`);
    expect(veventOf(promotion!)).toMatchObject({ method: "REQUEST", status: "CONFIRMED", attendees: [`mailto:${executive.email}`] });
  });

  it("skips the kinds a person turned off, and sends the others", async () => {
    const { organizer, event, executive } = await safariWithExecutive();
    await setMailPreferences(executive.id, "executive", ["cancellation"]);
    const db = await getDb();
    expect((await db.select({ optOuts: users.mailOptOuts }).from(users).where(eq(users.id, executive.id)))[0]!.optOuts.sort()).toEqual(
      ["answer_reminder", "briefing_reminder", "commitment_followup", "invitation", "promotion", "reflection_prompt", "time_change"].sort(),
    );
    await invite(event.id, executive.id);
    await cancelEvent(event.id, organizer.id, "Weather.", now);

    expect(await deliverPendingMail(now, transport)).toMatchObject({ sent: 1, skipped: 1 });
    expect(smtp.received.map((mail) => mail.subject)).toEqual([`Cancelled: ${event.title}`]);
  });
});

describe("briefing reminders", () => {
  it("reminds each confirmed executive once, 24 hours ahead, and never for a cancelled safari", async () => {
    const { event, executive } = await safariWithExecutive();
    const db = await getDb();
    await db.insert(participations).values({ eventId: event.id, executiveId: executive.id, status: "confirmed", source: "signed_up" });
    const cancelled = await safariWithExecutive();
    await db.insert(participations).values({ eventId: cancelled.event.id, executiveId: cancelled.executive.id, status: "confirmed", source: "signed_up" });
    await cancelEvent(cancelled.event.id, cancelled.organizer.id, "No host.", now);
    await deliverPendingMail(now, transport);
    smtp.received.length = 0;

    // 25 hours before the start: not yet.
    now = later(hours(240 - 25));
    expect(await briefingReminders.run(clock)).toEqual({ reminded: 0 });
    // 23 hours before: once, however often it runs.
    now = later(hours(2));
    expect(await briefingReminders.run(clock)).toEqual({ reminded: 1 });
    expect(await briefingReminders.run(clock)).toEqual({ reminded: 0 });

    expect(await mailDelivery.run(clock)).toMatchObject({ sent: 1 });
    expect(smtp.received.map((mail) => [mail.envelopeTo[0], mail.subject])).toEqual([[executive.email, `Tomorrow: ${event.title}`]]);
    expect(smtp.received[0]!.text).toContain(`/safaris/${event.id}/briefing`);
    expect(calendarPart(smtp.received[0]!)).toBeUndefined();
    expect((await noticesOf(cancelled.executive.id)).map((n) => n.kind)).toEqual(["cancellation"]);
  });
});

describe("failed sends", () => {
  it("retries a send the server refused and delivers it exactly once", async () => {
    const { event, executive } = await safariWithExecutive();
    await invite(event.id, executive.id);
    smtp.rejectNext(2);

    expect(await deliverPendingMail(now, transport)).toMatchObject({ retrying: 1, sent: 0 });
    const [notice] = await noticesOf(executive.id);
    expect(notice).toMatchObject({ mailStatus: "pending", mailAttempts: 1 });
    expect(notice!.mailError).toContain("Try again later");
    // Not due again until a minute after the notice: the next run that soon leaves it alone.
    expect(await deliverPendingMail(now, transport)).toMatchObject({ retrying: 0, sent: 0 });

    now = later(minutes(2));
    expect(await deliverPendingMail(now, transport)).toMatchObject({ retrying: 1 });
    now = later(minutes(5));
    expect(await deliverPendingMail(now, transport)).toMatchObject({ sent: 1 });
    // Delivering the same notice again, as a retried job would, sends nothing more.
    expect(await deliverNotice(notice!.id, now, transport)).toBe("not_pending");

    expect(smtp.rejected()).toBe(2);
    expect(smtp.received).toHaveLength(1);
    expect(await mailsTo([executive.id])).toHaveLength(1);
    expect((await noticesOf(executive.id))[0]).toMatchObject({ mailStatus: "sent", mailAttempts: 3, mailError: null });
  });

  it("marks the mail failed after the last attempt, and an admin's send again delivers it", async () => {
    const { event, executive } = await safariWithExecutive();
    const admin = await makeUser("admin");
    await invite(event.id, executive.id);
    smtp.rejectNext(maxMailAttempts);

    for (let attempt = 1; attempt <= maxMailAttempts; attempt++) {
      await deliverPendingMail(now, transport);
      now = later(hours(2));
    }
    const [notice] = await noticesOf(executive.id);
    expect(notice).toMatchObject({ mailStatus: "failed", mailAttempts: maxMailAttempts });
    expect(await deliverPendingMail(now, transport)).toMatchObject({ sent: 0, retrying: 0 });
    expect(smtp.received).toHaveLength(0);

    await resendNotice(admin.id, notice!.id);
    await expect(resendNotice(admin.id, notice!.id)).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await deliverPendingMail(now, transport)).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    expect((await noticesOf(executive.id))[0]).toMatchObject({ mailStatus: "sent", mailAttempts: 1 });
  });
});

describe("without SMTP", () => {
  it("records the mail in the outbox only, with its calendar", async () => {
    const { event, executive } = await safariWithExecutive();
    await invite(event.id, executive.id);
    expect(await deliverPendingMail(now, outboxTransport)).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(0);
    const [mail] = await mailsTo([executive.id]);
    expect(mail).toMatchObject({ transport: "outbox", toAddress: executive.email, subject: `Invitation: ${event.title}`, calendarMethod: "REQUEST" });
    expect(mail!.calendar).toContain("METHOD:REQUEST");
  });
});

describe("the admin outbox", () => {
  it("pages the mails newest first, filters by recipient and transport, and lists the failed notices", async () => {
    const first = await safariWithExecutive();
    const second = await safariWithExecutive();
    await invite(first.event.id, first.executive.id);
    await deliverPendingMail(now, outboxTransport);
    await invite(second.event.id, second.executive.id);
    await deliverPendingMail(now, transport);

    const all = await listMails({}, null, 1);
    expect(all).toMatchObject({ count: 2, previous: null });
    expect(all!.rows.map((mail) => mail.toAddress)).toEqual([second.executive.email]);
    const next = await listMails({}, { after: all!.next! }, 1);
    expect(next!.rows.map((mail) => mail.toAddress)).toEqual([first.executive.email]);
    expect(next!.next).toBeNull();
    expect((await listMails({ via: "outbox" }, null, 10))!.rows.map((mail) => mail.toAddress)).toEqual([first.executive.email]);
    expect((await listMails({ to: second.executive.email.slice(0, 20).toUpperCase() }, null, 10))!.count).toBe(1);
    // A page link whose mail the filter leaves out no longer fits.
    expect(await listMails({ via: "smtp" }, { after: next!.rows[0]!.id }, 10)).toBeNull();

    const third = await safariWithExecutive();
    await invite(third.event.id, third.executive.id);
    smtp.rejectNext(maxMailAttempts);
    for (let attempt = 1; attempt <= maxMailAttempts; attempt++) {
      await deliverPendingMail(now, transport);
      now = later(hours(2));
    }
    expect(await listFailedNotices(undefined)).toMatchObject({ count: 1, rows: [{ email: third.executive.email, kind: "invitation", attempts: maxMailAttempts }] });
    expect((await listFailedNotices(second.executive.email)).count).toBe(0);
  });
});

describe("the delivery job on pg-boss", () => {
  afterEach(() => stopJobRunner(2_000));

  it("delivers a pending notice through the SMTP server the environment names, on its own schedule", async () => {
    const { event, executive } = await safariWithExecutive();
    await invite(event.id, executive.id);

    await startJobRunner({ clock, pollingIntervalSeconds: 0.5, cronIntervalSeconds: 1 });
    await vi.waitFor(() => expect(smtp.received.filter((mail) => mail.envelopeTo.includes(executive.email))).toHaveLength(1), { timeout: 30_000, interval: 200 });
    expect(smtp.received[0]!.subject).toMatch(/^Invitation: /);
    expect(await mailsTo([executive.id])).toMatchObject([{ transport: "smtp" }]);
  });
});
