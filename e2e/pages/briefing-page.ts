import type { Locator, Page } from "@playwright/test";

/** A safari's briefing pack (/safaris/[id]/briefing). */
export class BriefingPage {
  readonly expectation: Locator;
  readonly keep: Locator;
  readonly print: Locator;

  constructor(readonly page: Page) {
    this.expectation = page.getByLabel("What do you expect to hear?");
    this.keep = page.getByRole("button", { name: "Keep my expectation" });
    this.print = page.getByRole("button", { name: "Print briefing" });
  }

  section(name: string): Locator {
    return this.page.getByRole("heading", { name, exact: true });
  }
}
