import type { Locator, Page } from "@playwright/test";

/** Open safaris (/safaris) and one safari as an executive sees it (/safaris/[id]). */
export class SafariPage {
  readonly signUp: Locator;

  constructor(readonly page: Page) {
    this.signUp = page.getByRole("button", { name: "Sign up" });
  }

  async gotoOpen() {
    await this.page.goto("/safaris");
  }

  link(title: string): Locator {
    return this.page.getByRole("link", { name: title });
  }

  heading(title: string): Locator {
    return this.page.getByRole("heading", { name: title, level: 1 });
  }

  status(text: string | RegExp): Locator {
    return this.page.getByRole("status").filter({ hasText: text });
  }
}
