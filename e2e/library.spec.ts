import { expect, test } from "@playwright/test";
import { signedInPage } from "./support/demo-accounts";
import { CommitmentsPage } from "./pages/commitments-page";
import { LibraryPage } from "./pages/library-page";

/*
 * Issue 11, the ouch/aah library, reading the seeded reflections only: Lena Hoffmann (CX team) searches the
 * shared moments in German, narrows them to aah, sees what a moment led to and opens a commitment's
 * moments; anonymised and private moments never reach her. David Miller sees his own moments only.
 */

const markusOuch = "Eine Kundin hing 14 Minuten in der Warteschleife, nur um kündigen zu dürfen.";
const markusAah = "Die Kollegin bot von sich aus an, den Router kostenlos zu tauschen, und die Kundin blieb.";

test("the CX team searches the shared moments and sees what they led to", async ({ browser }) => {
  const library = new LibraryPage(await signedInPage(browser, "lena.hoffmann@safari.example"));
  await library.goto();
  await expect(library.page.getByRole("heading", { name: "Ouch/aah library" })).toBeVisible();

  // "Kündigung" finds "kündigen" (German stemming), with its author and the commitment it led to.
  await library.search({ text: "Kündigung" });
  await expect(library.moment(markusOuch)).toBeVisible();
  await expect(library.moment(markusOuch)).toContainText("Markus Brandt");
  await expect(library.moment(markusOuch)).toContainText("Kündigungsgründe monatlich im Vertriebsmeeting besprechen");
  await expect(library.moment(markusOuch).getByText("Ouch", { exact: true })).toBeVisible();

  await library.search({ text: "Router Kundin", kind: "Aah" });
  await expect(library.moments).toHaveCount(1);
  await expect(library.moment(markusAah)).toBeVisible();
  await expect(library.count).toHaveText("1 moment matches.");

  // Felix Wagner's reflection is anonymised, Eleni Georgiou's private: neither is read as text.
  await library.search({ text: "Schrift", kind: "Both" });
  await expect(library.page.getByText("No moment matches.")).toBeVisible();
  await library.search({ text: "κωδικός" });
  await expect(library.page.getByText("No moment matches.")).toBeVisible();

  // A search too long to run is refused in the form.
  await library.goto(`?q=${"a".repeat(201)}`);
  await expect(library.form.getByText("The search has at most 200 characters.")).toBeVisible();
});

test("a commitment opens the moments it answers", async ({ browser }) => {
  const commitments = new CommitmentsPage(await signedInPage(browser, "lena.hoffmann@safari.example"), "/organize/commitments");
  const body = "Kundennummer aus dem Sprachdialog automatisch an den Agenten übergeben.";
  await commitments.goto("?q=Kundennummer");
  await commitments.commitment(body).getByRole("link", { name: /^Open its moments/ }).click();
  const library = new LibraryPage(commitments.page);
  await expect(library.page.getByText(`The moments this commitment answers: “${body}”.`)).toBeVisible();
  await expect(library.moments).toHaveCount(1);
  await expect(library.moment("Der Agent musste dreimal nach der Kundennummer fragen, die sie schon eingetippt hatte.")).toBeVisible();
});

test("an executive's library holds their own moments only", async ({ browser }) => {
  const library = new LibraryPage(await signedInPage(browser, "david.miller@safari.example"));
  await library.page.getByRole("link", { name: "My moments" }).click();
  await expect(library.page).toHaveURL(/\/library$/);
  await expect(library.count).toHaveText("3 moments match.");
  await expect(library.moment("Three of eight callers disputed a roaming charge our invoice names only by a tariff code.")).toContainText(
    "Replace tariff codes on business invoices with plain-language line items.",
  );
  await library.search({ text: "Kündigung" });
  await expect(library.page.getByText("No moment matches.")).toBeVisible();
});
