import type { Locator, Page } from "@playwright/test";

/** The customer hosts: the list (/organize/hosts), the form that adds one (/organize/hosts/new) and a host's page with their consents. */
export class HostsPage {
  readonly search: Locator;
  readonly show: Locator;
  readonly firstName: Locator;
  readonly lastName: Locator;
  readonly email: Locator;
  readonly phone: Locator;
  readonly persona: Locator;
  readonly language: Locator;
  readonly add: Locator;
  readonly save: Locator;
  /** The consent form on a host's page. */
  readonly givenOn: Locator;
  readonly validUntil: Locator;
  readonly executivesMayObserve: Locator;
  readonly recordConsent: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByLabel("Name contains");
    this.show = page.getByRole("button", { name: "Show" });
    this.firstName = page.getByLabel("First name");
    this.lastName = page.getByLabel("Last name");
    this.email = page.getByLabel("E-mail");
    this.phone = page.getByLabel("Phone");
    this.persona = page.getByLabel("Persona", { exact: true });
    this.language = page.getByLabel("Language of the safari");
    this.add = page.getByRole("button", { name: "Add host" });
    this.save = page.getByRole("button", { name: "Save host" });
    this.givenOn = page.getByLabel("Given on");
    this.validUntil = page.getByLabel("Valid until (included)");
    this.executivesMayObserve = page.getByLabel("Executives may observe");
    this.recordConsent = page.getByRole("button", { name: "Record consent" });
  }

  async goto() {
    await this.page.goto("/organize/hosts");
  }

  async gotoNew() {
    await this.page.goto("/organize/hosts/new");
  }

  list(): Locator {
    return this.page.getByRole("table", { name: "Customer hosts" });
  }

  consents(): Locator {
    return this.page.getByRole("table", { name: "Consents" });
  }

  /** A type of safari the consent covers, by its name. */
  covers(typeName: string): Locator {
    return this.page.getByRole("group", { name: "Types of safari it covers" }).getByLabel(typeName, { exact: true });
  }

  status(text: string | RegExp): Locator {
    return this.page.getByRole("status").filter({ hasText: text });
  }
}
