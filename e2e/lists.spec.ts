import { expect, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { signedInPage } from "./support/demo-accounts";

/*
 * The long lists keep their state in the URL: filters, page size and position. Found by role and label,
 * as a person finds them. The seeded programme has past events such as "Frühstück mit jungen Familien".
 */
const organizer = "jonas.weber@safari.example";
const admin = "tobias.krueger@safari.example";
const executive = "markus.brandt@safari.example";

test("the organizer finds past events by title, and the filter stays in the URL and the form", async ({ browser }) => {
  const page = await signedInPage(browser, organizer);
  await new AppShell(page).mainNav.getByRole("link", { name: "Events" }).click();
  const tabs = page.getByRole("navigation", { name: "Upcoming or past events" });
  await expect(tabs.getByRole("link", { name: "Upcoming" })).toHaveAttribute("aria-current", "page");

  await tabs.getByRole("link", { name: "Past" }).click();
  await expect(tabs.getByRole("link", { name: "Past" })).toHaveAttribute("aria-current", "page");
  const search = page.getByLabel("Title contains");
  await search.fill("FRÜHSTÜCK");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("q") === "FRÜHSTÜCK" && url.searchParams.get("when") === "past");
  await expect(search).toHaveValue("FRÜHSTÜCK");
  const table = page.getByRole("table", { name: "Past events, latest first" });
  await expect(table.getByRole("link", { name: "Frühstück mit jungen Familien" })).toBeVisible();
  const titles = await table.getByRole("row").filter({ has: page.getByRole("link") }).getByRole("link").allInnerTexts();
  expect(titles.length).toBeGreaterThan(0);
  for (const title of titles) expect(title.toLowerCase()).toContain("frühstück");
  await expect(page.getByRole("status").filter({ hasText: /match/ })).toHaveText(titles.length === 1 ? "1 event matches." : `${titles.length} events match.`);

  // Nothing matches: an empty list that says so, still on the past tab.
  await search.fill("no such safari anywhere");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("status").filter({ hasText: /match/ })).toHaveText("0 events match.");
  await expect(page.getByText("No past events match.")).toBeVisible();

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL((url) => url.search === "?when=past");
  await expect(search).toHaveValue("");
  await page.context().close();
});

test("the admin pages through the accounts, ten a page, there and back", async ({ browser }) => {
  const page = await signedInPage(browser, admin);
  await page.goto("/people");
  await page.getByLabel("Rows a page").selectOption("10");
  await page.getByRole("button", { name: "Show" }).click();
  const pages = page.getByRole("navigation", { name: "Pages of accounts" });
  const count = page.getByRole("status").filter({ hasText: /accounts match/ });
  const total = Number((await count.innerText()).split(" ")[0]);
  // Staff and 20 executives at least: more than two pages.
  expect(total).toBeGreaterThan(20);
  // Each account's row, as read; the header row has no cells.
  const names = () => page.getByRole("table", { name: "Accounts" }).getByRole("row").filter({ has: page.getByRole("cell") }).allInnerTexts();

  const first = await names();
  expect(first).toHaveLength(10);
  await expect(pages.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.has("after") && url.searchParams.get("size") === "10");
  const second = await names();
  expect(second).toHaveLength(10);
  expect(second.some((name) => first.includes(name))).toBe(false);
  await expect(count).toHaveText(`${total} accounts match.`);

  await pages.getByRole("link", { name: "Previous page" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.has("before"));
  expect(await names()).toEqual(first);
  await expect(pages.getByRole("link", { name: "First page" })).toHaveCount(0);
  await page.context().close();
});

test("a list whose URL cannot be read says what is wrong, field by field, and lists nothing", async ({ browser }) => {
  const page = await signedInPage(browser, executive);
  await page.goto("/safaris?from=2026-02-30&seats=all&size=1000");
  await expect(page.getByRole("alert").filter({ hasText: "This view cannot be read" })).toBeVisible();
  await expect(page.getByLabel("Starting from")).toHaveAccessibleDescription("From: that day does not exist.");
  await expect(page.getByLabel("Rows a page")).toHaveAccessibleDescription("Choose 10, 25 or 50 rows a page.");
  await expect(page.getByRole("list", { name: "Open safaris" })).toHaveCount(0);

  // A page link from a list that has changed starts again at the first page, saying so.
  await page.goto(`/safaris?after=${crypto.randomUUID()}`);
  await expect(page.getByRole("alert").filter({ hasText: "That page of the list does not exist any more" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /match/ })).toBeVisible();
  await page.context().close();
});
