import { expect, test, type Page } from "@playwright/test";
import { instantToLocal } from "@/lib/time/zones";
import { signedInPage } from "./support/demo-accounts";
import { EventFormPage } from "./pages/event-form-page";
import { InboxPage } from "./pages/inbox-page";
import { OrganizerEventPage } from "./pages/organizer-event-page";
import { SafariPage } from "./pages/safari-page";

/*
 * Matching end to end: the organizer runs the matcher over two safaris of their own, removes proposals,
 * adds executives by hand and publishes; one executive accepts, another declines, and the first on the
 * waitlist is promoted and finds the notice in the inbox. The safaris lie ten weeks ahead at dawn, where
 * the seed and the other specs book nobody; the matcher's own proposals (of executives other specs use)
 * are removed before publishing.
 */
const organizer = "jonas.weber@safari.example";
const accepts = { email: "sabine.kessler@safari.example", name: "Sabine Kessler" };
const declines = { email: "eleni.georgiou@safari.example", name: "Eleni Georgiou" };
const waits = { email: "david.miller@safari.example", name: "David Miller" };

const dayAhead = (days: number) => instantToLocal(new Date(Date.now() + days * 24 * 3_600_000), "Europe/Berlin").slice(0, 10);

/** Creates and publishes a safari; returns its id. */
async function publishedSafari(page: Page, title: string, day: string, seats: string): Promise<string> {
  const form = new EventFormPage(page);
  await form.gotoNew();
  await form.fill({ type: "Customer breakfast", title, briefing: "Observe, don't interrupt.", timeZone: "Europe/Berlin", start: `${day}T05:00`, end: `${day}T06:00`, seats });
  await form.createDraft.click();
  await expect(page).toHaveURL(/\/organize\/events\/[0-9a-f-]{36}$/);
  await new OrganizerEventPage(page).publish.click();
  await expect(page.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

test("the organizer matches and publishes; one accepts, one declines, and the waitlist moves up with a notice", async ({ browser }) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const [dayOne, dayTwo] = [dayAhead(75), dayAhead(76)];
  const pairs = `Matched breakfast for two ${suffix}`;
  const single = `Matched breakfast for one ${suffix}`;

  const lead = await signedInPage(browser, organizer);
  const pairsId = await publishedSafari(lead, pairs, dayOne, "2");
  const singleId = await publishedSafari(lead, single, dayTwo, "1");

  // A run over exactly these two days: both safaris are offered, ticked.
  await lead.goto("/organize/match");
  await lead.getByLabel("First day").fill(dayOne);
  await lead.getByLabel("Last day").fill(dayTwo);
  await lead.getByRole("button", { name: "Show safaris" }).click();
  await expect(lead.getByRole("checkbox", { name: new RegExp(pairs) })).toBeChecked();
  await expect(lead.getByRole("checkbox", { name: new RegExp(single) })).toBeChecked();
  await lead.getByRole("button", { name: "Propose matches" }).click();
  await expect(lead).toHaveURL(/\/organize\/match\/[0-9a-f-]{36}$/);

  // The matcher filled every seat, each with a reason; remove them all, one at a time.
  const proposed = lead.getByRole("table", { name: new RegExp(`Executives proposed for (${pairs}|${single})`) }).getByRole("row").filter({ has: lead.getByRole("button", { name: /^Remove / }) });
  await expect(proposed).toHaveCount(3);
  for (let left = 3; left > 0; left--) {
    await proposed.first().getByRole("button", { name: /^Remove / }).click();
    await expect(proposed).toHaveCount(left - 1);
  }
  await expect(lead.getByText(/proposals? removed: a re-run keeps (it|them) out/).first()).toBeVisible();

  // By hand: the rules are checked, and a second executive on the one-seat safari is refused by name of the rule.
  async function addByHand(who: string, title: string) {
    for (const [label, text] of [["Executive", who], ["Safari", title]]) {
      const select = lead.getByLabel(label!, { exact: true });
      await select.selectOption((await select.locator("option", { hasText: text }).getAttribute("value"))!);
    }
    await lead.getByRole("button", { name: "Add to the run" }).click();
  }
  await addByHand(accepts.name, pairs);
  await expect(lead.getByRole("status").filter({ hasText: "Added to the run." })).toBeVisible();
  await addByHand(declines.name, single);
  await expect(lead.getByRole("table", { name: `Executives proposed for ${single}` })).toContainText(declines.name);
  await addByHand(waits.name, single);
  await expect(lead.getByText(/Seats: no seat left/)).toBeVisible();

  await lead.getByRole("button", { name: "Publish run" }).click();
  await expect(lead.getByRole("table", { name: `Executives proposed for ${pairs}` }).getByRole("row").filter({ hasText: accepts.name })).toContainText("Invited");
  await expect(lead.getByRole("table", { name: `Executives proposed for ${single}` }).getByRole("row").filter({ hasText: declines.name })).toContainText("Invited");

  // David waits for the one seat, which Eleni's invitation holds.
  const david = await signedInPage(browser, waits.email);
  const davidsSafari = new SafariPage(david);
  await davidsSafari.goto(singleId);
  await davidsSafari.joinWaitlist.click();
  await expect(davidsSafari.status(/You are on the waitlist/)).toBeVisible();

  // Sabine finds the invitation in her inbox and accepts.
  const sabine = await signedInPage(browser, accepts.email);
  const sabinesInbox = new InboxPage(sabine);
  await expect(sabinesInbox.navLink()).toHaveAccessibleName(/^Inbox, \d+ unread$/);
  await sabinesInbox.goto();
  await expect(sabinesInbox.notice(`You are invited to “${pairs}”`)).toBeVisible();
  await sabinesInbox.notice(`You are invited to “${pairs}”`).getByRole("link", { name: "Open the safari" }).click();
  const sabinesSafari = new SafariPage(sabine);
  await sabinesSafari.accept.click();
  await expect(sabinesSafari.status("You're going: your seat is confirmed.")).toBeVisible();

  // Eleni declines, saying why.
  const eleni = await signedInPage(browser, declines.email);
  const elenisSafari = new SafariPage(eleni);
  await elenisSafari.goto(singleId);
  await elenisSafari.declineReason.fill("Quarterly close that morning.");
  await elenisSafari.decline.click();
  await expect(elenisSafari.status(/You have declined/)).toBeVisible();

  // The seat went to David in the same step, and he is told.
  const davidsInbox = new InboxPage(david);
  await davidsInbox.goto();
  await expect(davidsInbox.navLink()).toHaveAccessibleName(/^Inbox, \d+ unread$/);
  const promotion = davidsInbox.notice(`A seat came free: you are now confirmed for “${single}”`);
  await expect(promotion).toBeVisible();
  await promotion.getByRole("button", { name: /^Mark read/ }).click();
  await expect(promotion.getByText("Unread")).toBeHidden();
  await davidsSafari.goto(singleId);
  await expect(david.getByRole("button", { name: "Withdraw" })).toBeVisible();

  // The organizer sees who came how.
  await lead.goto(`/organize/events/${singleId}`);
  const event = new OrganizerEventPage(lead);
  await expect(event.participantRow(waits.name)).toContainText(/Confirmed.*From the waitlist/s);
  await expect(event.participantRow(declines.name)).toContainText("Declined: “Quarterly close that morning.”");
  await lead.goto(`/organize/events/${pairsId}`);
  await expect(event.participantRow(accepts.name)).toContainText("Confirmed");

  for (const page of [lead, david, sabine, eleni]) await page.context().close();
});
