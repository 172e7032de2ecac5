import type { Locator, Page } from "@playwright/test";

/** An event as the CX team manages it (/organize/events/[id]). */
export class OrganizerEventPage {
  readonly publish: Locator;
  readonly edit: Locator;
  /** Leads to the confirmation page (/organize/events/[id]/cancel). */
  readonly cancel: Locator;
  readonly details: Locator;
  /** On the confirmation page: the reason the executives will read, and the button that cancels. */
  readonly cancellationReason: Locator;
  readonly confirmCancel: Locator;
  /** The section of customer hosts and personas. */
  readonly hostToAdd: Locator;
  readonly addHost: Locator;

  constructor(readonly page: Page) {
    this.publish = page.getByRole("button", { name: "Publish" });
    this.edit = page.getByRole("link", { name: "Edit event" });
    this.cancel = page.getByRole("link", { name: "Cancel event…" });
    this.details = page.getByRole("region", { name: "Details" });
    this.cancellationReason = page.getByLabel("Reason for cancelling");
    this.confirmCancel = page.getByRole("button", { name: "Cancel this safari" });
    this.hostToAdd = page.getByLabel("Add a customer host");
    this.addHost = page.getByRole("button", { name: "Add host" });
  }

  /** The value shown for a detail such as "Status" or "Seats taken". */
  detail(term: string): Locator {
    return this.details.getByRole("term").filter({ hasText: term }).locator("xpath=following-sibling::dd[1]");
  }

  /** A message the page shows: a refusal (role alert) or what was done (role status). */
  alert(text: string | RegExp): Locator {
    return this.page.getByRole("alert").filter({ hasText: text });
  }

  status(text: string | RegExp): Locator {
    return this.page.getByRole("status").filter({ hasText: text });
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
