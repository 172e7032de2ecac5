import type { Locator, Page } from "@playwright/test";

/** The executive's own safaris (/safaris/mine). */
export class MySafarisPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/safaris/mine");
  }

  safariLink(title: string): Locator {
    return this.page.getByRole("link", { name: title, exact: true });
  }

  writeReflection(title: string): Locator {
    return this.page.getByRole("link", { name: `Write reflection on ${title}` });
  }
}
