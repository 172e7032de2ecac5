import { expect, test } from "@playwright/test";
import { demoSignIns, seedId } from "@/db/seed-data";
import { empathyItems } from "@/lib/briefing/schema";
import { BriefingPage } from "./pages/briefing-page";
import { SeriesPage } from "./pages/series-page";
import { signedInPage } from "./support/demo-accounts";

/*
 * A series (issue 10): the same wall-clock start every week across a change of the clocks, and a start the
 * clocks skip refused with a clear message. The briefing pack an executive reads before a safari, with
 * what they expect to hear kept across a reload.
 */
const organizer = demoSignIns.find((s) => s.role === "organizer")!;
const year = new Date().getFullYear() + 1;
/** The first `weekday` (0 = Sunday) on or after `day` of `month` next year, as yyyy-MM-dd. */
function dayOf(month: number, day: number, weekday: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCDate(date.getUTCDate() + ((weekday - date.getUTCDay() + 7) % 7));
  return date.toISOString().slice(0, 10);
}

test("an organizer plans weekly call listening across the spring change; a start the clocks skip is refused first", async ({ browser }) => {
  const page = await signedInPage(browser, organizer.email);
  const series = new SeriesPage(page);
  await series.gotoNew("call_listening");
  const title = `Cancellation calls ${Date.now().toString(36)}`;
  await series.title.fill(title);
  await series.timeZone.selectOption("Europe/Berlin");
  // Sundays at 02:30 from mid-March: the last Sunday of March has no 02:30 in Berlin.
  await series.firstDate.fill(dayOf(3, 15, 0));
  await series.startTime.fill("02:30");
  await series.count.fill("3");
  await series.create.click();
  await expect(series.startTime).toHaveAccessibleDescription(/02:30 does not exist in Europe\/Berlin \(clocks go forward\)/);

  // A series over 52 dates is refused on its count.
  await series.count.fill("53");
  await series.create.click();
  await expect(series.count).toHaveAccessibleDescription(/A series has at most 52 occurrences\./);

  // The example: Tuesdays 09:00–10:00 Berlin for 8 weeks, straddling the change.
  await series.firstDate.fill(dayOf(3, 1, 2));
  await series.startTime.fill("09:00");
  await series.duration.fill("60");
  await series.count.fill("8");
  await series.create.click();
  await expect(page).toHaveURL(/\/organize\/series\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(series.dates()).toHaveCount(8);
  for (const row of await series.dates().all()) await expect(row).toContainText("09:00");

  await series.publishAll.click();
  await expect(page.getByRole("status")).toHaveText("Published 8 drafts.");
  await expect(series.dates().filter({ hasText: "Published" })).toHaveCount(8);
  // Each date is an event of its own, which knows its place in the series.
  await series.dates().nth(2).getByRole("link", { name: title }).click();
  await expect(page.getByRole("link", { name: "Date 3 of a series of 8" })).toBeVisible();
  await page.context().close();
});

test("an executive reads the briefing pack of their safari and keeps what they expect to hear, with their empathy before", async ({ browser }) => {
  // Ahmet holds a seat on the service-desk day ahead (db/seed-data.ts).
  const page = await signedInPage(browser, "ahmet.yildiz@safari.example");
  const briefing = new BriefingPage(page);
  await page.goto(`/safaris/${seedId("event:service-desk-umzug")}`);
  await page.getByRole("link", { name: /Your briefing pack/ }).click();
  await expect(page).toHaveURL(/\/briefing$/);
  for (const section of ["Who you will meet", "How to take part", "Logistics", "Before you go"]) await expect(briefing.section(section)).toBeVisible();
  await expect(briefing.print).toBeVisible();

  await briefing.expectation.fill(" ");
  await briefing.keep.click();
  await expect(briefing.expectation).toHaveAccessibleDescription(/Write what you expect to hear/);
  await expect(briefing.empathy(empathyItems[0])).toHaveAccessibleDescription(/Rate “I know what frustrates this kind of customer\.” from 1 to 7\./);
  await briefing.expectation.fill("People who just moved, angry that the line is not switched over yet.");
  const ratings = ["2", "5", "3"];
  for (const [index, item] of empathyItems.entries()) await briefing.empathy(item).getByLabel(ratings[index]!, { exact: true }).check();
  await briefing.keep.click();
  await expect(page.getByRole("status")).toContainText("Kept.");
  await page.reload();
  await expect(briefing.expectation).toHaveValue("People who just moved, angry that the line is not switched over yet.");
  for (const [index, item] of empathyItems.entries()) await expect(briefing.empathy(item).getByLabel(ratings[index]!, { exact: true })).toBeChecked();
  await page.context().close();
});
