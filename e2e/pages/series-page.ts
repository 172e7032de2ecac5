import type { Locator, Page } from "@playwright/test";

/** The new-series form (/organize/series/new) and a series' page (/organize/series/[id]). */
export class SeriesPage {
  readonly title: Locator;
  readonly timeZone: Locator;
  readonly firstDate: Locator;
  readonly startTime: Locator;
  readonly duration: Locator;
  readonly count: Locator;
  readonly moveSkipped: Locator;
  readonly create: Locator;
  readonly publishAll: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByLabel("Title");
    this.timeZone = page.getByLabel("Time zone");
    this.firstDate = page.getByLabel("First date");
    this.startTime = page.getByLabel("Start time");
    this.duration = page.getByLabel("Duration in minutes");
    this.count = page.getByLabel("Number of dates");
    this.moveSkipped = page.getByLabel("Move such a date");
    this.create = page.getByRole("button", { name: "Create drafts" });
    this.publishAll = page.getByRole("button", { name: "Publish all drafts" });
  }

  async gotoNew(type: string) {
    await this.page.goto(`/organize/series/new?type=${type}`);
  }

  dates(): Locator {
    return this.page.getByRole("table", { name: "Dates of this series" }).getByRole("row").filter({ has: this.page.getByRole("cell") });
  }
}
