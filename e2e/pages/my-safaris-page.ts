import type { Locator, Page } from "@playwright/test";

/** The executive's own safaris (/safaris/mine). */
export class MySafarisPage {
  readonly upcoming: Locator;
  readonly past: Locator;

  constructor(readonly page: Page) {
    this.upcoming = page.getByRole("region", { name: "Upcoming" });
    this.past = page.getByRole("region", { name: "Past" });
  }

  async goto() {
    await this.page.goto("/safaris/mine");
  }

  safariLink(title: string): Locator {
    return this.page.getByRole("link", { name: title, exact: true });
  }

  /** One safari of the list, by its title. */
  item(title: string): Locator {
    return this.page.getByRole("listitem").filter({ has: this.safariLink(title) });
  }

  writeReflection(title: string): Locator {
    return this.page.getByRole("link", { name: `Write reflection on ${title}` });
  }
}
