import { expect, test, type APIRequestContext } from "@playwright/test";
import type { UserRole } from "@/db/enums";
import { seedId } from "@/db/seed-data";
import { actionAccess, allows, pageAccess, routeAccess, type ActionName, type PagePath, type RoutePath } from "@/lib/auth/policy";
import { CommitmentsPage } from "./pages/commitments-page";
import { LibraryPage } from "./pages/library-page";
import { ReflectionPage } from "./pages/reflection-page";
import { signedInPage } from "./support/demo-accounts";
import { someoneElsesReflection } from "./support/forged-reflection";
import { actionEndpoint, actionOutcome, postAction, signedIn } from "./support/http";

/*
 * Who may read a reflection (issue 11, item 3), on the seeded demo data in Chromium and over plain HTTP:
 * Markus's reflection shared with the CX team, Felix's anonymised one and Eleni's private one, opened by
 * another executive, an organizer, a reviewer and an admin. Only the organizer reads Markus's; nobody
 * reads the others, on their pages, in the library, the commitment lists, or any page or route of the
 * policy table; and no non-author's write reaches them. Read only: the refused writes write nothing.
 */
type Reader = UserRole;
const readers: Record<Reader, string> = {
  executive: "ahmet.yildiz@safari.example",
  organizer: "lena.hoffmann@safari.example",
  reviewer: "katrin.albers@safari.example",
  admin: "tobias.krueger@safari.example",
};
const readerRoles = Object.keys(readers) as Reader[];

type Seeded = {
  name: string;
  visibility: "cx_team" | "anonymised" | "private";
  id: string;
  authorId: string;
  eventId: string;
  participationId: string;
  commitmentId: string;
  /** A word of a moment for the library's search, and that moment's text. */
  search: string;
  moment: string;
  /** A word of a commitment for the organizers' search, and that commitment's text. */
  commitmentSearch: string;
  commitment: string;
  /** Texts of the reflection that no page may show to a reader who may not read it. */
  texts: string[];
};

const seeded = (event: string, author: string, commitmentKey: string) => ({
  id: seedId(`reflection:${event}:${author}`),
  authorId: seedId(`user:${author}`),
  eventId: seedId(`event:${event}`),
  participationId: seedId(`participation:${event}:${author}`),
  commitmentId: seedId(`commitment:${commitmentKey}`),
});

const reflections: Seeded[] = [
  {
    name: "Markus's",
    visibility: "cx_team",
    ...seeded("kuendigungsanrufe", "markus.brandt", "kundennummer"),
    search: "Warteschleife",
    moment: "Eine Kundin hing 14 Minuten in der Warteschleife",
    commitmentSearch: "Sprachdialog",
    commitment: "Kundennummer aus dem Sprachdialog automatisch",
    texts: ["Warteschleife, nur um kündigen", "Kundennummer aus dem Sprachdialog", "Kündigungsgründe monatlich", "Die wollen mich absichtlich hinhalten", "die dritte unbeantwortete E-Mail"],
  },
  {
    name: "Felix's",
    visibility: "anonymised",
    ...seeded("hausbesuch-tablet", "felix.wagner", "grosse-schrift"),
    search: "Sonderzeichen",
    moment: "Das Passwort-Feld verlangte Sonderzeichen",
    commitmentSearch: "Large-text",
    commitment: "Large-text mode in the app",
    texts: ["Sonderzeichen, die er auf der Tastatur", "Schrift in der App war zu klein", "Large-text mode", "special-character rule", "Suchte lange nach dem Sonderzeichen", "he struggled with our sign-up"],
  },
  {
    name: "Eleni's",
    visibility: "private",
    ...seeded("athens-service-desk", "eleni.georgiou", "priority-queue"),
    search: "λεπτά",
    moment: "Μια κυρία περίμενε 40 λεπτά",
    commitmentSearch: "γκισέ",
    commitment: "Προτεραιότητα στο γκισέ",
    texts: ["περίμενε 40 λεπτά", "κωδικός επιβεβαίωσης", "Προτεραιότητα στο γκισέ", "Περίμενε όρθια", "Πόσοι πελάτες έρχονται"],
  },
];

/** lib/reflections/access.ts: besides its author, only the CX team reads a reflection, and only one shared with them. */
const mayRead = (reader: Reader, reflection: Seeded) => reader === "organizer" && reflection.visibility === "cx_team";

for (const reader of readerRoles) {
  test(`the ${reader} opens each reflection and its edit form, the library and the commitments, and reads only what is shared with them`, async ({ browser }) => {
    const page = await signedInPage(browser, readers[reader]);
    const reflectionPage = new ReflectionPage(page);
    for (const reflection of reflections) {
      await test.step(`${reflection.name} ${reflection.visibility} reflection`, async () => {
        const response = await reflectionPage.goto(reflection.id);
        if (mayRead(reader, reflection)) {
          expect(response?.status()).toBe(200);
          await expect(reflectionPage.moments.getByText(reflection.moment)).toBeVisible();
        } else {
          // Someone else's reflection looks exactly like a missing one.
          expect(response?.status()).toBe(404);
          await expect(reflectionPage.notFound).toBeVisible();
          await expect(reflectionPage.text(reflection.moment)).toHaveCount(0);
        }
        // The edit form is its author's alone: a 404 for everyone else, whatever their role.
        const edit = await reflectionPage.goto(reflection.id, { edit: true });
        expect(edit?.status()).toBe(404);
        await expect(reflectionPage.notFound).toBeVisible();
        await expect(reflectionPage.text(reflection.moment)).toHaveCount(0);

        if (allows(pageAccess["/library"], reader)) {
          const library = new LibraryPage(page);
          await library.goto(`?q=${encodeURIComponent(reflection.search)}`);
          await expect(library.count).toBeVisible();
          await expect(library.moment(new RegExp(reflection.moment))).toHaveCount(mayRead(reader, reflection) ? 1 : 0);
        }
        if (allows(pageAccess["/organize/commitments"], reader)) {
          const shared = new CommitmentsPage(page, "/organize/commitments");
          await shared.goto(`?q=${encodeURIComponent(reflection.commitmentSearch)}`);
          await expect(shared.commitment(new RegExp(reflection.commitment))).toHaveCount(mayRead(reader, reflection) ? 1 : 0);
        }
        if (allows(pageAccess["/commitments"], reader)) {
          const own = new CommitmentsPage(page, "/commitments");
          await own.goto();
          await expect(own.commitment(new RegExp(reflection.commitment))).toHaveCount(0);
        }
      });
    }
    await page.context().close();
  });
}

/*
 * Every page and route of the policy table, with the ids of the three reflections, their safaris and
 * authors where its path has one; the rows that hold nothing of a reflection (a match run, a series, a
 * host, a type of safari) say so here, so that a new row must be placed in one list or the other.
 */
const urlsOf: Partial<Record<PagePath | RoutePath, (reflection: Seeded) => string[]>> = {
  "/organize/events/[id]": (r) => [`/organize/events/${r.eventId}`],
  "/organize/events/[id]/edit": (r) => [`/organize/events/${r.eventId}/edit`],
  "/organize/events/[id]/cancel": (r) => [`/organize/events/${r.eventId}/cancel`],
  "/organize/executives/[id]": (r) => [`/organize/executives/${r.authorId}`],
  "/organize/commitments": (r) => ["/organize/commitments", `/organize/commitments?q=${encodeURIComponent(r.commitmentSearch)}`],
  "/commitments": () => ["/commitments", "/commitments?status=open"],
  "/safaris/[id]": (r) => [`/safaris/${r.eventId}`],
  "/safaris/[id]/briefing": (r) => [`/safaris/${r.eventId}/briefing`],
  "/reflections/new": (r) => [`/reflections/new?participation=${r.participationId}`],
  "/reflections/[id]": (r) => [`/reflections/${r.id}`],
  "/reflections/[id]/edit": (r) => [`/reflections/${r.id}/edit`],
  "/library": (r) => ["/library", `/library?q=${encodeURIComponent(r.search)}`, `/library?commitment=${r.commitmentId}`],
  "/calendar/safaris/[id]": (r) => [`/calendar/safaris/${r.eventId}`],
};
const unrelated = new Set<string>([
  "/organize/match/[id]",
  "/organize/types/[key]",
  "/organize/series/[id]",
  "/organize/hosts/[id]",
  // The admin's mails are read one by one below, from the outbox's list.
  "/admin/mail/[id]",
  // A feed opens only with its owner's secret token; no reader here has one, and a wrong token opens nothing.
  "/calendar/feed/[token]",
  "/api/auth/[...nextauth]",
  // Test-only routes, absent from this server (e2e/authorization.spec.ts).
  "/api/test/clock",
  "/api/test/jobs/[name]",
]);

function sweepUrls(): string[] {
  const urls = new Set<string>();
  for (const path of [...Object.keys(pageAccess), ...Object.keys(routeAccess)] as (PagePath | RoutePath)[]) {
    const of = urlsOf[path];
    if (of) reflections.flatMap(of).forEach((url) => urls.add(url));
    else if (!path.includes("[")) urls.add(path);
    else expect(unrelated.has(path), `${path}: which reflection's ids does it take? Add it to urlsOf or unrelated`).toBe(true);
  }
  return [...urls];
}

async function bodyOf(context: APIRequestContext, url: string) {
  return (await context.get(url)).text();
}

for (const reader of readerRoles) {
  test(`no page, route or export shows the ${reader} a reflection they may not read`, async ({ baseURL }) => {
    const context = await signedIn(baseURL!, readers[reader]);
    try {
      const urls = sweepUrls();
      // The admin's outbox: every mail of its first page, as sent (a follow-up mail must not carry a commitment).
      if (reader === "admin") {
        const outbox = await bodyOf(context, "/admin/mail");
        urls.push(...new Set([...outbox.matchAll(/\/admin\/mail\/([0-9a-f-]{36})/g)].map((match) => `/admin/mail/${match[1]}`)));
      }
      const leaks: string[] = [];
      for (const url of urls) {
        const body = await bodyOf(context, url);
        for (const reflection of reflections.filter((r) => !mayRead(reader, r))) {
          for (const text of reflection.texts) if (body.includes(text)) leaks.push(`${url} shows ${reflection.name} “${text}”`);
        }
      }
      expect(leaks).toEqual([]);
      // The sweep is not empty: the organizer does read Markus's shared reflection through it.
      if (reader === "organizer") expect(await bodyOf(context, `/reflections/${reflections[0]!.id}`)).toContain(reflections[0]!.texts[0]);
    } finally {
      await context.dispose();
    }
  });
}

/** A forger's words: if any were written, the organizer's library and commitments would show them. */
const forged = "Forged by the visibility matrix";
const forgedReflection = { ...someoneElsesReflection, "moments.0.body": forged, "commitments.0.body": forged, visibility: "cx_team" };

/** The writes a non-author tries on each reflection: each makes it readable to the CX team, or changes it. */
const writes: [ActionName, (reflection: Seeded) => Record<string, string>][] = [
  ["changeReflectionVisibilityAction", (r) => ({ reflectionId: r.id, visibility: r.visibility === "cx_team" ? "anonymised" : "cx_team" })],
  ["editReflectionAction", (r) => ({ reflectionId: r.id, ...forgedReflection })],
  ["saveReflectionDraftAction", (r) => ({ participationId: r.participationId, "moments.0.body": forged })],
  ["createReflectionAction", (r) => ({ participationId: r.participationId, ...forgedReflection })],
  ["updateCommitmentAction", (r) => ({ commitmentId: r.commitmentId, status: "dropped", note: forged })],
  ["closeCommitmentLoopAction", (r) => ({ commitmentId: r.commitmentId, note: forged, customerTold: "on" })],
];

test("no one but the author edits a reflection, changes who reads it, drafts on it or moves its commitment: not found, and nothing written", async ({ baseURL }) => {
  const seen: string[] = [];
  const wanted: string[] = [];
  for (const reader of readerRoles) {
    const context = await signedIn(baseURL!, readers[reader]);
    try {
      for (const reflection of reflections) {
        for (const [name, fields] of writes) {
          // Posted to the page that uses the action, with this reflection's id in its path.
          const url = actionEndpoint(name).route.replace("[id]", reflection.id);
          seen.push(`${name} on ${reflection.name} as ${reader}: ${await actionOutcome(await postAction(context, baseURL!, name, fields(reflection), { url }))}`);
          // The policy table keeps the other roles out; another executive gets past it, to "not found".
          wanted.push(`${name} on ${reflection.name} as ${reader}: ${allows(actionAccess[name], reader) ? "code NOT_FOUND" : "refused"}`);
        }
      }
    } finally {
      await context.dispose();
    }
  }
  expect(seen).toEqual(wanted);

  // Nothing was written: still 404 to the CX team where it was, Markus's as he wrote it, no forged words anywhere.
  const organizer = await signedIn(baseURL!, readers.organizer);
  try {
    for (const reflection of reflections) {
      const response = await organizer.get(`/reflections/${reflection.id}`);
      expect(response.status(), reflection.name).toBe(mayRead("organizer", reflection) ? 200 : 404);
      expect(await response.text()).not.toContain(forged);
    }
    expect(await bodyOf(organizer, `/reflections/${reflections[0]!.id}`)).toContain("Visible to:");
    expect(await bodyOf(organizer, `/organize/commitments?q=${encodeURIComponent(reflections[0]!.commitmentSearch)}`)).toContain(reflections[0]!.commitment);
    expect(await bodyOf(organizer, `/library?q=${encodeURIComponent("Forged")}`)).not.toContain(forged);
    expect(await bodyOf(organizer, `/organize/commitments?q=${encodeURIComponent("Forged")}`)).not.toContain(forged);
  } finally {
    await organizer.dispose();
  }
});
