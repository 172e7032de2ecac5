import type { Locator, Page } from "@playwright/test";

/** The CX team's executives (/organize/executives) and one executive's profile (/organize/executives/[id]). */
export class ExecutiveProfilePage {
  readonly listHeading: Locator;
  readonly department: Locator;
  readonly seniority: Locator;
  readonly cadenceTarget: Locator;
  readonly monthlyCap: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.listHeading = page.getByRole("heading", { name: "Executives", level: 1 });
    this.department = page.getByLabel("Department");
    this.seniority = page.getByLabel("Seniority");
    this.cadenceTarget = page.getByLabel("Safaris per quarter (target)");
    this.monthlyCap = page.getByLabel("Safaris per month at most (cap)");
    this.save = page.getByRole("button", { name: "Save profile" });
  }

  /** The overview's row of one executive. */
  row(name: string): Locator {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  /** Narrows the overview with its search, as a person would on a long (paged) list. */
  async search(text: string) {
    await this.page.getByLabel("Name or e-mail contains").fill(text);
    await this.page.getByRole("button", { name: "Show" }).click();
    await this.page.waitForURL((url) => url.searchParams.get("q") === text);
  }

  /** Finds the executive by name and opens the profile. */
  async open(name: string) {
    await this.search(name);
    await this.page.getByRole("link", { name, exact: true }).click();
    await this.page.getByRole("heading", { name, level: 1 }).waitFor();
  }

  status(text: string | RegExp): Locator {
    return this.page.getByRole("status").filter({ hasText: text });
  }
}
