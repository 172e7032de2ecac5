import { expect, test } from "@playwright/test";
import { demoPassword, demoSignIns } from "@/db/seed-data";
import { AppShell } from "./pages/app-shell";
import { AuditPage } from "./pages/audit-page";
import { SignInPage } from "./pages/sign-in-page";

const admin = demoSignIns.find((s) => s.role === "admin")!;

test.beforeEach(async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(admin.email, demoPassword);
  await expect(page).not.toHaveURL(/\/sign-in/);
});

test("the admin opens the audit trail and filters it by person and period", async ({ page }) => {
  await new AppShell(page).mainNav.getByRole("link", { name: "Audit trail" }).click();
  const audit = new AuditPage(page);
  await expect(audit.heading).toBeVisible();
  await expect(audit.count).toBeVisible();

  const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/Berlin" });
  await audit.person.selectOption({ label: admin.name });
  await audit.from.fill(today);
  await audit.to.fill(today);
  await audit.filter.click();

  // The filter is in the URL and the form keeps it; whatever is listed is the admin's own.
  await expect(page).toHaveURL((url) => url.searchParams.get("from") === today && url.searchParams.get("to") === today && Boolean(url.searchParams.get("actor")));
  await expect(audit.person.locator("option:checked")).toHaveText(admin.name);
  await expect(audit.from).toHaveValue(today);
  await expect(audit.count).toBeVisible();
  for (const who of await audit.who()) expect(who).toBe(admin.name);

  // A period before anything happened matches nothing, and says so.
  await audit.from.fill("2020-01-01");
  await audit.to.fill("2020-01-31");
  await audit.filter.click();
  await expect(page).toHaveURL(/from=2020-01-01/);
  await expect(audit.count).toHaveText("0 entries match.");
  await expect(audit.empty).toBeVisible();

  await audit.clear.click();
  await expect(page).toHaveURL((url) => url.pathname === "/audit" && url.search === "");
  await expect(audit.person).toHaveValue("");

  // Anyone, staff or not, by part of their name: whatever is listed is theirs.
  await audit.whoSearch.fill(admin.name.split(" ")[0]!.toUpperCase());
  await audit.filter.click();
  await expect(page).toHaveURL((url) => url.searchParams.get("who") === admin.name.split(" ")[0]!.toUpperCase());
  await expect(audit.count).toBeVisible();
  for (const who of await audit.who()) expect(who).toBe(admin.name);
});

test("a filter the page cannot read is explained, not an error page", async ({ page }) => {
  const audit = new AuditPage(page);
  await audit.goto("?from=2026-02-30&type=invoice");
  await expect(audit.heading).toBeVisible();
  await expect(audit.alert(/This filter cannot be read/)).toBeVisible();
  await expect(audit.from).toHaveAccessibleDescription("This is not a date on the calendar.");
  await expect(audit.objectType).toHaveAccessibleDescription("Choose a kind of object from the list.");
  await expect(audit.count).toHaveCount(0);
});

test("other roles cannot open the audit trail", async ({ page, browser }) => {
  const reviewer = demoSignIns.find((s) => s.role === "reviewer")!;
  const context = await browser.newContext();
  const other = await context.newPage();
  const signIn = new SignInPage(other);
  await signIn.goto();
  await signIn.signIn(reviewer.email, demoPassword);
  await expect(other).not.toHaveURL(/\/sign-in/);
  await other.goto("/audit");
  await expect(other.getByRole("heading", { name: "Not allowed", level: 1 })).toBeVisible();
  await expect(new AppShell(other).mainNav.getByRole("link", { name: "Audit trail" })).toHaveCount(0);
  await context.close();
  // The admin's own navigation has it.
  await expect(new AppShell(page).mainNav.getByRole("link", { name: "Audit trail" })).toBeVisible();
});
