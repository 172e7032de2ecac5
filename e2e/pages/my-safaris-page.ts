import type { Locator, Page } from "@playwright/test";

/** The executive's own safaris (/safaris/mine). */
export class MySafarisPage {
  readonly upcoming: Locator;
  readonly past: Locator;

  constructor(readonly page: Page) {
    this.upcoming = page.getByRole("region", { name: "Upcoming" });
    this.past = page.getByRole("region", { name: "Past" });
  }

  /** The upcoming safaris, or the past ones (attended ones among them, where the reflection starts). */
  async goto(tab: "upcoming" | "past" = "upcoming") {
    await this.page.goto(tab === "past" ? "/safaris/mine?when=past" : "/safaris/mine");
  }

  /** Switches tabs the way a person does, by the tab's link. */
  tab(name: "Upcoming" | "Past"): Locator {
    return this.page.getByRole("navigation", { name: "Upcoming or past safaris" }).getByRole("link", { name });
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
