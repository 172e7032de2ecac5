import type { Locator, Page } from "@playwright/test";

/** The calendar feed on the account screen (/account): make, replace and revoke one's private feed link. */
export class CalendarFeedSection {
  readonly section: Locator;
  readonly create: Locator;
  readonly replace: Locator;
  readonly revoke: Locator;
  readonly feedUrl: Locator;
  readonly webcalUrl: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole("region", { name: "Calendar feed" });
    this.create = this.section.getByRole("button", { name: "Create feed link" });
    this.replace = this.section.getByRole("button", { name: "Replace feed link" });
    this.revoke = this.section.getByRole("button", { name: "Revoke feed link" });
    this.feedUrl = this.section.getByLabel("Feed URL");
    this.webcalUrl = this.section.getByLabel("Webcal URL");
  }

  async goto() {
    await this.page.goto("/account");
  }

  status(text: string): Locator {
    return this.section.getByRole("status").filter({ hasText: text });
  }
}
