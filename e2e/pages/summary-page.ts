import type { Locator, Page } from "@playwright/test";
import { notShownText } from "@/lib/privacy/small-groups";

/** The leadership-engagement summary (/summary). */
export class SummaryPage {
  readonly notOutYet: Locator;
  readonly emotions: Locator;

  constructor(readonly page: Page) {
    this.notOutYet = page.getByRole("region", { name: "Not out yet this quarter" });
    this.emotions = page.getByRole("region", { name: "Emotions reported" });
  }

  /**
   * The summary of a quarter such as "2026-Q4", or of the current one. "Not out yet" is paged: fifty a
   * page holds every executive of the demo data and those the tests add, so a name missing is missing.
   */
  async goto(quarter?: string) {
    await this.page.goto(quarter ? `/summary?quarter=${quarter}&size=50` : "/summary?size=50");
  }

  /** What is shown for a figure such as "Reflections written": a number, or the small-group notice. */
  async figureText(term: string): Promise<string> {
    return this.page.getByRole("term").filter({ hasText: term }).locator("xpath=following-sibling::dd[1]").innerText();
  }

  /** The number shown for a figure, or null where the summary hides it (it rests on fewer than five people). */
  async figureOrHidden(term: string): Promise<number | null> {
    const text = await this.figureText(term);
    return text === notShownText ? null : Number(text);
  }

  /** A card of the summary by its heading, such as "Empathy shift" or "Ouch themes". */
  card(name: string): Locator {
    return this.page.getByRole("region", { name, exact: true });
  }

  /** The "People" column of every row a breakdown card shows (emotions, themes). */
  async peopleOf(card: Locator): Promise<number[]> {
    const table = card.getByRole("table");
    if ((await table.count()) === 0) return [];
    const headings = await table.getByRole("columnheader").allInnerTexts();
    // The row's own header is a th, so data cells start one column later.
    const column = headings.indexOf("People");
    const cells = await table.getByRole("row").locator(`td:nth-of-type(${column})`).allInnerTexts();
    return cells.map(Number);
  }

  /** The "People" figure of every emotion row shown. */
  async emotionPeople(): Promise<number[]> {
    const cells = await this.emotions.getByRole("row").locator("td:nth-of-type(1)").allInnerTexts();
    return cells.map(Number);
  }

  /** The number shown for a figure such as "Reflections written"; fails when it is not shown (fewer than five people). */
  async figure(term: string): Promise<number> {
    const text = await this.figureText(term);
    if (text === notShownText) throw new Error(`“${term}” is not shown on the summary: it rests on fewer than five people.`);
    return Number(text);
  }
}
