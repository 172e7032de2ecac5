import type { Locator, Page } from "@playwright/test";

/** The executive's reflection after a safari (/reflections/new). */
export class ReflectionFormPage {
  readonly ouchMoments: Locator;
  readonly aahMoments: Locator;
  readonly emotion: Locator;
  readonly intensity: Locator;
  readonly commitment: Locator;
  readonly dueOn: Locator;
  readonly shareWithCxTeam: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.ouchMoments = page.getByLabel("Ouch moments");
    this.aahMoments = page.getByLabel("Aah moments");
    this.emotion = page.getByLabel("Strongest emotion");
    this.intensity = page.getByLabel("How strongly");
    this.commitment = page.getByLabel("Your commitment");
    this.dueOn = page.getByLabel("Done by");
    this.shareWithCxTeam = page.getByLabel("Me and the CX team");
    this.save = page.getByRole("button", { name: "Save reflection" });
  }
}
