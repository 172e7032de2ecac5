import type { Locator, Page } from "@playwright/test";

/**
 * A list of commitments: the executive's own (/commitments) or the organizers' (/organize/commitments).
 * Each commitment is a region named by what was committed; its controls are found within it.
 */
export class CommitmentsPage {
  constructor(
    readonly page: Page,
    readonly path: "/commitments" | "/organize/commitments",
  ) {}

  async goto(query = "") {
    await this.page.goto(`${this.path}${query}`);
  }

  get filter(): Locator {
    return this.page.getByRole("form", { name: /^Filter/ });
  }

  async search(fields: { text?: string; status?: string }) {
    if (fields.text !== undefined) await this.filter.getByLabel("Commitment, executive or safari contains").fill(fields.text);
    if (fields.status !== undefined) await this.filter.getByLabel("Status").selectOption({ label: fields.status });
    await this.filter.getByRole("button", { name: "Show" }).click();
  }

  commitment(body: string | RegExp): Locator {
    return this.page.getByRole("region", { name: body });
  }

  /** Opens a commitment's update controls (a disclosure that stays open across saves). */
  async openUpdate(body: string | RegExp) {
    const details = this.commitment(body).locator("details");
    if (!(await details.evaluate((element: HTMLDetailsElement) => element.open))) await details.getByText("Update this commitment").click();
    return this.commitment(body);
  }

  async update(body: string | RegExp, { status, note }: { status?: string; note?: string }) {
    const region = await this.openUpdate(body);
    if (status) await region.getByLabel("New status").selectOption({ label: status });
    if (note !== undefined) await region.getByLabel("Progress note").fill(note);
    await region.getByRole("button", { name: "Save update" }).click();
  }

  async closeLoop(body: string | RegExp, { note, customerTold, frontlineTold }: { note: string; customerTold: boolean; frontlineTold: boolean }) {
    const region = await this.openUpdate(body);
    await region.getByLabel("What was done (you told us X; we did Y)").fill(note);
    if (customerTold) await region.getByLabel("The customer was told").check();
    if (frontlineTold) await region.getByLabel("The frontline host was told").check();
    await region.getByRole("button", { name: "Close the loop" }).click();
  }
}
