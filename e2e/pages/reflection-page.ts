import type { Locator, Page, Response } from "@playwright/test";

/** A reflection as a reader opens it (/reflections/[id]), or its edit form; or the app's "Not found" page instead. */
export class ReflectionPage {
  constructor(readonly page: Page) {}

  /** Opens the reflection (or its edit form) and answers the document's response, for its status code. */
  async goto(reflectionId: string, { edit = false } = {}): Promise<Response | null> {
    return this.page.goto(`/reflections/${reflectionId}${edit ? "/edit" : ""}`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get notFound(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "Not found" });
  }

  get moments(): Locator {
    return this.page.getByRole("region", { name: "What? The moments" });
  }

  text(value: string): Locator {
    return this.page.getByText(value);
  }
}
