import type { Locator, Page } from "@playwright/test";

/** The frame around every signed-in screen: main navigation and the sign-out button. */
export class AppShell {
  readonly signOutButton: Locator;
  readonly mainNav: Locator;

  constructor(readonly page: Page) {
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
    this.mainNav = page.getByRole("navigation", { name: "Main" });
  }

  async signOut() {
    await this.signOutButton.click();
  }
}
