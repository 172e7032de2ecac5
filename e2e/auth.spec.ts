import { expect, test } from "@playwright/test";
import type { UserRole } from "@/db/schema";
import { demoPassword, demoSignIns } from "@/db/seed-data";
import { AppShell } from "./pages/app-shell";
import { SignInPage } from "./pages/sign-in-page";

const genericFailure = "That e-mail and password do not match an account.";
const startPage: Record<UserRole, string> = { organizer: "/organize", executive: "/safaris", reviewer: "/summary", admin: "/people" };
const executive = demoSignIns.find((s) => s.role === "executive")!;

test("a signed-out visitor is sent to sign in, and comes back where they were going", async ({ page }) => {
  await page.goto("/safaris");
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  const signIn = new SignInPage(page);
  await expect(signIn.heading).toBeVisible();

  await signIn.signIn(executive.email, demoPassword);
  await expect(page).toHaveURL((url) => url.pathname === "/safaris");
});

test("a wrong password and an unknown e-mail get the same message", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(executive.email, "not-the-password");
  await expect(signIn.alert(genericFailure)).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  // The e-mail stays filled in; the password does not.
  await expect(signIn.email).toHaveValue(executive.email);
  await expect(signIn.password).toHaveValue("");

  await signIn.signIn("nobody@safari.example", demoPassword);
  await expect(signIn.alert(genericFailure)).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
});

test("the form says which field is missing before anything is sent", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.submit.click();
  await expect(signIn.email).toHaveAccessibleDescription(/e-mail/i);
  await expect(signIn.password).toHaveAccessibleDescription(/password/i);
});

const firstOfEachRole = demoSignIns.filter((s, index, all) => all.findIndex((other) => other.role === s.role) === index);

for (const account of firstOfEachRole) {
  test(`the ${account.role} ${account.name} lands on ${startPage[account.role]}`, async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(account.email, demoPassword);
    await expect(page).toHaveURL((url) => url.pathname === startPage[account.role]);
    await expect(new AppShell(page).signOutButton).toBeVisible();
  });
}

test("signing out ends the session", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(executive.email, demoPassword);
  await expect(page).toHaveURL((url) => url.pathname === "/safaris");

  await new AppShell(page).signOut();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  await page.goto("/safaris");
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
});
