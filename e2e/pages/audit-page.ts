import type { Locator, Page } from "@playwright/test";

/** The admin's audit trail (/audit). */
export class AuditPage {
  readonly heading: Locator;
  readonly person: Locator;
  readonly objectType: Locator;
  readonly objectId: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly filter: Locator;
  readonly clear: Locator;
  /** "12 entries match." */
  readonly count: Locator;
  readonly entries: Locator;
  readonly whoSearch: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Audit trail", level: 1 });
    const form = page.getByRole("form", { name: "Filter the audit trail" });
    this.person = form.getByLabel("Person", { exact: true });
    this.whoSearch = form.getByLabel("Name or e-mail contains");
    this.objectType = form.getByLabel("Kind of object");
    this.objectId = form.getByLabel("Object id");
    this.from = form.getByLabel("From (date)");
    this.to = form.getByLabel("To (date, included)");
    this.filter = form.getByRole("button", { name: "Filter" });
    this.clear = form.getByRole("link", { name: "Clear filters" });
    this.count = page.getByRole("status").filter({ hasText: /entr(y|ies) match/ });
    this.entries = page.getByRole("table", { name: /Audit trail entries/ }).getByRole("row").filter({ has: page.getByRole("cell") });
    this.empty = page.getByText("No entries match these filters.");
  }

  async goto(query = "") {
    await this.page.goto(`/audit${query}`);
  }

  /** The "Who" column of the entries listed. */
  async who(): Promise<string[]> {
    return this.entries.locator("xpath=td[2]").allInnerTexts();
  }

  /** An alert with this text (Next.js keeps a route announcer alert of its own on every page). */
  alert(text: string | RegExp): Locator {
    return this.page.getByRole("alert").filter({ hasText: text });
  }
}
