import { expect, test, type Page } from "@playwright/test";
import ICAL from "ical.js";
import { instantToLocal } from "@/lib/time/zones";
import { calendarPart, startSmtpServer, type TestSmtpServer } from "../tests/support/smtp";
import { EventFormPage } from "./pages/event-form-page";
import { OrganizerEventPage } from "./pages/organizer-event-page";
import { SafariPage } from "./pages/safari-page";
import { demoAccount, signedInPage } from "./support/demo-accounts";
import { smtpPort } from "./support/smtp-port";

/*
 * A safari's calendar life, as the issue names it: made from a type and published; an executive signs up
 * and downloads its .ics; the organizer moves it, and the file shows the new time with a higher SEQUENCE;
 * the organizer cancels it, and the cancellation (METHOD:CANCEL, same UID) arrives by mail in a real SMTP
 * server the app delivers to (SMTP_URL in playwright.config.ts). Delivery is the every-minute pg-boss
 * sweep, so the mail can take up to about 90 seconds.
 */
const organizer = demoAccount("lena.hoffmann@safari.example");
const executive = demoAccount("nikos.papadopoulos@safari.example");

let smtp: TestSmtpServer;
test.beforeAll(async () => {
  smtp = await startSmtpServer(smtpPort);
});
test.afterAll(async () => {
  await smtp?.stop();
});

function onlyEvent(ics: string) {
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
  expect(events).toHaveLength(1);
  return events[0]!;
}

async function downloadCalendar(page: Page, eventId: string) {
  const response = await page.request.get(`/calendar/safaris/${eventId}`);
  expect(response.status()).toBe(200);
  return onlyEvent(await response.text());
}

test("a safari made from a type and published: moved, its calendar file has the new time and a higher SEQUENCE; cancelled, the cancellation arrives by mail", async ({ browser }) => {
  test.setTimeout(240_000);
  const lead = await signedInPage(browser, organizer.email);
  // Ten weeks ahead, 10:00–12:00 Berlin: after every demo safari, so the executive is free then.
  const day = instantToLocal(new Date(Date.now() + 70 * 86_400_000), "Europe/Berlin").slice(0, 10);
  const title = `Evening with switchers ${Date.now().toString(36)}`;

  const form = new EventFormPage(lead);
  await lead.goto("/organize/events/new?type=customer_event");
  await expect(form.type.locator("option:checked")).toHaveText("Customer event");
  await expect(form.seats).toHaveValue("6");
  await form.title.fill(title);
  await form.timeZone.selectOption("Europe/Berlin");
  await form.start.fill(`${day}T10:00`);
  await form.end.fill(`${day}T12:00`);
  await form.createDraft.click();
  await expect(lead).toHaveURL(/\/organize\/events\/[0-9a-f-]{36}$/);
  const eventId = lead.url().split("/").at(-1)!;
  const event = new OrganizerEventPage(lead);
  await event.publish.click();
  await expect(event.detail("Status")).toHaveText("Published");

  // The executive signs up and takes the calendar file.
  const guest = await signedInPage(browser, executive.email);
  const safari = new SafariPage(guest);
  await safari.goto(eventId);
  await safari.signUp.click();
  await expect(guest.getByText("You're going. See you there.")).toBeVisible();
  const before = await downloadCalendar(guest, eventId);
  expect(before.uid).toBe(`${eventId}@customer-safari`);
  expect(instantToLocal(before.startDate.toJSDate(), "Europe/Berlin")).toBe(`${day}T10:00`);

  // Moved by an hour: the same UID, the new instants, a higher SEQUENCE.
  await event.edit.click();
  await form.start.fill(`${day}T11:00`);
  await form.end.fill(`${day}T13:00`);
  await form.saveChanges.click();
  await expect(lead).toHaveURL(new RegExp(`/organize/events/${eventId}$`));
  const after = await downloadCalendar(guest, eventId);
  expect(after.uid).toBe(before.uid);
  expect(instantToLocal(after.startDate.toJSDate(), "Europe/Berlin")).toBe(`${day}T11:00`);
  expect(instantToLocal(after.endDate.toJSDate(), "Europe/Berlin")).toBe(`${day}T13:00`);
  expect(after.sequence).toBeGreaterThan(before.sequence);

  // Cancelled: the mail to the executive carries METHOD:CANCEL for the same event, with a higher SEQUENCE still.
  await event.cancel.click();
  await event.cancellationReason.fill("The venue is closed that week; we will offer a new date.");
  await event.confirmCancel.click();
  await expect(event.detail("Status")).toHaveText("Cancelled");
  const cancellationTo = () => smtp.received.find((mail) => mail.envelopeTo.includes(executive.email) && calendarPart(mail)?.method === "CANCEL" && mail.raw.includes(eventId));
  await expect.poll(() => cancellationTo() !== undefined, { timeout: 150_000, intervals: [2_000] }).toBe(true);
  const mail = cancellationTo()!;
  expect(mail.subject).toContain(title);
  const cancelled = onlyEvent(calendarPart(mail)!.content);
  expect(cancelled.uid).toBe(before.uid);
  expect(cancelled.component.getFirstPropertyValue("status")).toBe("CANCELLED");
  expect(cancelled.sequence).toBeGreaterThan(after.sequence);

  await guest.context().close();
  await lead.context().close();
});
