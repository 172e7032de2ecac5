import type { Locator, Page } from "@playwright/test";

/** The executive's own profile (/profile): time zone, languages, preferred types, blackout periods. */
export class ProfilePage {
  readonly heading: Locator;
  readonly timeZone: Locator;
  readonly addBlackout: Locator;
  readonly save: Locator;
  readonly noBlackouts: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Profile", level: 1 });
    this.timeZone = page.getByLabel("Time zone");
    this.addBlackout = page.getByRole("button", { name: "Add a blackout period" });
    this.save = page.getByRole("button", { name: "Save profile" });
    this.noBlackouts = page.getByText("No blackout periods.");
  }

  async goto() {
    await this.page.goto("/profile");
  }

  /** A language by its label, e.g. "Turkish (tr)". */
  language(label: string): Locator {
    return this.page.getByRole("group", { name: "Languages you can follow a customer in" }).getByLabel(label, { exact: true });
  }

  preferredType(label: string): Locator {
    return this.page.getByRole("group", { name: "Safari types you prefer" }).getByLabel(label, { exact: true });
  }

  blackoutStart(n: number): Locator {
    return this.page.getByLabel(`Start of blackout ${n}`, { exact: true });
  }

  blackoutEnd(n: number): Locator {
    return this.page.getByLabel(`End of blackout ${n}`, { exact: true });
  }

  removeBlackout(n: number): Locator {
    return this.page.getByRole("button", { name: `Remove blackout ${n}`, exact: true });
  }

  /** Adds a row and fills it with datetime-local values (yyyy-MM-ddTHH:mm). */
  async addBlackoutPeriod(n: number, start: string, end: string) {
    await this.addBlackout.click();
    await this.blackoutStart(n).fill(start);
    await this.blackoutEnd(n).fill(end);
  }

  status(text: string | RegExp): Locator {
    return this.page.getByRole("status").filter({ hasText: text });
  }
}
