import { expect, test, type Page } from "@playwright/test";
import { demoSignIns } from "@/db/seed-data";
import { instantToLocal } from "@/lib/time/zones";
import { EventFormPage } from "./pages/event-form-page";
import { MySafarisPage } from "./pages/my-safaris-page";
import { OrganizerEventPage } from "./pages/organizer-event-page";
import { SafariPage } from "./pages/safari-page";
import { demoAccount, signedInPage } from "./support/demo-accounts";

/*
 * An event's lifecycle through the UI: cancelling asks for a reason that the executives on it then read,
 * and an edit that would put an executive on two safaris at once names them to the organizer.
 */
const organizer = demoSignIns.find((s) => s.role === "organizer")!;

/** A day some weeks ahead, early in the morning, where the seed books nobody (yyyy-MM-dd in Berlin). */
const dayAhead = (days: number) => instantToLocal(new Date(Date.now() + days * 24 * 3_600_000), "Europe/Berlin").slice(0, 10);

/** Creates and publishes a one-seat safari as the organizer; returns the organizer's path to it. */
async function publishedSafari(page: Page, title: string, start: string, end: string): Promise<string> {
  const form = new EventFormPage(page);
  await form.gotoNew();
  await form.fill({ type: "Customer breakfast", title, briefing: "Observe, don't interrupt.", timeZone: "Europe/Berlin", start, end, seats: "1" });
  await form.createDraft.click();
  await expect(page).toHaveURL(/\/organize\/events\/[0-9a-f-]{36}$/);
  const event = new OrganizerEventPage(page);
  await event.publish.click();
  await expect(page.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function signUp(page: Page, organizerPath: string) {
  const safari = new SafariPage(page);
  await page.goto(organizerPath.replace("/organize/events/", "/safaris/"));
  await safari.signUp.click();
  await expect(safari.status("your seat is confirmed")).toBeVisible();
}

test("cancelling asks for a reason, and the executive on the safari reads it", async ({ browser }) => {
  test.setTimeout(120_000);
  const executive = demoAccount("felix.wagner@safari.example");
  const title = `Breakfast at the bakery ${Date.now().toString(36)}`;
  const day = dayAhead(20);
  const reason = "The bakery has to close that morning for a health inspection. We will offer a new date.";

  const organizerPage = await signedInPage(browser, organizer.email);
  const executivePage = await signedInPage(browser, executive.email);
  const path = await publishedSafari(organizerPage, title, `${day}T06:00`, `${day}T07:00`);
  await signUp(executivePage, path);

  await test.step("the organizer is asked for a reason before anything is cancelled", async () => {
    const event = new OrganizerEventPage(organizerPage);
    await organizerPage.reload();
    await expect(event.detail("Seats taken")).toHaveText("1 of 1");
    await event.cancel.click();
    await expect(organizerPage).toHaveURL(`${path}/cancel`);
    await expect(organizerPage.getByText("1 executive is on this safari")).toBeVisible();

    await event.confirmCancel.click();
    await expect(event.cancellationReason).toHaveAccessibleDescription(/give a reason/i);
    await expect(organizerPage).toHaveURL(`${path}/cancel`);
    await organizerPage.goto(path);
    await expect(event.detail("Status")).toHaveText("Published");
  });

  await test.step("with a reason, the safari is cancelled and every seat is free", async () => {
    const event = new OrganizerEventPage(organizerPage);
    await event.cancel.click();
    await event.cancellationReason.fill(reason);
    await event.confirmCancel.click();
    await expect(organizerPage).toHaveURL(path);
    await expect(event.detail("Status")).toHaveText("Cancelled");
    await expect(event.detail("Cancelled")).toContainText(reason);
    await expect(event.detail("Seats taken")).toHaveText("0 of 1");
    await expect(event.cancel).toHaveCount(0);
    await expect(event.edit).toHaveCount(0);
  });

  await test.step("the executive sees the cancellation and the reason in their list and on the safari", async () => {
    const mine = new MySafarisPage(executivePage);
    await mine.goto();
    const item = mine.upcoming.getByRole("listitem").filter({ has: mine.safariLink(title) });
    await expect(item.getByText("Event cancelled")).toBeVisible();
    await expect(item.getByText(reason)).toBeVisible();

    await mine.safariLink(title).click();
    await expect(executivePage.getByText(/Cancelled by the CX team on/)).toBeVisible();
    await expect(executivePage.getByText(reason)).toBeVisible();
    await expect(new SafariPage(executivePage).signUp).toHaveCount(0);
  });
});

test("an edit that would double-book an executive names them and the other safari, and saves nothing", async ({ browser }) => {
  test.setTimeout(120_000);
  const executive = demoAccount("dimitris.antoniou@safari.example");
  const stamp = Date.now().toString(36);
  const first = `Morning at the service desk ${stamp}`;
  const second = `Listening in on the night line ${stamp}`;
  const day = dayAhead(22);

  const organizerPage = await signedInPage(browser, organizer.email);
  const executivePage = await signedInPage(browser, executive.email);
  const firstPath = await publishedSafari(organizerPage, first, `${day}T06:00`, `${day}T07:00`);
  const secondPath = await publishedSafari(organizerPage, second, `${day}T07:30`, `${day}T08:30`);
  await signUp(executivePage, firstPath);
  await signUp(executivePage, secondPath);

  await organizerPage.goto(`${secondPath}/edit`);
  const form = new EventFormPage(organizerPage);
  await form.start.fill(`${day}T06:30`);
  await form.end.fill(`${day}T07:30`);
  await form.saveChanges.click();

  await expect(form.alert(`${executive.name} is already on “${first}”`)).toBeVisible();
  await expect(form.alert("Nothing was changed")).toBeVisible();
  await expect(organizerPage).toHaveURL(`${secondPath}/edit`);
  await organizerPage.goto(secondPath);
  await expect(new OrganizerEventPage(organizerPage).detail("When")).toContainText("07:30–08:30");
});
