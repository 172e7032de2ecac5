import type { Locator, Page } from "@playwright/test";

/** The sign-in screen (/sign-in). */
export class SignInPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Sign in", level: 1 });
    this.email = page.getByLabel("E-mail", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Sign in" });
  }

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl === undefined ? "/sign-in" : `/sign-in?${new URLSearchParams({ callbackUrl })}`);
  }

  async signIn(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** A form-level alert with this text (Next.js keeps a route announcer alert of its own on every page). */
  alert(text: string): Locator {
    return this.page.getByRole("alert").filter({ hasText: text });
  }
}
