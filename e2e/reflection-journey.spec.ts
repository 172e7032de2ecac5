import { expect, test, type Page } from "@playwright/test";
import { empathyItems } from "@/lib/briefing/schema";
import { instantToLocal, localToInstant } from "@/lib/time/zones";
import { BriefingPage } from "./pages/briefing-page";
import { CommitmentsPage } from "./pages/commitments-page";
import { EventFormPage } from "./pages/event-form-page";
import { InboxPage } from "./pages/inbox-page";
import { MySafarisPage } from "./pages/my-safaris-page";
import { OrganizerEventPage } from "./pages/organizer-event-page";
import { ReflectionFormPage } from "./pages/reflection-form-page";
import { SafariPage } from "./pages/safari-page";
import { advanceClock, clockServerURL, resetClock, runJob } from "./support/clock-server";
import { demoAccount, signedInPage } from "./support/demo-accounts";

/*
 * Issue 11: an executive's whole journey through one safari, on the clock server (playwright.config.ts),
 * whose clock this spec moves: Julia writes her prediction and empathy before a safari two days ahead,
 * the clock passes its end, the organizer marks her attended, she writes a structured reflection with two
 * moments (reloading half-way: the draft comes back) and a commitment; 30 days on, the follow-up job (run
 * now, as pg-boss would) leaves a notice in her inbox, whose link leads her to update the commitment.
 */
test.use({ baseURL: clockServerURL });

const organizer = demoAccount("lena.hoffmann@safari.example");
const executive = demoAccount("julia.neumann@safari.example");
const zone = "Europe/Berlin";
const dayMs = 86_400_000;

test.beforeEach(async ({ request }) => {
  // The clock belongs to the whole server process: every test here starts from real time.
  await resetClock(request);
});

test.afterEach(async ({ request }) => {
  await resetClock(request);
});

const commitment = "Give store staff a one-page script for the router swap, in plain words.";

const prediction = "Customers who bought the wrong router online and come in angry.";
const firstMoment = "The customer waited forty minutes because the router in stock was the wrong model.";
const secondMoment = "A colleague walked her through the setup at the counter, unasked.";
const editedMoment = "A colleague walked her through the setup at the counter, unasked, and wrote the steps down for her.";

/**
 * Julia writes her structured reflection: her prediction stands beside what surprised her; the first moment,
 * then a reload half-way (the draft has saved itself and comes back), then the second moment, the three
 * empathy statements again, one commitment due `dueOn` (yyyy-MM-dd) answering the first moment; shared with
 * the CX team, submitted.
 */
async function writeReflection(page: Page, dueOn: string) {
  const form = new ReflectionFormPage(page);
  await expect(page.getByText(prediction)).toBeVisible();
  const first = form.moment(1);
  await first.kind("Ouch").check();
  await first.body.fill(firstMoment);
  await first.quote.fill("I came here because the website said it was the right one.");
  await first.stage.selectOption({ label: "Choosing and buying" });
  await first.emotion.selectOption({ label: "Embarrassed" });
  await first.intensity(4).check();
  await form.mapSaid.fill("The website said it was the right one.");
  await expect(form.draftStatus).toHaveText(/Draft saved at \d{2}:\d{2}/);

  await page.reload();
  await expect(form.moment(1).body).toHaveValue(firstMoment);
  await expect(form.moment(1).stage).toHaveValue("buy");
  await expect(form.moment(1).intensity(4)).toBeChecked();
  await expect(form.mapSaid).toHaveValue("The website said it was the right one.");

  await form.addMoment.click();
  const second = form.moment(2);
  await second.kind("Aah").check();
  await second.body.fill(secondMoment);
  await second.stage.selectOption({ label: "Getting started" });
  await second.emotion.selectOption({ label: "Moved" });
  await second.intensity(3).check();
  await form.surprise.fill("She was not angry at all; she blamed herself.");
  await form.surpriseScore(4).check();
  const after = ["5", "6", "5"];
  for (const [index, item] of empathyItems.entries()) await page.getByRole("group", { name: item }).getByLabel(after[index]!, { exact: true }).check();
  const promise = form.commitment(1);
  await promise.body.fill(commitment);
  await promise.dueOn.fill(dueOn);
  await promise.helpers.fill("Online shop team");
  await promise.answers(1).check();
  await form.shareWithCxTeam.check();
  await form.save.click();
}

test("an executive predicts, attends, reflects, and updates her commitment when the 30-day follow-up arrives", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const title = `Router swap at the Alexanderplatz store ${Date.now().toString(36)}`;
  // Two days ahead at 10:00 Berlin time, for two hours: well inside the planning limits (at most 24 months
  // ahead, at most 24 hours long), and sign-up is open until the start.
  const day = instantToLocal(new Date(Date.now() + 2 * dayMs), zone).slice(0, 10);
  const start = `${day}T10:00`;
  const end = `${day}T12:00`;
  const endAt = localToInstant(end, zone)!;

  const lead = await signedInPage(browser, organizer.email);
  const julia = await signedInPage(browser, executive.email);

  let safariId = "";
  await test.step("the organizer plans and publishes the safari", async () => {
    const form = new EventFormPage(lead);
    await form.gotoNew();
    await form.fill({ type: "Store / field visit", title, briefing: "Watch the counter; predict first what you will see.", location: "Alexanderplatz store", timeZone: zone, start, end, seats: "2" });
    await form.createDraft.click();
    await expect(lead).toHaveURL(/\/organize\/events\/[0-9a-f-]{36}$/);
    safariId = new URL(lead.url()).pathname.split("/").pop()!;
    const event = new OrganizerEventPage(lead);
    await expect(event.heading(title)).toBeVisible();
    await event.publish.click();
    await expect(lead.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  });

  await test.step("Julia signs up and writes her prediction and empathy in the briefing", async () => {
    const safari = new SafariPage(julia);
    await safari.goto(safariId);
    await safari.signUp.click();
    await expect(safari.status("your seat is confirmed")).toBeVisible();
    await julia.getByRole("link", { name: /Your briefing pack/ }).click();
    await expect(julia).toHaveURL(/\/briefing$/);
    const briefing = new BriefingPage(julia);
    await briefing.expectation.fill(prediction);
    const ratings = ["3", "4", "2"];
    for (const [index, item] of empathyItems.entries()) await briefing.empathy(item).getByLabel(ratings[index]!, { exact: true }).check();
    await briefing.keep.click();
    await expect(julia.getByRole("status")).toContainText("Kept.");
  });

  await test.step("the clock passes the safari's end; the organizer marks Julia attended", async () => {
    const now = await advanceClock(request, 3);
    expect(now.getTime()).toBeGreaterThan(endAt.getTime());
    await lead.reload();
    const event = new OrganizerEventPage(lead);
    await event.markAttended(executive.name).click();
    await expect(event.participantRow(executive.name).getByText("Attended", { exact: true })).toBeVisible();
  });

  let reflectionPath = "";
  await test.step("Julia writes her reflection and submits it", async () => {
    const mine = new MySafarisPage(julia);
    await mine.goto("past");
    await mine.writeReflection(title).click();
    await expect(julia).toHaveURL(/\/reflections\/new/);
    await writeReflection(julia, instantToLocal(new Date(endAt.getTime() + 60 * dayMs), zone).slice(0, 10));
    await expect(julia).toHaveURL(/\/reflections\/[0-9a-f-]{36}$/);
    await expect(julia.getByText(commitment, { exact: true })).toBeVisible();
    await expect(julia.getByText(firstMoment)).toBeVisible();
    await expect(julia.getByText(secondMoment)).toBeVisible();
    reflectionPath = new URL(julia.url()).pathname;
  });

  await test.step("within 14 days she edits it: the second moment, in her own words", async () => {
    await julia.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(julia).toHaveURL(new RegExp(`${reflectionPath}/edit$`));
    const form = new ReflectionFormPage(julia);
    await expect(form.moment(1).body).toHaveValue(firstMoment);
    await form.moment(2).body.fill(editedMoment);
    await form.save.click();
    await expect(julia).toHaveURL(new RegExp(`${reflectionPath}$`));
    await expect(julia.getByText(editedMoment)).toBeVisible();
    await expect(julia.getByText(secondMoment, { exact: true })).toHaveCount(0);
    // The commitment still answers the first moment: the edit kept the moments' ids.
    await expect(julia.getByText("Answers moment 1", { exact: true })).toBeVisible();
  });

  await test.step("30 days on, the follow-up job leaves a notice in Julia's inbox", async () => {
    const inbox = new InboxPage(julia);
    const followUp = inbox.notice(`30 days ago you committed after “${title}”`);
    // Not before its time: with the clock as it is, the job finds nothing of hers due.
    await runJob(request, "follow-up-commitments");
    await inbox.goto();
    await expect(followUp).toHaveCount(0);

    await advanceClock(request, 30);
    const figures = await runJob(request, "follow-up-commitments");
    expect(figures.followedUp).toBeGreaterThanOrEqual(1);
    await inbox.goto();
    await expect(followUp).toContainText(commitment);
    await expect(inbox.navLink()).toHaveAccessibleName(/^Inbox, \d+ unread$/);
  });

  await test.step("past 14 days the reflection can no longer be edited", async () => {
    await julia.goto(reflectionPath);
    await expect(julia.getByText(editedMoment)).toBeVisible();
    await expect(julia.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
    await julia.goto(`${reflectionPath}/edit`);
    await expect(julia.getByRole("heading", { name: "No longer editable" })).toBeVisible();
  });

  await test.step("the notice's link leads her to the commitment, which she moves on", async () => {
    const inbox = new InboxPage(julia);
    await inbox.goto();
    await inbox.notice(`30 days ago you committed after “${title}”`).getByRole("link", { name: "Update your commitment" }).click();
    await expect(julia).toHaveURL(new RegExp(`${reflectionPath}$`));
    await julia.getByRole("link", { name: `Update on My commitments: ${commitment}` }).click();
    await expect(julia).toHaveURL(/\/commitments$/);
    const commitments = new CommitmentsPage(julia, "/commitments");
    await commitments.update(commitment, { status: "In progress", note: "Script drafted with two store managers." });
    await expect(commitments.commitment(commitment)).toContainText("In progress");
    await julia.reload();
    await expect(commitments.commitment(commitment).getByRole("listitem").filter({ hasText: "Open → In progress — Script drafted with two store managers." })).toBeVisible();
  });
});
