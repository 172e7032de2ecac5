import type { Locator, Page } from "@playwright/test";

/** The leadership-engagement summary (/summary). */
export class SummaryPage {
  readonly notOutYet: Locator;
  readonly emotions: Locator;

  constructor(readonly page: Page) {
    this.notOutYet = page.getByRole("region", { name: "Not out yet this quarter" });
    this.emotions = page.getByRole("region", { name: "Emotions reported" });
  }

  /** The summary of a quarter such as "2026-Q4", or of the current one. */
  async goto(quarter?: string) {
    await this.page.goto(quarter ? `/summary?quarter=${quarter}` : "/summary");
  }

  /** The number shown for a figure such as "Reflections written". */
  async figure(term: string): Promise<number> {
    const value = this.page.getByRole("term").filter({ hasText: term }).locator("xpath=following-sibling::dd[1]");
    return Number(await value.innerText());
  }
}
