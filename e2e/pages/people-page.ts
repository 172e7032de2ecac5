import type { Locator, Page } from "@playwright/test";

/** The admin's people screen (/people): roles and sessions per person. */
export class PeoplePage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "People", level: 1 });
  }

  /** The accounts, or those whose name or e-mail contains `search` (the list is paged). */
  async goto(search?: string) {
    await this.page.goto(search ? `/people?q=${encodeURIComponent(search)}` : "/people");
  }

  row(name: string): Locator {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("cell").getByText(name, { exact: true }) });
  }

  endSessionsButton(name: string): Locator {
    return this.page.getByRole("button", { name: `End all sessions of ${name}`, exact: true });
  }

  roleSelect(name: string): Locator {
    return this.page.getByLabel(`Role of ${name}`, { exact: true });
  }

  /** Ends every session of the person, answering the confirmation with yes. */
  async endAllSessions(name: string) {
    this.page.once("dialog", (dialog) => void dialog.accept());
    await this.endSessionsButton(name).click();
  }
}
