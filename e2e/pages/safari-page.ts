import type { Locator, Page } from "@playwright/test";

/** Open safaris (/safaris) and one safari as an executive sees it (/safaris/[id]). */
export class SafariPage {
  readonly signUp: Locator;
  readonly accept: Locator;
  readonly decline: Locator;
  readonly declineReason: Locator;
  readonly joinWaitlist: Locator;
  readonly addToCalendar: Locator;
  /** The customer hosts the executive meets, and the safari's details. */
  readonly hosts: Locator;
  readonly details: Locator;

  constructor(readonly page: Page) {
    this.signUp = page.getByRole("button", { name: "Sign up" });
    this.accept = page.getByRole("button", { name: "Accept invitation" });
    this.decline = page.getByRole("button", { name: "Decline invitation" });
    this.declineReason = page.getByLabel("Reason for declining (optional)");
    this.joinWaitlist = page.getByRole("button", { name: "Join the waitlist" });
    this.addToCalendar = page.getByRole("link", { name: "Add to calendar (.ics)" });
    this.hosts = page.getByRole("region", { name: "Your customer hosts" });
    this.details = page.getByRole("region", { name: "Details" });
  }

  async goto(eventId: string) {
    await this.page.goto(`/safaris/${eventId}`);
  }

  async gotoOpen() {
    await this.page.goto("/safaris");
  }

  /** The value shown for a detail such as "Place" or "Your frontline colleague". */
  detail(term: string): Locator {
    return this.details.getByRole("term").filter({ hasText: term }).locator("xpath=following-sibling::dd[1]");
  }

  link(title: string): Locator {
    return this.page.getByRole("link", { name: title });
  }

  heading(title: string): Locator {
    return this.page.getByRole("heading", { name: title, level: 1 });
  }

  status(text: string | RegExp): Locator {
    return this.page.getByRole("status").filter({ hasText: text });
  }
}
