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

  /** The 1–7 scale of one empathy item, by the statement rated. */
  empathy(item: string): Locator {
    return this.page.getByRole("group", { name: item });
  }

  section(name: string): Locator {
    return this.page.getByRole("heading", { name, exact: true });
  }
}
