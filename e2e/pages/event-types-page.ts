import type { Locator, Page } from "@playwright/test";

/** The catalogue of safari types (/organize/types) and one type's page (/organize/types/[key]). */
export class EventTypesPage {
  readonly name: Locator;
  readonly usualLength: Locator;
  readonly lateWindow: Locator;
  readonly usualSeats: Locator;
  readonly mostSeats: Locator;
  readonly guidance: Locator;
  readonly add: Locator;
  readonly save: Locator;
  readonly archive: Locator;
  readonly offerAgain: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel("Name", { exact: true });
    this.usualLength = page.getByLabel("Usual length (minutes)");
    this.lateWindow = page.getByLabel("Late withdrawal window (hours)");
    this.usualSeats = page.getByLabel("Usual seats");
    this.mostSeats = page.getByLabel("Most seats");
    this.guidance = page.getByLabel("Guidance for the executive");
    this.add = page.getByRole("button", { name: "Add type" });
    this.save = page.getByRole("button", { name: "Save type" });
    this.archive = page.getByRole("button", { name: "Archive this type" });
    this.offerAgain = page.getByRole("button", { name: "Offer for new events" });
  }

  async goto() {
    await this.page.goto("/organize/types");
  }

  catalogue(): Locator {
    return this.page.getByRole("table", { name: "Types of safari" });
  }
}
