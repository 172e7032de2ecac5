import type { Locator, Page } from "@playwright/test";

/** The organizers' cadence board (/organize/cadence). */
export class CadencePage {
  readonly heading: Locator;
  readonly quarter: Locator;
  readonly department: Locator;
  readonly seniority: Locator;
  readonly order: Locator;
  readonly pageSize: Locator;
  readonly show: Locator;
  readonly clear: Locator;
  /** "20 executives match." */
  readonly count: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly empty: Locator;
  readonly pages: Locator;
  readonly nextPage: Locator;
  readonly previousPage: Locator;
  readonly firstPage: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Cadence board", level: 1 });
    const form = page.getByRole("form", { name: "Filter the cadence board" });
    this.quarter = form.getByLabel("Quarter");
    this.department = form.getByLabel("Department");
    this.seniority = form.getByLabel("Seniority");
    this.order = form.getByLabel("Order");
    this.pageSize = form.getByLabel("Rows a page");
    this.show = form.getByRole("button", { name: "Show" });
    this.clear = form.getByRole("link", { name: "Clear filters" });
    this.count = page.getByRole("status").filter({ hasText: /executives? match/ });
    this.table = page.getByRole("table", { name: /Executives' safaris in/ });
    this.rows = this.table.getByRole("row").filter({ has: page.getByRole("cell") });
    this.empty = page.getByText("No executives match these filters.");
    this.pages = page.getByRole("navigation", { name: "Pages of the cadence board" });
    this.nextPage = this.pages.getByRole("link", { name: "Next page" });
    this.previousPage = this.pages.getByRole("link", { name: "Previous page" });
    this.firstPage = this.pages.getByRole("link", { name: "First page" });
  }

  async goto(query = "") {
    await this.page.goto(`/organize/cadence${query}`);
  }

  /** The executives' names listed, in order (each row is headed by the name). */
  async names(): Promise<string[]> {
    return this.rows.getByRole("rowheader").allInnerTexts();
  }

  /** One column's cells, by the column's position after the name (1: Department … 8: since last contact). */
  async column(index: number): Promise<string[]> {
    return this.rows.locator(`xpath=td[${index}]`).allInnerTexts();
  }

  /** An alert with this text (Next.js keeps a route announcer alert of its own on every page). */
  alert(text: string | RegExp): Locator {
    return this.page.getByRole("alert").filter({ hasText: text });
  }
}
