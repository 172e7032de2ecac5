import type { Locator, Page } from "@playwright/test";

/** The ouch/aah library (/library): a search form, a count, and each moment an article named by what happened. */
export class LibraryPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/library${query}`);
  }

  get form(): Locator {
    return this.page.getByRole("form", { name: "Search the moments" });
  }

  get count(): Locator {
    return this.page.getByRole("status").filter({ hasText: /match/ });
  }

  async search(fields: { text?: string; kind?: "Both" | "Ouch" | "Aah" }) {
    if (fields.text !== undefined) await this.form.getByLabel("Words in the moment or quote").fill(fields.text);
    if (fields.kind !== undefined) await this.form.getByLabel("Ouch or aah").selectOption({ label: fields.kind });
    await this.form.getByRole("button", { name: "Search" }).click();
  }

  moment(body: string | RegExp): Locator {
    return this.page.getByRole("article", { name: body });
  }

  get moments(): Locator {
    return this.page.getByRole("article");
  }
}
