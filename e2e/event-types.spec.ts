import { expect, test } from "@playwright/test";
import { demoSignIns } from "@/db/seed-data";
import { EventFormPage } from "./pages/event-form-page";
import { EventTypesPage } from "./pages/event-types-page";
import { signedInPage } from "./support/demo-accounts";

/*
 * Safari types as data: an organizer adds a type to the catalogue, a new event starts from its defaults,
 * and its seat limit holds in the form. The type's name is this run's own, since specs share one database.
 */
const organizer = demoSignIns.find((s) => s.role === "organizer")!;

test("an organizer adds a type, starts a new event from it, and its seat limit holds", async ({ browser }) => {
  const page = await signedInPage(browser, organizer.email);
  const types = new EventTypesPage(page);
  const name = `Café visit ${Date.now().toString(36)}`;

  await types.goto();
  // Bad input first: nothing is saved, each field says what is wrong.
  await types.name.fill(name);
  await types.usualLength.fill("5");
  await types.usualSeats.fill("2");
  await types.mostSeats.fill("1");
  await types.add.click();
  await expect(types.usualLength).toHaveAccessibleDescription("Give the usual length in minutes, from 15 to 1440 (a day).");
  await expect(types.mostSeats).toHaveAccessibleDescription(/The most seats cannot be fewer than the usual seats/);
  await expect(types.catalogue().getByRole("link", { name })).toHaveCount(0);

  await types.usualLength.fill("90");
  await types.mostSeats.fill("2");
  await types.lateWindow.fill("48");
  await types.guidance.fill("Order what the customer orders; listen more than you talk.");
  await types.add.click();
  await expect(page).toHaveURL(/\/organize\/types\/cafe_visit_/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await types.goto();
  await expect(types.catalogue().getByRole("row").filter({ hasText: name })).toContainText("1 h 30 min");

  // A new event from the type: its seats, its guidance, and its usual length from tomorrow 09:00.
  const form = new EventFormPage(page);
  await form.gotoNew();
  await page.getByRole("navigation", { name: "Start from a type" }).getByRole("link", { name }).click();
  await expect(form.type.locator("option:checked")).toHaveText(name);
  await expect(form.seats).toHaveValue("2");
  await expect(form.briefing).toHaveValue("Order what the customer orders; listen more than you talk.");
  await expect(form.start).toHaveValue(/T09:00$/);
  await expect(form.end).toHaveValue(/T10:30$/);

  await form.title.fill("Coffee with a customer who left us");
  await form.seats.fill("3");
  await form.createDraft.click();
  await expect(form.seats).toHaveAccessibleDescription(new RegExp(`A ${name.toLowerCase()} takes at most 2 executives\\.`));
  await form.seats.fill("2");
  await form.createDraft.click();
  await expect(page).toHaveURL(/\/organize\/events\/[0-9a-f-]{36}$/);
  await expect(page.getByText(name, { exact: true })).toBeVisible();
  await page.context().close();
});
