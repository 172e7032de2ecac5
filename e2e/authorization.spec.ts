import { expect, request, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import type { UserRole } from "@/db/enums";
import { demoPassword, seedId } from "@/db/seed-data";
import { actionAccess, allows, pageAccess, routeAccess, type ActionName, type PagePath, type RoutePath } from "@/lib/auth/policy";
import { someoneElsesReflection } from "./support/forged-reflection";
import { actionEndpoint, actionOutcome, pageOutcome, postAction, signedIn, type PageOutcome } from "./support/http";

/*
 * The authorization matrix, driven by the policy table (lib/auth/policy.ts) against the running production
 * server over plain HTTP, as an attacker would: every page with every role, every server action with every
 * role, and the executives' actions with another executive's ids. A page or action without a fixture
 * here fails, so every row of the table is tried.
 */
type Who = UserRole | "anonymous";
const everyone: Who[] = ["anonymous", "executive", "organizer", "reviewer", "admin"];

const accounts: Record<UserRole, string> = {
  executive: "markus.brandt@safari.example",
  organizer: "lena.hoffmann@safari.example",
  reviewer: "katrin.albers@safari.example",
  admin: "tobias.krueger@safari.example",
};
/** Tries Markus's ids and another executive's seat. */
const otherExecutive = "nikos.papadopoulos@safari.example";

// Demo data (db/seed-data.ts): a published safari ahead with Ahmet confirmed on it, a draft, Markus's
// reflection shared with the CX team and his open commitment on it, and a safari Markus attended without
// having reflected on it yet.
const ids = {
  publishedEvent: seedId("event:service-desk-umzug"),
  draftEvent: seedId("event:hausbesuch-handwerk"),
  ahmetsSeat: seedId("participation:service-desk-umzug:ahmet.yildiz"),
  markusReflection: seedId("reflection:kuendigungsanrufe:markus.brandt"),
  markusOpenCommitment: seedId("commitment:kundennummer"),
  markusUnreflected: seedId("participation:shop-friedrichstrasse:markus.brandt"),
  markusUnreflectedEvent: seedId("event:shop-friedrichstrasse"),
  nikos: seedId("user:nikos.papadopoulos"),
  // Sofia's open invitation, and Julia waiting for the one seat of a full home visit.
  sofiasInvitation: seedId("participation:digital-sprechstunde:sofia.karali"),
  invitationEvent: seedId("event:digital-sprechstunde"),
  fullEvent: seedId("event:home-visit-family-wifi"),
  juliasWaitlistPlace: seedId("participation:home-visit-family-wifi:julia.neumann"),
  // Jana, a host with one consent, on the full home visit; a persona of the published safari.
  host: seedId("host:familie-y"),
  hostConsent: seedId("consent:familie-y:0"),
  persona: seedId("persona:young-families"),
};

// A match run the organizer makes in beforeAll (the demo data has none): its page and the actions on it.
let matchRunId = "";
const matchPeriod = (() => {
  const day = (offset: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date(Date.now() + offset * 86_400_000));
  return { from: day(0), to: day(60) };
})();

// A series the organizer plans in beforeAll (the demo data has none): its page and publishing it.
let seriesId = "";
const validSeries = {
  type: "call_listening",
  title: "A series no one may plan",
  briefing: "",
  location: "",
  seats: "1",
  timeZone: "Europe/Berlin",
  firstDate: new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date(Date.now() + 14 * 86_400_000)),
  startTime: "09:00",
  durationMinutes: "60",
  everyWeeks: "1",
  count: "2",
  skipped: "refuse",
};

const pages: Record<PagePath, { url: string; notFoundFor?: Who[] }> = {
  "/": { url: "/" },
  "/sign-in": { url: "/sign-in" },
  "/not-allowed": { url: "/not-allowed" },
  "/account": { url: "/account" },
  "/organize": { url: "/organize" },
  "/organize/events/new": { url: "/organize/events/new" },
  "/organize/events/[id]": { url: `/organize/events/${ids.publishedEvent}` },
  "/organize/events/[id]/edit": { url: `/organize/events/${ids.publishedEvent}/edit` },
  "/organize/events/[id]/cancel": { url: `/organize/events/${ids.publishedEvent}/cancel` },
  "/organize/executives": { url: "/organize/executives" },
  "/organize/executives/[id]": { url: `/organize/executives/${ids.nikos}` },
  "/organize/types": { url: "/organize/types" },
  "/organize/types/[key]": { url: "/organize/types/home_visit" },
  "/organize/series/new": { url: "/organize/series/new?type=call_listening" },
  get "/organize/series/[id]"() {
    return { url: `/organize/series/${seriesId}` };
  },
  "/organize/hosts": { url: "/organize/hosts" },
  "/organize/hosts/new": { url: "/organize/hosts/new" },
  "/organize/hosts/[id]": { url: `/organize/hosts/${ids.host}` },
  "/organize/personas": { url: "/organize/personas" },
  "/organize/commitments": { url: "/organize/commitments" },
  "/commitments": { url: "/commitments" },
  "/profile": { url: "/profile" },
  "/inbox": { url: "/inbox" },
  "/organize/cadence": { url: "/organize/cadence?department=Sales&sort=shortfall" },
  "/organize/match": { url: `/organize/match?from=${matchPeriod.from}&to=${matchPeriod.to}` },
  "/organize/match/[id]": {
    get url() {
      return `/organize/match/${matchRunId}`;
    },
  },
  "/safaris": { url: "/safaris" },
  "/safaris/mine": { url: "/safaris/mine" },
  "/safaris/[id]": { url: `/safaris/${ids.publishedEvent}` },
  // A safari Markus attended: its briefing stays his to read.
  "/safaris/[id]/briefing": { url: `/safaris/${ids.markusUnreflectedEvent}/briefing` },
  "/reflections/new": { url: `/reflections/new?participation=${ids.markusUnreflected}` },
  // Markus's reflection, shared with the CX team: reviewers and admins may not read it.
  "/reflections/[id]": { url: `/reflections/${ids.markusReflection}`, notFoundFor: ["reviewer", "admin"] },
  // Markus's own reflection: its edit page is his alone (another executive's 404 is tried below).
  "/reflections/[id]/edit": { url: `/reflections/${ids.markusReflection}/edit`, notFoundFor: ["organizer", "reviewer", "admin"] },
  "/summary": { url: "/summary" },
  "/people": { url: "/people" },
  "/audit": { url: "/audit" },
  "/agenda": { url: "/agenda?view=month" },
  // The demo data has sent no mail yet: an id of none, which only an admin gets as far as.
  "/admin/mail": { url: "/admin/mail?via=outbox" },
  "/admin/mail/[id]": { url: "/admin/mail/00000000-0000-4000-8000-000000000000", notFoundFor: ["admin"] },
  // The library with a search and a filter: organizers and executives read their own scope of it.
  "/library": { url: "/library?q=Rechnung&kind=ouch" },
};

function expectedPage(page: PagePath, who: Who): PageOutcome {
  if (!allows(pageAccess[page], who === "anonymous" ? null : who)) return who === "anonymous" ? "sign-in" : "not-allowed";
  return pages[page].notFoundFor?.includes(who) ? "not-found" : "shown";
}

type ActionFixture = {
  /** Well-formed input an allowed caller could send: what a refused caller tries. */
  valid: Record<string, string>;
  /** Input the action's schema refuses, so that an allowed caller is shown to get past the policy with nothing written. */
  invalid: Record<string, string>;
  /** An action that uses no argument (signing out): React sends it the empty list as plain text. */
  noArguments?: boolean;
};

const validEvent = {
  type: "call_listening",
  title: "A safari no one may create",
  briefing: "",
  location: "",
  start: "2030-06-03T09:00",
  end: "2030-06-03T10:00",
  timeZone: "Europe/Berlin",
  seats: "1",
};

/** The page an action is posted to, with a real id where its route has one. */
const idFor = (route: string) =>
  route.startsWith("/organize/match/") ? matchRunId : route.startsWith("/organize/series/") ? seriesId : route.startsWith("/organize/hosts/") ? ids.host : ids.publishedEvent;
const urlOf = (route: string) => route.replaceAll("[id]", idFor(route)).replaceAll("[key]", "other");

const actions: Record<ActionName, ActionFixture> = {
  signInAction: { valid: { email: accounts.executive, password: demoPassword }, invalid: { email: "", password: "" } },
  signOutAction: { valid: {}, invalid: {}, noArguments: true },
  changePasswordAction: { valid: { currentPassword: demoPassword, newPassword: "a-new-password-1", confirmPassword: "a-new-password-1" }, invalid: {} },
  createEventAction: { valid: validEvent, invalid: {} },
  updateEventAction: { valid: { ...validEvent, eventId: ids.publishedEvent }, invalid: { eventId: ids.publishedEvent } },
  changeEventStatusAction: { valid: { eventId: ids.draftEvent, to: "publish" }, invalid: { eventId: "not-an-id" } },
  cancelEventAction: { valid: { eventId: ids.publishedEvent, reason: "Nobody may cancel this safari." }, invalid: { eventId: "not-an-id" } },
  markAttendanceAction: { valid: { eventId: ids.publishedEvent, participationId: ids.ahmetsSeat, outcome: "no_show" }, invalid: {} },
  signUpAction: { valid: { eventId: ids.publishedEvent }, invalid: { eventId: "not-an-id" } },
  withdrawAction: { valid: { participationId: ids.ahmetsSeat }, invalid: { participationId: "not-an-id" } },
  acceptInvitationAction: { valid: { participationId: ids.sofiasInvitation }, invalid: { participationId: "not-an-id" } },
  declineInvitationAction: {
    valid: { participationId: ids.sofiasInvitation, reason: "Someone else's no" },
    invalid: { participationId: ids.sofiasInvitation, reason: "x".repeat(501) },
  },
  joinWaitlistAction: { valid: { eventId: ids.fullEvent }, invalid: { eventId: "not-an-id" } },
  leaveWaitlistAction: { valid: { participationId: ids.juliasWaitlistPlace }, invalid: { participationId: "not-an-id" } },
  markNotificationsReadAction: { valid: { notificationId: "all" }, invalid: { notificationId: "not-an-id" } },
  changeReflectionVisibilityAction: {
    valid: { reflectionId: ids.markusReflection, visibility: "private" },
    invalid: { reflectionId: ids.markusReflection, visibility: "everyone" },
  },
  // The structured reflection (lib/reflections/schema.ts), written, edited and drafted in someone else's name.
  createReflectionAction: { valid: { participationId: ids.markusUnreflected, ...someoneElsesReflection }, invalid: { participationId: ids.markusUnreflected } },
  editReflectionAction: { valid: { reflectionId: ids.markusReflection, ...someoneElsesReflection }, invalid: { reflectionId: ids.markusReflection } },
  saveReflectionDraftAction: {
    valid: { participationId: ids.markusUnreflected, "moments.0.body": "Someone else's draft" },
    invalid: { participationId: "not-an-id" },
  },
  updateCommitmentAction: {
    valid: { commitmentId: ids.markusOpenCommitment, status: "dropped", note: "Nobody may drop this commitment" },
    invalid: { commitmentId: "not-an-id" },
  },
  closeCommitmentLoopAction: {
    valid: { commitmentId: ids.markusOpenCommitment, note: "Nobody may close this loop", customerTold: "on" },
    invalid: { commitmentId: "not-an-id" },
  },
  saveOwnProfileAction: {
    valid: { timeZone: "Pacific/Chatham", languages: "tr", preferredTypes: "home_visit", blackoutStart: "2030-06-03T09:00", blackoutEnd: "2030-06-04T09:00" },
    invalid: { timeZone: "Nowhere/Zone" },
  },
  saveExecutiveProfileAction: {
    valid: { executiveId: ids.nikos, department: "A department no one may set", seniority: "director", cadencePerQuarter: "12", monthlyCap: "31" },
    invalid: { executiveId: ids.nikos, department: "", seniority: "vp", cadencePerQuarter: "13", monthlyCap: "2" },
  },
  createMatchRunAction: { valid: { ...matchPeriod, eventIds: ids.publishedEvent }, invalid: { ...matchPeriod, eventIds: "" } },
  removeProposalAction: {
    get valid() {
      return { runId: matchRunId, proposalId: ids.ahmetsSeat };
    },
    invalid: { runId: "not-an-id", proposalId: ids.ahmetsSeat },
  },
  addProposalAction: {
    get valid() {
      return { runId: matchRunId, executiveId: ids.nikos, eventId: ids.publishedEvent };
    },
    invalid: { runId: "not-an-id", executiveId: ids.nikos, eventId: ids.publishedEvent },
  },
  rerunMatchRunAction: {
    get valid() {
      return { runId: matchRunId };
    },
    invalid: { runId: "not-an-id" },
  },
  publishMatchRunAction: {
    get valid() {
      return { runId: matchRunId, respondWithinDays: "5" };
    },
    get invalid() {
      return { runId: matchRunId, respondWithinDays: "99" };
    },
  },
  createEventTypeAction: {
    valid: { name: "A type no one may add", defaultDurationMinutes: "60", defaultSeats: "1", maxSeats: "", lateWithdrawalHours: "24", guidance: "" },
    invalid: { name: "" },
  },
  updateEventTypeAction: {
    valid: { key: "other", name: "Renamed by no one", defaultDurationMinutes: "60", defaultSeats: "1", maxSeats: "1", lateWithdrawalHours: "24", guidance: "" },
    invalid: { key: "other", name: "" },
  },
  archiveEventTypeAction: { valid: { key: "other", archived: "true" }, invalid: { key: "other", archived: "maybe" } },
  saveExpectationAction: {
    valid: { participationId: ids.ahmetsSeat, expectation: "Words in someone else's name", empathy1: "4", empathy2: "4", empathy3: "4" },
    invalid: { participationId: ids.ahmetsSeat, expectation: "" },
  },
  createSeriesAction: { valid: validSeries, invalid: { ...validSeries, count: "53" } },
  publishSeriesAction: {
    get valid() {
      return { seriesId };
    },
    invalid: { seriesId: "not-an-id" },
  },
  createCalendarFeedAction: { valid: { currentFeedId: "" }, invalid: { currentFeedId: "not-an-id" } },
  revokeCalendarFeedAction: { valid: { feedId: ids.nikos }, invalid: { feedId: "not-an-id" } },
  createHostAction: { valid: { firstName: "A host no one may add", language: "de" }, invalid: { firstName: "", language: "xx" } },
  updateHostAction: {
    valid: { hostId: ids.host, firstName: "Renamed by no one", language: "de" },
    invalid: { hostId: ids.host, firstName: "", language: "de" },
  },
  archiveHostAction: { valid: { hostId: ids.host, archived: "true" }, invalid: { hostId: ids.host, archived: "maybe" } },
  recordConsentAction: {
    valid: { hostId: ids.host, types: "call_listening", givenOn: matchPeriod.from, validUntil: matchPeriod.to, executivesMayObserve: "on" },
    invalid: { hostId: ids.host, types: "" },
  },
  withdrawConsentAction: { valid: { hostId: ids.host, consentId: ids.hostConsent }, invalid: { hostId: ids.host, consentId: "not-an-id" } },
  addEventHostAction: { valid: { eventId: ids.draftEvent, hostId: ids.host }, invalid: { eventId: "not-an-id", hostId: ids.host } },
  removeEventHostAction: { valid: { eventId: ids.fullEvent, hostId: ids.host }, invalid: { eventId: "not-an-id", hostId: ids.host } },
  addEventPersonaAction: { valid: { eventId: ids.draftEvent, personaId: ids.persona }, invalid: { eventId: "not-an-id", personaId: ids.persona } },
  removeEventPersonaAction: { valid: { eventId: ids.publishedEvent, personaId: ids.persona }, invalid: { eventId: "not-an-id", personaId: ids.persona } },
  createPersonaAction: { valid: { name: "A persona no one may add" }, invalid: { name: "" } },
  updatePersonaAction: { valid: { personaId: ids.persona, name: "Renamed by no one" }, invalid: { personaId: ids.persona, name: "" } },
  changeRoleAction: { valid: { userId: ids.nikos, role: "admin" }, invalid: { userId: "not-an-id" } },
  endAllSessionsAction: { valid: { userId: ids.nikos }, invalid: { userId: "not-an-id" } },
  saveMailPreferencesAction: { valid: { wanted: "invitation" }, invalid: { wanted: "not-a-kind" } },
  resendMailAction: { valid: { notificationId: "00000000-0000-4000-8000-000000000000" }, invalid: { notificationId: "not-an-id" } },
};

/** Posts an action as React would, to a page of its with real ids. */
function callAction(context: APIRequestContext, baseURL: string, name: ActionName, fields: Record<string, string>): Promise<APIResponse> {
  return postAction(context, baseURL, name, fields, { url: urlOf(actionEndpoint(name).route), noArguments: actions[name].noArguments });
}

test.describe.configure({ mode: "serial" });

const contexts = new Map<Who, APIRequestContext>();

test.beforeAll(async ({ baseURL }) => {
  contexts.set("anonymous", await request.newContext({ baseURL }));
  for (const role of Object.keys(accounts) as UserRole[]) contexts.set(role, await signedIn(baseURL!, accounts[role]));
  // The organizer runs the matcher over the first safari the form offers: its answer redirects to the run.
  const organizer = contexts.get("organizer")!;
  const form = await (await organizer.get(pages["/organize/match"].url)).text();
  const eventId = /name="eventIds"[^>]* value="([0-9a-f-]{36})"/.exec(form)?.[1];
  expect(eventId, "a safari to match in the demo data").toBeTruthy();
  const created = await callAction(organizer, baseURL!, "createMatchRunAction", { ...matchPeriod, eventIds: eventId! });
  const location = created.headers()["x-action-redirect"]?.split(";")[0] ?? "";
  matchRunId = /^\/organize\/match\/([0-9a-f-]{36})$/.exec(location)?.[1] ?? "";
  expect(matchRunId, `the run's page (the action answered ${created.status()} ${location})`).toBeTruthy();
  const planned = await callAction(organizer, baseURL!, "createSeriesAction", validSeries);
  seriesId = /^\/organize\/series\/([0-9a-f-]{36})$/.exec(planned.headers()["x-action-redirect"]?.split(";")[0] ?? "")?.[1] ?? "";
  expect(seriesId, `the series' page (the action answered ${planned.status()})`).toBeTruthy();
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
});

/** Gets each path as each role, and compares what happened with what should have, all rows at once. */
async function expectOutcomes<P extends string>(
  paths: P[],
  urlOf: (path: P) => string,
  expected: (path: P, who: Who) => PageOutcome,
  methodOf: (path: P) => "GET" | "POST" = () => "GET",
) {
  const seen: string[] = [];
  const wanted: string[] = [];
  for (const path of paths) {
    for (const who of everyone) {
      const response = await contexts.get(who)!.fetch(urlOf(path), { method: methodOf(path), maxRedirects: 0 });
      seen.push(`${path} as ${who}: ${pageOutcome(response)}`);
      wanted.push(`${path} as ${who}: ${expected(path, who)}`);
    }
  }
  expect(seen).toEqual(wanted);
}

test("every page gives each role what the policy table says", async () => {
  await expectOutcomes(Object.keys(pageAccess) as PagePath[], (page) => pages[page].url, expectedPage);
});

test("every server action refuses the roles the policy table leaves out, and lets the others reach its validation", async ({ baseURL }) => {
  const seen: string[] = [];
  const expected: string[] = [];
  for (const name of Object.keys(actionAccess) as ActionName[]) {
    // Signing out would end the session the rest of the matrix uses: it has a test of its own below.
    for (const who of everyone) {
      const allowed = allows(actionAccess[name], who === "anonymous" ? null : who);
      if (name === "signOutAction" && allowed) continue;
      const fixture = actions[name];
      const response = await callAction(contexts.get(who)!, baseURL!, name, allowed ? fixture.invalid : fixture.valid);
      seen.push(`${name} as ${who}: ${await actionOutcome(response)}`);
      expected.push(`${name} as ${who}: ${allowed ? "code VALIDATION" : "refused"}`);
    }
  }
  expect(seen).toEqual(expected);
});

// Route handlers: what each role gets, by the table and by whose the data is. Markus attended the shop
// visit, so its .ics is his to download; a feed token nobody was given opens nothing, for anyone.
const routes: Record<RoutePath, { url: string; method?: "POST"; outcome: (who: Who) => PageOutcome }> = {
  "/api/auth/[...nextauth]": { url: "/api/auth/session", outcome: () => "shown" },
  "/calendar/safaris/[id]": {
    url: `/calendar/safaris/${ids.markusUnreflectedEvent}`,
    outcome: (who) => (who === "anonymous" ? "sign-in" : who === "executive" || who === "organizer" ? "shown" : "not-found"),
  },
  "/calendar/feed/[token]": { url: `/calendar/feed/${"A".repeat(43)}`, outcome: () => "not-found" },
  // Test-only routes: this server runs without SAFARI_TEST_CLOCK, so they do not exist for anyone here,
  // not even for the POST that moves the clock or runs a job (e2e/reflection-journey.spec.ts has a server of its own).
  "/api/test/clock": { url: "/api/test/clock", method: "POST", outcome: () => "not-found" },
  "/api/test/jobs/[name]": { url: "/api/test/jobs/follow-up-commitments", method: "POST", outcome: () => "not-found" },
};

test("every route handler gives each role what the policy table and the data say", async () => {
  await expectOutcomes(
    Object.keys(routeAccess) as RoutePath[],
    (route) => routes[route].url,
    (route, who) => routes[route].outcome(who),
    (route) => routes[route].method ?? "GET",
  );
  // And the clock's plain read is not there either.
  for (const who of everyone) expect(pageOutcome(await contexts.get(who)!.get("/api/test/clock", { maxRedirects: 0 })), who).toBe("not-found");
});

test("an executive cannot act on another executive's seat, invitation, waitlist place, reflection, commitment or briefing", async ({ baseURL }) => {
  const other = await signedIn(baseURL!, otherExecutive);
  try {
    const tries: [ActionName, Record<string, string>][] = [
      ["withdrawAction", { participationId: ids.ahmetsSeat }],
      ["acceptInvitationAction", { participationId: ids.sofiasInvitation }],
      ["declineInvitationAction", { participationId: ids.sofiasInvitation }],
      ["leaveWaitlistAction", { participationId: ids.juliasWaitlistPlace }],
      ["createReflectionAction", actions.createReflectionAction.valid],
      ["changeReflectionVisibilityAction", actions.changeReflectionVisibilityAction.valid],
      ["editReflectionAction", actions.editReflectionAction.valid],
      ["saveReflectionDraftAction", actions.saveReflectionDraftAction.valid],
      ["updateCommitmentAction", actions.updateCommitmentAction.valid],
      ["closeCommitmentLoopAction", actions.closeCommitmentLoopAction.valid],
      ["saveExpectationAction", actions.saveExpectationAction.valid],
    ];
    for (const [name, fields] of tries) {
      expect(`${name}: ${await actionOutcome(await callAction(other, baseURL!, name, fields))}`).toBe(`${name}: code NOT_FOUND`);
    }
    // Nor read what is Markus's.
    expect(pageOutcome(await other.get(`/reflections/${ids.markusReflection}`, { maxRedirects: 0 }))).toBe("not-found");
    expect(pageOutcome(await other.get(`/reflections/${ids.markusReflection}/edit`, { maxRedirects: 0 }))).toBe("not-found");
    expect(pageOutcome(await other.get(`/reflections/new?participation=${ids.markusUnreflected}`, { maxRedirects: 0 }))).toBe("not-found");
    expect(pageOutcome(await other.get(pages["/safaris/[id]/briefing"].url, { maxRedirects: 0 }))).toBe("not-found");
    // Nor download the calendar file of a safari he is not on.
    expect(pageOutcome(await other.get(`/calendar/safaris/${ids.markusUnreflectedEvent}`, { maxRedirects: 0 }))).toBe("not-found");
  } finally {
    await other.dispose();
  }
});

test("nothing the refused calls tried was written", async ({ baseURL }) => {
  const organizer = contexts.get("organizer")!;
  // Markus's reflection is still shared with the CX team: nobody made it private.
  expect(pageOutcome(await organizer.get(`/reflections/${ids.markusReflection}`, { maxRedirects: 0 }))).toBe("shown");
  const eventPage = await (await organizer.get(`/organize/events/${ids.publishedEvent}`)).text();
  expect(eventPage).toContain("Ahmet Yıldız");
  expect(eventPage).not.toMatch(/Nobody may cancel this safari/);
  // Sofia's invitation is still open, and Julia is still first on the waitlist of the full home visit.
  expect(await (await organizer.get(`/organize/events/${ids.invitationEvent}`)).text()).toMatch(/Sofia Karali.*?Invited/s);
  expect(await (await organizer.get(`/organize/events/${ids.fullEvent}`)).text()).toMatch(/Waitlist in order.*?1\. Julia Neumann/s);
  const draftPage = await (await organizer.get(`/organize/events/${ids.draftEvent}`)).text();
  expect(draftPage).toContain("Draft");
  const events = await (await organizer.get("/organize")).text();
  expect(events).not.toContain("A safari no one may create");

  const markus = contexts.get("executive")!;
  const reflection = await (await markus.get(`/reflections/${ids.markusReflection}`)).text();
  // His commitment is still open, with no update or closed loop from anyone else.
  expect(reflection).toContain("Kundennummer aus dem Sprachdialog");
  const openOnes = await (await markus.get("/commitments?status=open")).text();
  expect(openOnes, "Markus's open commitment").toContain("Kundennummer aus dem Sprachdialog");
  expect(openOnes).not.toMatch(/Nobody may (drop this commitment|close this loop)/);
  // Nobody edited it: its moments and visibility are his own.
  expect(reflection).not.toContain("Someone else&#x27;s words");
  // And the safari he has not reflected on still waits for his reflection, with no draft in someone else's words.
  const unreflected = await (await markus.get(`/reflections/new?participation=${ids.markusUnreflected}`)).text();
  expect(unreflected).toContain("Save reflection");
  expect(unreflected).not.toMatch(/Someone else(&#x27;|')s (draft|words)/);

  // The organizer's match run is still a draft: nothing published, removed, added by hand or re-run.
  const run = await (await organizer.get(`/organize/match/${matchRunId}`)).text();
  expect(run).toContain("Publish run");
  expect(run).not.toMatch(/added by hand by|removed: a re-run keeps/);
  expect(await (await organizer.get("/organize/match")).text()).not.toContain("Re-run, draft");

  // Jana is still a current host with her consent, on the home visit; the personas are as the seed left them.
  const host = await (await organizer.get(`/organize/hosts/${ids.host}`)).text();
  expect(host).toContain("Jana");
  expect(host).not.toMatch(/Renamed by no one|Archived:|Withdrawn on/);
  expect(host.replaceAll("<!-- -->", "")).toContain("1 consent recorded");
  expect(await (await organizer.get(`/organize/events/${ids.fullEvent}`)).text()).toContain("Jana Yilmaz");
  const personaList = await (await organizer.get("/organize/personas")).text();
  expect(personaList).toContain("Young families");
  expect(personaList).not.toMatch(/no one may/);
  expect(await (await organizer.get("/organize/hosts")).text()).not.toContain("A host no one may add");

  // Nikos's profile is as the seed left it.
  const nikosProfile = await (await organizer.get(`/organize/executives/${ids.nikos}`)).text();
  expect(nikosProfile).toContain("Sales");
  expect(nikosProfile).not.toContain("A department no one may set");
  const markusProfile = await (await markus.get("/profile")).text();
  expect(markusProfile).toContain('value="Europe/Berlin" selected=""');
  expect(markusProfile).not.toContain('value="Pacific/Chatham" selected=""');

  // Nikos is still an executive: his start page is the executives' one.
  const nikos = await signedIn(baseURL!, otherExecutive);
  try {
    expect((await nikos.get("/", { maxRedirects: 0 })).headers().location).toMatch(/\/safaris$/);
  } finally {
    await nikos.dispose();
  }
});

test("signing out through the action ends that session", async ({ baseURL }) => {
  const session = await signedIn(baseURL!, accounts.reviewer);
  try {
    expect(pageOutcome(await session.get("/summary", { maxRedirects: 0 }))).toBe("shown");
    const response = await callAction(session, baseURL!, "signOutAction", {});
    expect(response.status()).toBeLessThan(500);
    expect(pageOutcome(await session.get("/summary", { maxRedirects: 0 }))).toBe("sign-in");
  } finally {
    await session.dispose();
  }
});
