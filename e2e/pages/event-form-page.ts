import type { Locator, Page } from "@playwright/test";

export type EventFormValues = {
  type: string;
  title: string;
  briefing: string;
  location?: string;
  timeZone: string;
  start: string;
  end: string;
  seats: string;
};

/** The organizer's form for a new event (/organize/events/new) or an edit. */
export class EventFormPage {
  readonly type: Locator;
  readonly title: Locator;
  readonly briefing: Locator;
  readonly location: Locator;
  readonly videoUrl: Locator;
  readonly meetingContact: Locator;
  readonly frontlineName: Locator;
  readonly frontlineRole: Locator;
  readonly timeZone: Locator;
  readonly start: Locator;
  readonly end: Locator;
  readonly seats: Locator;
  readonly createDraft: Locator;
  readonly saveChanges: Locator;

  constructor(readonly page: Page) {
    this.type = page.getByLabel("Type of safari");
    this.title = page.getByLabel("Title", { exact: true });
    this.briefing = page.getByLabel("Briefing");
    this.location = page.getByLabel("Place", { exact: true });
    this.videoUrl = page.getByLabel("Video link");
    this.meetingContact = page.getByLabel("Who meets the executives");
    this.frontlineName = page.getByLabel("Frontline colleague");
    this.frontlineRole = page.getByLabel("Their role");
    this.timeZone = page.getByLabel("Time zone");
    this.start = page.getByLabel("Start", { exact: true });
    this.end = page.getByLabel("End", { exact: true });
    this.seats = page.getByLabel("Seats for executives");
    this.createDraft = page.getByRole("button", { name: "Create draft" });
    this.saveChanges = page.getByRole("button", { name: "Save changes" });
  }

  /** The form-level message (Next.js keeps a route announcer alert of its own on every page). */
  alert(text: string | RegExp): Locator {
    return this.page.getByRole("alert").filter({ hasText: text });
  }

  async gotoNew() {
    await this.page.goto("/organize/events/new");
  }

  async fill(values: EventFormValues) {
    await this.type.selectOption({ label: values.type });
    await this.title.fill(values.title);
    await this.briefing.fill(values.briefing);
    await this.location.fill(values.location ?? "");
    await this.timeZone.selectOption(values.timeZone);
    await this.start.fill(values.start);
    await this.end.fill(values.end);
    await this.seats.fill(values.seats);
  }
}
