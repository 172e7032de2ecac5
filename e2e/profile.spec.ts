import { expect, test } from "@playwright/test";
import { instantToLocal } from "@/lib/time/zones";
import { AppShell } from "./pages/app-shell";
import { ExecutiveProfilePage } from "./pages/executive-profile-page";
import { ProfilePage } from "./pages/profile-page";
import { demoAccount, signedInPage } from "./support/demo-accounts";

/*
 * Executive profiles through the UI: an executive keeps their own languages, preferences and blackout
 * periods; an organizer sets an executive's cadence target and monthly cap and meets the field errors.
 */
const executive = demoAccount("katerina.dimitriou@safari.example");
const organizer = demoAccount("jonas.weber@safari.example");
const profiled = demoAccount("christina.vogel@safari.example");

/** A wall-clock time some days ahead in Berlin, as a datetime-local value. */
const ahead = (days: number, time: string) => `${instantToLocal(new Date(Date.now() + days * 86_400_000), "Europe/Berlin").slice(0, 10)}T${time}`;

test("an executive edits their own profile: zone, languages, preferred types, and blackouts added and removed", async ({ browser }) => {
  const page = await signedInPage(browser, executive.email);
  await new AppShell(page).mainNav.getByRole("link", { name: "Profile" }).click();
  const profile = new ProfilePage(page);
  await expect(profile.heading).toBeVisible();
  // Seeded: Athens, Greek and English.
  await expect(profile.timeZone).toHaveValue("Europe/Athens");
  await expect(profile.language("Greek (el)")).toBeChecked();

  await profile.timeZone.selectOption("Europe/Berlin");
  await profile.language("Turkish (tr)").check();
  await profile.preferredType("Home visit").check();
  await profile.addBlackoutPeriod(1, ahead(20, "08:00"), ahead(22, "18:00"));
  // A second period that ends before it starts is refused beside its row, and nothing is saved.
  await profile.addBlackoutPeriod(2, ahead(30, "12:00"), ahead(30, "09:00"));
  await profile.save.click();
  await expect(page.getByText("The end must be after the start.")).toBeVisible();
  await expect(profile.blackoutEnd(2)).toHaveAttribute("aria-invalid", "true");
  await profile.removeBlackout(2).click();
  await profile.save.click();
  await expect(profile.status("Your profile has been saved.")).toBeVisible();

  await page.reload();
  await expect(profile.timeZone).toHaveValue("Europe/Berlin");
  await expect(profile.language("Turkish (tr)")).toBeChecked();
  await expect(profile.language("Greek (el)")).toBeChecked();
  await expect(profile.preferredType("Home visit")).toBeChecked();
  await expect(profile.blackoutStart(1)).toHaveValue(ahead(20, "08:00"));
  await expect(profile.blackoutEnd(1)).toHaveValue(ahead(22, "18:00"));
  await expect(profile.blackoutStart(2)).toHaveCount(0);

  await profile.removeBlackout(1).click();
  await profile.save.click();
  await expect(profile.status("Your profile has been saved.")).toBeVisible();
  await page.reload();
  await expect(profile.noBlackouts).toBeVisible();
  await page.context().close();
});

test("an organizer edits an executive's cadence target and monthly cap, and sees field errors first", async ({ browser }) => {
  const page = await signedInPage(browser, organizer.email);
  await new AppShell(page).mainNav.getByRole("link", { name: "Executives" }).click();
  const executives = new ExecutiveProfilePage(page);
  await expect(executives.listHeading).toBeVisible();
  await executives.open(profiled.name);
  await expect(executives.department).toHaveValue("Product & IT");

  await executives.department.fill("   ");
  await executives.cadenceTarget.fill("13");
  await executives.monthlyCap.fill("");
  await executives.save.click();
  await expect(page.getByText("Enter the department.")).toBeVisible();
  await expect(page.getByText("Enter the target as a whole number from 0 to 12.")).toBeVisible();
  await expect(page.getByText("Enter the cap as a whole number from 0 to 31.")).toBeVisible();
  await expect(executives.cadenceTarget).toHaveAttribute("aria-invalid", "true");

  await executives.department.fill("Product & IT");
  await executives.cadenceTarget.fill("3");
  await executives.monthlyCap.fill("4");
  await executives.save.click();
  await expect(executives.status("Profile saved.")).toBeVisible();

  await page.getByRole("link", { name: "All executives" }).click();
  await executives.search(profiled.name);
  await expect(page.getByRole("status").filter({ hasText: "1 executive matches." })).toBeVisible();
  await expect(executives.row(profiled.name).getByRole("cell")).toHaveText([profiled.name, "Product & IT", "C-level", "3", "4"]);
  await page.context().close();
});
