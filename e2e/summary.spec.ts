import { expect, test } from "@playwright/test";
import { demoSignIns } from "@/db/seed-data";
import { notShownText } from "@/lib/privacy/small-groups";
import { SummaryPage } from "./pages/summary-page";
import { signedInPage } from "./support/demo-accounts";

/*
 * The summary's figures about what the safaris changed, on the demo data (six reflections, one of them
 * private): each is there under its heading, and each is a figure or the small-group notice, never a
 * figure resting on fewer than five people. The reviewer only reads.
 */
const reviewer = demoSignIns.find((s) => s.role === "reviewer")!;

test("empathy shift, surprise, ouch and aah themes and loops closed, each under the small-group rule", async ({ browser }) => {
  const summary = new SummaryPage(await signedInPage(browser, reviewer.email));
  await summary.goto();

  await expect(summary.card("Empathy shift")).toContainText(new RegExp(`^Empathy shift(${notShownText}|[+-]?\\d\\.\\d points|0\\.0 points)`));
  await expect(summary.card("Surprise")).toContainText(new RegExp(`^Surprise(${notShownText}|\\d\\.\\d of 5)`));
  for (const name of ["Ouch themes", "Aah themes"]) {
    const card = summary.card(name);
    await expect(card.getByRole("heading", { name, level: 2 })).toBeVisible();
    // A table of stages, or the reason there is none.
    await expect(card.getByRole("table").or(card.getByText(/^(Not shown: fewer than 5 people|No shared)/))).toBeVisible();
    for (const people of await summary.peopleOf(card)) expect(people).toBeGreaterThanOrEqual(5);
  }
  const loops = summary.card("Loops closed");
  for (const term of ["Loops closed", "Customer told", "Frontline host told"]) {
    await expect(loops.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) })).toBeVisible();
    expect(await summary.figureText(term)).toMatch(new RegExp(`^(${notShownText}|\\d+)$`));
  }
});
