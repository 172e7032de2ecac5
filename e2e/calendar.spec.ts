import { readFileSync } from "node:fs";
import { expect, request, test } from "@playwright/test";
import ICAL from "ical.js";
import { seedId } from "@/db/seed-data";
import { formatInZone } from "@/lib/time/zones";
import { AgendaPage } from "./pages/agenda-page";
import { AppShell } from "./pages/app-shell";
import { CalendarFeedSection } from "./pages/calendar-feed-section";
import { SafariPage } from "./pages/safari-page";
import { demoAccount, signedInPage } from "./support/demo-accounts";

/*
 * Calendars as an executive meets them: a safari's .ics downloaded from its page, a private feed made,
 * read without a session and revoked, and the agenda showing the safari on its day, in the week and the
 * month. Ahmet holds a seat on the service-desk day five days ahead (Europe/Berlin, as he is).
 */
const ahmet = demoAccount("ahmet.yildiz@safari.example");
const safariId = seedId("event:service-desk-umzug");
const title = "Service-Desk-Tag: Umzugsmeldungen";

function vevents(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
}

test("an executive downloads a safari's .ics, subscribes to a feed of his safaris, revokes it, and finds the safari in his agenda", async ({ browser, baseURL }) => {
  const page = await signedInPage(browser, ahmet.email);

  // The download: one event, with the safari's stable UID and the SEQUENCE the demo data left at 0.
  const safariPage = new SafariPage(page);
  await safariPage.goto(safariId);
  const [download] = await Promise.all([page.waitForEvent("download"), safariPage.addToCalendar.click()]);
  expect(download.suggestedFilename()).toBe(`safari-${safariId}.ics`);
  const [event] = vevents(readFileSync((await download.path())!, "utf8"));
  expect(event!.uid).toBe(`${safariId}@customer-safari`);
  expect(event!.sequence).toBe(0);
  expect(event!.summary).toBe(title);
  const start = event!.startDate.toJSDate();
  // 08:00 in Berlin, whatever the day.
  expect(formatInZone(start, "Europe/Berlin", "HH:mm")).toBe("08:00");

  // The feed: made on the account page, shown once, read by a client that has no session at all.
  const feed = new CalendarFeedSection(page);
  await new AppShell(page).mainNav.getByRole("link", { name: "Account" }).click();
  await feed.create.click();
  await expect(feed.status("Copy it now")).toBeVisible();
  const feedUrl = await feed.feedUrl.inputValue();
  expect(feedUrl).toMatch(/\/calendar\/feed\/[A-Za-z0-9_-]{43}$/);
  expect(await feed.webcalUrl.inputValue()).toMatch(/^webcal:\/\/.+\/calendar\/feed\/[A-Za-z0-9_-]{43}$/);
  const feedPath = new URL(feedUrl).pathname;
  const calendarApp = await request.newContext({ baseURL });
  try {
    const response = await calendarApp.get(feedPath);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(response.headers()["cache-control"]).toContain("no-store");
    const entries = vevents(await response.text());
    expect(entries.map((e) => e.uid)).toContain(`${safariId}@customer-safari`);
    expect(entries.find((e) => e.uid === `${safariId}@customer-safari`)!.startDate.toJSDate()).toEqual(start);

    await page.reload();
    await feed.revoke.click();
    await expect(feed.status("revoked")).toBeVisible();
    expect((await calendarApp.get(feedPath)).status()).toBe(404);
    await expect(feed.create).toBeVisible();
  } finally {
    await calendarApp.dispose();
  }

  // The agenda, in his zone: the safari on its day in the week and in the month.
  const day = formatInZone(start, "Europe/Berlin", "yyyy-MM-dd");
  const heading = formatInZone(start, "Europe/Berlin", "EEEE d MMMM yyyy");
  const agenda = new AgendaPage(page);
  await new AppShell(page).mainNav.getByRole("link", { name: "Agenda" }).click();
  await expect(agenda.heading).toBeVisible();
  await agenda.goto("week", day);
  await expect(agenda.day(heading).getByRole("link", { name: title })).toBeVisible();
  await expect(agenda.day(heading).getByText("08:00–16:00")).toBeVisible();
  await expect(agenda.day(heading).getByText("Confirmed")).toBeVisible();
  await agenda.view("Month").click();
  await expect(page).toHaveURL(new RegExp(`view=month&date=${day}`));
  await expect(agenda.day(heading).getByRole("link", { name: title })).toBeVisible();
  // On that day only: it does not run past midnight.
  await expect(page.getByRole("link", { name: title })).toHaveCount(1);

  // An unreadable URL is said so, and the week of today shown instead.
  await page.goto("/agenda?view=year&date=2026-02-30");
  await expect(agenda.alert("Choose the week or the month view.")).toBeVisible();
  await expect(agenda.alert("That is not a date")).toBeVisible();
  await expect(agenda.view("Week")).toHaveAttribute("aria-current", "page");
});
