import { expect, test } from "@playwright/test";
import { demoSignIns } from "@/db/seed-data";
import { signedInPage } from "./support/demo-accounts";
import { CommitmentsPage } from "./pages/commitments-page";

/*
 * Issue 11, commitments that close the loop: David Miller moves his seeded commitment (plain-language
 * invoices, shared with the CX team) to in progress with a note, then to done, and closes its loop; the
 * CX team finds it, its history and its closed loop in their list, and Thomas Richter's past-due one
 * among the overdue. David's commitment is this spec's alone (matching only has him join a waitlist).
 */

const body = "Replace tariff codes on business invoices with plain-language line items.";
const organizer = demoSignIns.find((s) => s.role === "organizer")!;

test("an executive moves a commitment on and closes its loop; the CX team finds it", async ({ browser }) => {
  const david = new CommitmentsPage(await signedInPage(browser, "david.miller@safari.example"), "/commitments");
  await david.goto();
  await expect(david.commitment(body)).toContainText("Open");

  // A note alone needs a status or words: the form says so before anything is sent.
  await david.update(body, { note: "" });
  await expect(david.commitment(body).getByText("Choose a new status or write a progress note.")).toBeVisible();

  await david.update(body, { status: "In progress", note: "Billing team drafted the new line items." });
  await expect(david.commitment(body)).toContainText("In progress");
  await expect(david.commitment(body).getByRole("listitem").filter({ hasText: "Open → In progress — Billing team drafted the new line items." })).toBeVisible();

  await david.update(body, { status: "Done", note: "Live on all business invoices." });
  await expect(david.commitment(body)).toContainText("Done");
  await david.closeLoop(body, {
    note: "You told us you could not read the tariff codes; every invoice line is now in plain words.",
    customerTold: true,
    frontlineTold: true,
  });
  await expect(david.commitment(body)).toContainText(/Loop closed on .*Customer told: yes · Frontline host told: yes/s);

  // Reloaded, the history and the closed loop are still there; settled, there is nothing left to update.
  await david.page.reload();
  await expect(david.commitment(body)).toContainText("In progress → Done — Live on all business invoices.");
  await expect(david.commitment(body).getByText("Update this commitment")).toHaveCount(0);
  await david.goto("?status=done");
  await expect(david.commitment(body)).toBeVisible();

  const cx = new CommitmentsPage(await signedInPage(browser, organizer.email), "/organize/commitments");
  await cx.goto();
  await cx.search({ text: "tariff codes" });
  await expect(cx.page.getByRole("status").filter({ hasText: "1 commitment matches." })).toBeVisible();
  await expect(cx.commitment(body)).toContainText("David Miller");
  await expect(cx.commitment(body)).toContainText("every invoice line is now in plain words");
  await expect(cx.commitment(body).getByText("Update this commitment")).toHaveCount(0);
  await cx.commitment(body).getByRole("link", { name: /^Reflection on / }).click();
  await expect(cx.page.getByRole("heading", { level: 1 })).toContainText("Reflection:");
  await expect(cx.page.getByText("Three of eight callers disputed a roaming charge", { exact: false })).toBeVisible();

  // Overdue ones are marked and filtered: Thomas's past-due pilot is among them, David's done one is not.
  await cx.goto();
  await cx.search({ status: "Overdue (open or in progress, past due)" });
  await expect(cx.commitment(/Zwei-Stunden-Fenstern/)).toContainText("Overdue");
  await expect(cx.commitment(body)).toHaveCount(0);
});
