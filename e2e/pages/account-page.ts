import type { Locator, Page } from "@playwright/test";

/** The account screen (/account): changing one's password. */
export class AccountPage {
  readonly heading: Locator;
  readonly currentPassword: Locator;
  readonly newPassword: Locator;
  readonly confirmPassword: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Account", level: 1 });
    this.currentPassword = page.getByLabel("Current password", { exact: true });
    this.newPassword = page.getByLabel("New password", { exact: true });
    this.confirmPassword = page.getByLabel("New password again", { exact: true });
    this.submit = page.getByRole("button", { name: "Change password" });
  }

  async goto() {
    await this.page.goto("/account");
  }

  async changePassword(current: string, next: string) {
    await this.currentPassword.fill(current);
    await this.newPassword.fill(next);
    await this.confirmPassword.fill(next);
    await this.submit.click();
  }

  alert(text: string): Locator {
    return this.page.getByRole("alert").filter({ hasText: text });
  }

  status(text: string): Locator {
    return this.page.getByRole("status").filter({ hasText: text });
  }
}
