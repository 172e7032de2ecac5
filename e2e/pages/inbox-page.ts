import type { Locator, Page } from "@playwright/test";

/** One's notices (/inbox), and the inbox link with its unread count in the navigation. */
export class InboxPage {
  readonly notices: Locator;
  readonly markAllRead: Locator;

  constructor(readonly page: Page) {
    this.notices = page.getByRole("list", { name: "Notifications" }).getByRole("listitem");
    this.markAllRead = page.getByRole("button", { name: "Mark all read" });
  }

  /** The navigation's inbox link; its name carries the unread count ("Inbox, 2 unread"). */
  navLink(): Locator {
    return this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox/ });
  }

  async goto() {
    await this.page.goto("/inbox");
  }

  notice(text: string | RegExp): Locator {
    return this.notices.filter({ hasText: text });
  }
}
