import { expect, test, type Page } from "@playwright/test";
import { demoSignIns } from "@/db/seed-data";
import { currentQuarter } from "@/lib/engagement/summary";
import { instantToLocal, localToInstant } from "@/lib/time/zones";
import { EventFormPage } from "./pages/event-form-page";
import { MySafarisPage } from "./pages/my-safaris-page";
import { OrganizerEventPage } from "./pages/organizer-event-page";
import { ReflectionFormPage } from "./pages/reflection-form-page";
import { SafariPage } from "./pages/safari-page";
import { SummaryPage } from "./pages/summary-page";
import { demoAccount, signedInPage } from "./support/demo-accounts";

/*
 * The whole loop once, through the UI, with four people in four browser sessions: an organizer plans and
 * publishes a one-seat safari, an executive signs up, a second executive finds it full and is kept out of
 * what is not theirs, the organizer checks the first one in, the executive reflects, the reviewer sees it.
 */
const organizer = demoSignIns.find((s) => s.role === "organizer")!;
const reviewer = demoSignIns.find((s) => s.role === "reviewer")!;
// Executives the seed leaves without a safari this quarter and without bookings in the coming hours.
const executive = demoAccount("claudia.lehmann@safari.example");
const otherExecutive = demoAccount("jan.hartmann@safari.example");

const notAllowed = (page: Page) => page.getByRole("heading", { name: "Not allowed", level: 1 });
const notFound = (page: Page) => page.getByRole("heading", { name: "Not found", level: 1 });

test("plan, sign up, attend, reflect, summarise", async ({ browser }) => {
  test.setTimeout(300_000);
  const title = `Listening to billing calls ${Date.now().toString(36)}`;
  // Starts in two to three minutes (the form takes whole minutes): sign-up is still open and check-in
  // (from an hour before) already is; the reflection waits for the start.
  const now = Date.now();
  const start = instantToLocal(new Date(now + 3 * 60_000), "Europe/Berlin");
  const end = instantToLocal(new Date(now + 63 * 60_000), "Europe/Berlin");
  const startAt = localToInstant(start, "Europe/Berlin")!;
  // The quarter the safari counts in (the organisation's zone is Europe/Berlin), even on a quarter's last evening.
  const quarter = currentQuarter(startAt, "Europe/Berlin").key;

  const organizerPage = await signedInPage(browser, organizer.email);
  const executivePage = await signedInPage(browser, executive.email);
  const otherPage = await signedInPage(browser, otherExecutive.email);
  const reviewerPage = await signedInPage(browser, reviewer.email);

  const summary = new SummaryPage(reviewerPage);
  await summary.goto(quarter);
  // Hidden while fewer than five people wrote one in the quarter (early in a quarter, with the demo data).
  const reflectionsBefore = await summary.figureOrHidden("Reflections written");
  await expect(summary.notOutYet.getByRole("cell", { name: executive.name })).toBeVisible();

  let eventPath = "";
  await test.step("the organizer plans the safari; bad input is refused and shown", async () => {
    const form = new EventFormPage(organizerPage);
    await form.gotoNew();
    await form.fill({ type: "Call listening", title, briefing: "Listen, do not interrupt. Predict first what you expect to hear.", timeZone: "Europe/Berlin", start, end: start, seats: "0" });
    await form.createDraft.click();
    await expect(form.end).toHaveAccessibleDescription(/after the start/i);
    await expect(form.seats).toHaveAccessibleDescription(/1/);
    await expect(organizerPage).toHaveURL(/\/organize\/events\/new$/);

    await form.end.fill(end);
    await form.seats.fill("1");
    await form.createDraft.click();
    await expect(organizerPage).toHaveURL(/\/organize\/events\/[0-9a-f-]{36}$/);
    const event = new OrganizerEventPage(organizerPage);
    await expect(event.heading(title)).toBeVisible();
    eventPath = new URL(organizerPage.url()).pathname.replace("/organize/events/", "/safaris/");

    await event.publish.click();
    await expect(organizerPage.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  });

  await test.step("the executive finds it among open safaris and signs up", async () => {
    const safaris = new SafariPage(executivePage);
    await safaris.gotoOpen();
    await safaris.link(title).click();
    await expect(safaris.heading(title)).toBeVisible();
    await safaris.signUp.click();
    await expect(safaris.status("your seat is confirmed")).toBeVisible();

    const mine = new MySafarisPage(executivePage);
    await mine.goto();
    await expect(mine.safariLink(title)).toBeVisible();
  });

  await test.step("a second executive finds it full and cannot open the organizer's pages", async () => {
    await otherPage.goto(eventPath);
    await expect(otherPage.getByText("Every seat is taken.")).toBeVisible();
    await expect(new SafariPage(otherPage).signUp).toHaveCount(0);

    await otherPage.goto("/organize");
    await expect(notAllowed(otherPage)).toBeVisible();
  });

  await test.step("the organizer checks the executive in", async () => {
    await organizerPage.reload();
    const event = new OrganizerEventPage(organizerPage);
    await event.markAttended(executive.name).click();
    await expect(event.participantRow(executive.name).getByText("Attended", { exact: true })).toBeVisible();
  });

  let reflectionPath = "";
  await test.step("the reflection opens once the safari has begun", async () => {
    const mine = new MySafarisPage(executivePage);
    await mine.goto();
    // Checked in, it is among the past safaris, where the reflection starts.
    await mine.tab("Past").click();
    await expect(mine.tab("Past")).toHaveAttribute("aria-current", "page");
    await expect(mine.item(title).getByText("You can reflect once it has begun")).toBeVisible();
    await expect(mine.writeReflection(title)).toHaveCount(0);
    const wait = startAt.getTime() - Date.now();
    if (wait > 0) await executivePage.waitForTimeout(wait + 1_000);
  });

  await test.step("the executive reflects; an empty form says what is missing", async () => {
    const mine = new MySafarisPage(executivePage);
    await mine.goto("past");
    await mine.writeReflection(title).click();
    const form = new ReflectionFormPage(executivePage);
    await form.save.click();
    await expect(form.errorSummary).toBeVisible();
    await expect(form.moment(1).body).toHaveAccessibleDescription(/Say what happened/);
    await expect(form.commitment(1).dueOn).toHaveAccessibleDescription(/Enter the date/);
    await expect(executivePage).toHaveURL(/\/reflections\/new/);
  });

  await test.step("a reload half-way keeps what was typed: the draft saves itself", async () => {
    const form = new ReflectionFormPage(executivePage);
    await form.moment(1).body.fill("She was asked for her contract number three times.");
    await form.mapSaid.fill("Why do you need it again?");
    await expect(form.draftStatus).toHaveText(/Draft saved at \d{2}:\d{2}/);
    await executivePage.reload();
    await expect(form.moment(1).body).toHaveValue("She was asked for her contract number three times.");
    await expect(form.mapSaid).toHaveValue("Why do you need it again?");
    await expect(form.draftStatus).toHaveText(/Draft restored/);
  });

  await test.step("the executive finishes the reflection: two moments, one commitment", async () => {
    const form = new ReflectionFormPage(executivePage);
    const first = form.moment(1);
    await first.kind("Ouch").check();
    await first.quote.fill("I have told you this twice already.");
    await first.stage.selectOption({ label: "Getting help" });
    await first.emotion.selectOption({ label: "Embarrassed" });
    await first.intensity(4).check();
    await form.addMoment.click();
    const second = form.moment(2);
    await second.kind("Aah").check();
    await second.body.fill("The agent called her back unprompted the next day.");
    await second.stage.selectOption({ label: "Getting help" });
    await second.emotion.selectOption({ label: "Moved" });
    await second.intensity(3).check();
    await form.mapFelt.fill("Tired of repeating herself");
    await form.surprise.fill("She blamed herself, not us.");
    await form.surpriseScore(4).check();
    const commitment = form.commitment(1);
    await commitment.body.fill("Remove the second identity check from the billing hotline.");
    await commitment.dueOn.fill(instantToLocal(new Date(now + 30 * 24 * 3_600_000), "Europe/Berlin").slice(0, 10));
    await commitment.helpers.fill("The billing hotline lead");
    await commitment.answers(1).check();
    await form.shareWithCxTeam.check();
    await form.save.click();

    await expect(executivePage).toHaveURL(/\/reflections\/[0-9a-f-]{36}$/);
    await expect(executivePage.getByText("She was asked for her contract number three times.")).toBeVisible();
    await expect(executivePage.getByText("The agent called her back unprompted the next day.")).toBeVisible();
    await expect(executivePage.getByText("Who else is needed: The billing hotline lead")).toBeVisible();
    await expect(executivePage.getByText("Answers moment 1", { exact: true })).toBeVisible();
    await expect(executivePage.getByRole("link", { name: "Edit", exact: true })).toBeVisible();
    reflectionPath = new URL(executivePage.url()).pathname;
  });

  await test.step("another executive cannot read that reflection", async () => {
    await otherPage.goto(reflectionPath);
    await expect(notFound(otherPage)).toBeVisible();
    await expect(otherPage.getByText("She was asked for her contract number")).toHaveCount(0);
  });

  await test.step("the reviewer sees it in the summary", async () => {
    await summary.goto(quarter);
    const reflectionsAfter = await summary.figureOrHidden("Reflections written");
    if (reflectionsBefore !== null) expect(reflectionsAfter).toBe(reflectionsBefore + 1);
    else if (reflectionsAfter !== null) expect(reflectionsAfter).toBeGreaterThanOrEqual(5);
    await expect(summary.notOutYet.getByRole("cell", { name: executive.name })).toHaveCount(0);
    // Her "Embarrassed" counts, but no emotion is shown for fewer than five people.
    for (const people of await summary.emotionPeople()) expect(people).toBeGreaterThanOrEqual(5);

    await reviewerPage.goto(reflectionPath);
    await expect(notFound(reviewerPage)).toBeVisible();
  });
});
