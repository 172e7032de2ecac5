import { expect, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { CadencePage } from "./pages/cadence-page";
import { signedInPage } from "./support/demo-accounts";

/* The organizer's cadence board over the seeded company: 20 executives, five in each of four departments. */
const organizer = "jonas.weber@safari.example";

test("the organizer opens the board, filters by department, sorts and pages", async ({ browser }) => {
  const page = await signedInPage(browser, organizer);
  await new AppShell(page).mainNav.getByRole("link", { name: "Cadence" }).click();
  const board = new CadencePage(page);
  await expect(board.heading).toBeVisible();
  await expect(board.count).toBeVisible();
  // The current quarter is chosen; the table has a column header for every figure.
  await expect(board.quarter.locator("option:checked")).toHaveText(/^Q[1-4] \d{4}$/);
  for (const column of ["Executive", "Target", "Attended", "Confirmed", "Invited", "On track", "Since last customer contact"]) {
    await expect(board.table.getByRole("columnheader", { name: column })).toBeVisible();
  }

  // Filter by department: only Finance, and the filter stays in the URL and the form.
  await board.department.selectOption("Finance");
  await board.show.click();
  await expect(page).toHaveURL((url) => url.searchParams.get("department") === "Finance");
  await expect(board.department).toHaveValue("Finance");
  await expect(board.count).toHaveText("5 executives match.");
  await expect(board.rows).toHaveCount(5);
  expect(new Set(await board.column(1))).toEqual(new Set(["Finance"]));

  // Sort by shortfall: everyone behind target comes before everyone on track.
  await board.order.selectOption({ label: "Furthest behind target" });
  await board.show.click();
  await expect(page).toHaveURL((url) => url.searchParams.get("sort") === "shortfall" && url.searchParams.get("department") === "Finance");
  const verdicts = await board.column(7);
  const firstOnTrack = verdicts.indexOf("On track");
  if (firstOnTrack >= 0) expect(verdicts.slice(firstOnTrack).every((v) => v === "On track")).toBe(true);

  // Everyone, by name, ten a page: two pages, there and back.
  await board.department.selectOption("");
  await board.order.selectOption({ label: "Name" });
  await board.pageSize.selectOption("10");
  await board.show.click();
  await expect(board.count).toHaveText("20 executives match.");
  await expect(board.rows).toHaveCount(10);
  const first = await board.names();
  expect(first[0]).toBe("Ahmet Yıldız");
  await expect(board.previousPage).toHaveCount(0);
  await board.nextPage.click();
  await expect(page).toHaveURL((url) => Boolean(url.searchParams.get("after")) && url.searchParams.get("sort") === "name");
  await expect(board.rows).toHaveCount(10);
  const second = await board.names();
  expect(second[0]).toBe("Julia Neumann");
  expect(second.filter((name) => first.includes(name))).toEqual([]);
  await expect(board.nextPage).toHaveCount(0);
  await board.previousPage.click();
  await expect(board.rows).toHaveCount(10);
  expect(await board.names()).toEqual(first);
  await page.context().close();
});

test("a view the board cannot read is explained, not an error page", async ({ browser }) => {
  const page = await signedInPage(browser, organizer);
  const board = new CadencePage(page);
  await board.goto("?sort=salary&quarter=2026-Q9");
  await expect(board.heading).toBeVisible();
  await expect(board.alert(/This view cannot be read/)).toBeVisible();
  await expect(board.order).toHaveAccessibleDescription("Choose an order from the list.");
  await expect(board.quarter).toHaveAccessibleDescription("Choose a quarter from the list (written like 2026-Q3).");
  await expect(board.count).toHaveCount(0);
  // A department no one is in lists nobody, and says so.
  await board.goto("?department=Nowhere");
  await expect(board.count).toHaveText("0 executives match.");
  await expect(board.empty).toBeVisible();
  await page.context().close();
});
