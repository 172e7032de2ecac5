import type { Locator, Page } from "@playwright/test";

/** The agenda (/agenda): a week or a month of safaris, one section per day. */
export class AgendaPage {
  readonly heading: Locator;
  readonly periodNav: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Agenda", level: 1 });
    this.periodNav = page.getByRole("navigation", { name: "Agenda period" });
  }

  async goto(view: "week" | "month", date: string) {
    await this.page.goto(`/agenda?view=${view}&date=${date}`);
  }

  /** One day's section, by its heading ("Saturday 28 November 2026"). */
  day(heading: string): Locator {
    return this.page.getByRole("region", { name: heading, exact: true });
  }

  alert(text: string): Locator {
    return this.page.getByRole("alert").filter({ hasText: text });
  }

  view(name: "Week" | "Month"): Locator {
    return this.periodNav.getByRole("link", { name, exact: true });
  }
}
