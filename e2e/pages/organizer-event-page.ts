import type { Locator, Page } from "@playwright/test";

/** An event as the CX team manages it (/organize/events/[id]). */
export class OrganizerEventPage {
  readonly publish: Locator;

  constructor(readonly page: Page) {
    this.publish = page.getByRole("button", { name: "Publish" });
  }

  heading(title: string): Locator {
    return this.page.getByRole("heading", { name: title, level: 1 });
  }

  markAttended(executiveName: string): Locator {
    return this.page.getByRole("button", { name: `Mark ${executiveName} attended` });
  }

  participantRow(executiveName: string): Locator {
    return this.page.getByRole("row").filter({ hasText: executiveName });
  }
}
