import type { Locator, Page } from "@playwright/test";

/** One moment's fieldset ("Moment 1") of the reflection form. */
export class MomentFields {
  readonly body: Locator;
  readonly quote: Locator;
  readonly stage: Locator;
  readonly emotion: Locator;

  constructor(readonly group: Locator) {
    this.body = group.getByLabel("What happened");
    this.quote = group.getByLabel("In the customer's own words (optional)");
    this.stage = group.getByLabel("Journey stage");
    this.emotion = group.getByLabel("The emotion it stirred in you");
  }

  kind(label: "Ouch" | "Aah"): Locator {
    return this.group.getByLabel(label, { exact: true });
  }

  intensity(value: number): Locator {
    return this.group.getByRole("group", { name: "How strongly you felt it" }).getByLabel(String(value), { exact: true });
  }
}

/** One commitment's fieldset ("Commitment 1"). */
export class CommitmentFields {
  readonly body: Locator;
  readonly dueOn: Locator;
  readonly helpers: Locator;

  constructor(readonly group: Locator) {
    this.body = group.getByLabel("What I will change");
    this.dueOn = group.getByLabel("Done by");
    this.helpers = group.getByLabel("Who else is needed (optional)");
  }

  answers(moment: number): Locator {
    return this.group.getByLabel(`Answers moment ${moment}`);
  }
}

/** The executive's structured reflection after a safari (/reflections/new, and /reflections/[id]/edit). */
export class ReflectionFormPage {
  readonly addMoment: Locator;
  readonly addCommitment: Locator;
  readonly mapSaid: Locator;
  readonly mapFelt: Locator;
  readonly surprise: Locator;
  readonly draftStatus: Locator;
  readonly errorSummary: Locator;
  readonly shareWithCxTeam: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.addMoment = page.getByRole("button", { name: "Add a moment" });
    this.addCommitment = page.getByRole("button", { name: "Add a commitment" });
    this.mapSaid = page.getByLabel("What the customer said");
    this.mapFelt = page.getByLabel("What the customer felt");
    this.surprise = page.getByLabel("What surprised you");
    this.draftStatus = page.getByRole("status").filter({ hasText: /Draft|Saving/ });
    this.errorSummary = page.getByRole("alert").filter({ hasText: "Some fields need your attention" });
    this.shareWithCxTeam = page.getByLabel("Me and the CX team");
    this.save = page.getByRole("button", { name: /^(Save reflection|Save changes)$/ });
  }

  moment(n: number): MomentFields {
    return new MomentFields(this.page.getByRole("group", { name: `Moment ${n}`, exact: true }));
  }

  commitment(n: number): CommitmentFields {
    return new CommitmentFields(this.page.getByRole("group", { name: `Commitment ${n}`, exact: true }));
  }

  surpriseScore(value: number): Locator {
    return this.page.getByRole("group", { name: "How far reality differed from your prediction" }).getByLabel(String(value), { exact: true });
  }
}
