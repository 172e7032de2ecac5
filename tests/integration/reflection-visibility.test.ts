import { beforeAll, describe, expect, it } from "vitest";
import { asc, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { ReflectionVisibility, UserRole } from "@/db/enums";
import { auditLog, commitmentMoments, commitments, commitmentUpdates, participations, reflectionDrafts, reflectionMoments, reflections } from "@/db/schema";
import { agendaEntries } from "@/lib/agenda/data";
import { listAuditEntries } from "@/lib/audit/data";
import { allows, pageAccess, routeAccess, type Access } from "@/lib/auth/policy";
import { findBriefing } from "@/lib/briefing/data";
import { downloadableSafari, feedSafaris } from "@/lib/calendar/data";
import { feedCalendar, safariCalendar } from "@/lib/calendar/ics";
import { listCommitments } from "@/lib/commitments/data";
import { closeCommitmentLoop, followUpCommitments, updateCommitment } from "@/lib/commitments/mutations";
import { loadEngagementFigures } from "@/lib/engagement/data";
import { shapeSummary } from "@/lib/engagement/summary";
import { AppError } from "@/lib/errors/app-error";
import { findEventForOrganizer } from "@/lib/events/data";
import { commitmentInScope, commitmentsOfMoments, libraryScopeFor, listLibrary } from "@/lib/library/data";
import { getMail, listMails } from "@/lib/mail/data";
import { deliverPendingMail } from "@/lib/mail/mutations";
import { outboxTransport } from "@/lib/mail/transport";
import { listNotifications } from "@/lib/notifications/data";
import { findSafariForExecutive, listMySafaris } from "@/lib/participation/data";
import { findExecutiveProfile } from "@/lib/people/data";
import { commitmentDueDates, findParticipationForReflection, loadDraft, loadOwnReflection, loadReflectionFor } from "@/lib/reflections/data";
import { changeVisibility, createReflection, editReflection, saveDraft } from "@/lib/reflections/mutations";
import type { ReflectionInput } from "@/lib/reflections/schema";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";
import { commitment, moment } from "../support/reflections";

/*
 * Who may read a reflection (issue 11, item 3), as a matrix against a real database: one safari, three
 * executives who wrote a private, a CX-team and an anonymised reflection, and five readers (the author,
 * another executive who was there too, an organizer, a reviewer, an admin). Every read path the app has
 * for reflections, their moments, commitments, drafts and commitment notes is one row of `readPaths`;
 * each row is tried for every reader on every reflection, and what the reader gets back is searched for
 * that reflection's own word (every text of it carries one). Every write path a non-author could try is
 * one row of `writePaths`: not found, and nothing written.
 */

type ReaderKind = "author" | "other executive" | "organizer" | "reviewer" | "admin";
const readerKinds: ReaderKind[] = ["author", "other executive", "organizer", "reviewer", "admin"];
type Reader = { id: string; role: UserRole };

type Written = {
  visibility: ReflectionVisibility;
  /** A word in every text of the reflection (moments, quote, map, surprise, commitment, its note, the draft), and nowhere else. */
  word: string;
  author: Reader;
  reflectionId: string;
  participationId: string;
  eventId: string;
  momentIds: string[];
  commitmentId: string;
  /** The author's second safari, not yet reflected on: a draft waits there. */
  draftParticipationId: string;
};

const words: Record<ReflectionVisibility, string> = { private: "Quokka", cx_team: "Okapi", anonymised: "Axolotl" };
const visibilities = Object.keys(words) as ReflectionVisibility[];

const now = new Date();
const day = 86_400_000;
const today = now.toISOString().slice(0, 10);
const readers = {} as Record<Exclude<ReaderKind, "author">, Reader>;
const written = {} as Record<ReflectionVisibility, Written>;

function reflectionOf(participationId: string, word: string, visibility: ReflectionVisibility): ReflectionInput {
  return {
    participationId,
    moments: [
      moment({ body: `${word}: waited 40 minutes on hold`, quote: `${word}, I just want one person who knows my case.` }),
      moment({ kind: "aah", body: `${word}: the agent called back as promised`, emotion: "moved", intensity: 3 }),
    ],
    mapSaid: `${word} said`,
    mapDid: `${word} did`,
    mapThought: `${word} thought`,
    mapFelt: `${word} felt`,
    surprise: `${word} surprised me`,
    surpriseScore: 4,
    empathyAfter: [5, 5, 5],
    commitments: [commitment({ body: `${word}: one named agent for every case`, dueOn: "2030-01-31", moments: [0] })],
    visibility,
  };
}

beforeAll(async () => {
  const db = await getDb();
  const organizer = await makeUser("organizer");
  readers.organizer = organizer;
  readers.reviewer = await makeUser("reviewer");
  readers.admin = await makeUser("admin");
  readers["other executive"] = await makeExecutive();
  const startAt = new Date(now.getTime() - 3 * day);
  const safari = await makeEvent(organizer.id, { startAt, endAt: new Date(startAt.getTime() + 2 * 3_600_000), seats: 6, status: "completed" });
  const earlier = new Date(now.getTime() - 5 * day);
  const unreflected = await makeEvent(organizer.id, { startAt: earlier, endAt: new Date(earlier.getTime() + 2 * 3_600_000), seats: 6, status: "completed" });
  const attend = async (eventId: string, executiveId: string) =>
    (await db.insert(participations).values({ eventId, executiveId, status: "attended", source: "matched" }).returning())[0]!.id;

  for (const visibility of visibilities) {
    const author = await makeExecutive();
    const word = words[visibility];
    const participationId = await attend(safari.id, author.id);
    const reflectionId = await createReflection(author.id, reflectionOf(participationId, word, visibility), now);
    const draftParticipationId = await attend(unreflected.id, author.id);
    await saveDraft(author.id, draftParticipationId, { "moments.0.body": `${word} in a draft` }, now);
    const momentIds = (await db.select({ id: reflectionMoments.id }).from(reflectionMoments).where(inArray(reflectionMoments.reflectionId, [reflectionId]))).map((row) => row.id);
    const [made] = await db.select({ id: commitments.id }).from(commitments).where(inArray(commitments.reflectionId, [reflectionId]));
    await updateCommitment(author.id, { commitmentId: made!.id, status: "in_progress", note: `${word}: talked to the service desk lead` });
    written[visibility] = { visibility, word, author, reflectionId, participationId, eventId: safari.id, momentIds, commitmentId: made!.id, draftParticipationId };
  }
  // The other executive was there too, with a reflection of their own shared with the CX team.
  const other = readers["other executive"];
  await createReflection(other.id, reflectionOf(await attend(safari.id, other.id), "Pangolin", "cx_team"), now);
  await attend(unreflected.id, other.id);

  // A month on, the follow-ups ask each owner how their commitment is going, in the inbox and by mail.
  await db.update(commitments).set({ createdAt: new Date(now.getTime() - 31 * day) });
  await followUpCommitments(now);
  await deliverPendingMail(now, outboxTransport);
});

const readerOf = (kind: ReaderKind, target: Written): Reader => (kind === "author" ? target.author : readers[kind]);

/** Who may read a reflection's text: its author, and the CX team when it is shared with them (lib/reflections/access.ts). */
const rule = (kind: ReaderKind, visibility: ReflectionVisibility) => kind === "author" || (kind === "organizer" && visibility === "cx_team");
const authorOnly = (kind: ReaderKind) => kind === "author";
/** Paths that never carry a reflection's text, to anyone: only its counts or its safari. */
const never = () => false;

type ReadPath = {
  /** The page or route the path serves, in lib/auth/policy.ts. */
  access: Access;
  read: (reader: Reader, target: Written) => Promise<unknown>;
  /** Who should get the reflection's text (or, with `ids`, its id); `rule` when absent. */
  may?: (kind: ReaderKind, visibility: ReflectionVisibility) => boolean;
  /** The reflection's or its commitment's id counts as reading it too (a link to it, a due date by id). */
  ids?: boolean;
};

const noFilter = { actor: null, objectType: null, objectId: null, from: null, to: null };

const readPaths: Record<string, ReadPath> = {
  "/reflections/[id]": { access: pageAccess["/reflections/[id]"], read: (reader, t) => loadReflectionFor(reader, t.reflectionId) },
  "/reflections/[id]/edit": { access: pageAccess["/reflections/[id]/edit"], read: (reader, t) => loadOwnReflection(reader.id, t.reflectionId), may: authorOnly },
  "editReflectionAction's kept due dates": {
    access: pageAccess["/reflections/[id]/edit"],
    read: (reader, t) => commitmentDueDates(reader.id, t.reflectionId),
    may: authorOnly,
    ids: true,
  },
  "/reflections/new (the draft)": {
    access: pageAccess["/reflections/new"],
    read: async (reader, t) => [
      await findParticipationForReflection(t.draftParticipationId, reader.id),
      await loadDraft(reader.id, t.draftParticipationId),
    ],
    may: authorOnly,
    ids: true,
  },
  "/reflections/new (already written)": {
    access: pageAccess["/reflections/new"],
    read: (reader, t) => findParticipationForReflection(t.participationId, reader.id),
    may: authorOnly,
    ids: true,
  },
  "/library?q=": { access: pageAccess["/library"], read: (reader, t) => listLibrary({ scope: libraryScopeFor(reader), search: t.word }, null, 50) },
  "/library": { access: pageAccess["/library"], read: (reader) => listLibrary({ scope: libraryScopeFor(reader) }, null, 50) },
  "/library?commitment=": {
    access: pageAccess["/library"],
    read: async (reader, t) => [
      await listLibrary({ scope: libraryScopeFor(reader), commitmentId: t.commitmentId }, null, 50),
      await commitmentInScope(libraryScopeFor(reader), t.commitmentId),
    ],
  },
  "/library: commitments of moments by id": {
    access: pageAccess["/library"],
    read: async (reader, t) => [...(await commitmentsOfMoments(libraryScopeFor(reader), t.momentIds)).entries()],
  },
  "/commitments": { access: pageAccess["/commitments"], read: (reader) => listCommitments({ scope: { ownerId: reader.id }, today }, null, 50), may: authorOnly },
  "/organize/commitments": { access: pageAccess["/organize/commitments"], read: () => listCommitments({ scope: { sharedWithCxTeam: true }, today }, null, 50) },
  "/organize/commitments?q=": {
    access: pageAccess["/organize/commitments"],
    read: (_, t) => listCommitments({ scope: { sharedWithCxTeam: true, search: t.word }, status: "in_progress", today }, null, 50),
  },
  // The participants' table links the reflections shared with the CX team, and only those.
  "/organize/events/[id]": { access: pageAccess["/organize/events/[id]"], read: (_, t) => findEventForOrganizer(t.eventId), ids: true },
  "/organize/executives/[id]": { access: pageAccess["/organize/executives/[id]"], read: (_, t) => findExecutiveProfile(t.author.id, now), may: never, ids: true },
  "/safaris/mine": { access: pageAccess["/safaris/mine"], read: (reader) => listMySafaris(reader.id, "past", now, null, 50), may: authorOnly, ids: true },
  "/safaris/[id]": { access: pageAccess["/safaris/[id]"], read: (reader, t) => findSafariForExecutive(t.eventId, reader.id), may: never },
  "/safaris/[id]/briefing": { access: pageAccess["/safaris/[id]/briefing"], read: (reader, t) => findBriefing(t.eventId, reader), may: never },
  "/agenda": { access: pageAccess["/agenda"], read: (reader) => agendaEntries(reader, { start: new Date(now.getTime() - 7 * day), end: now }), may: never },
  // The follow-up tells its owner what they committed to; nobody else has it.
  "/inbox": { access: pageAccess["/inbox"], read: (reader) => listNotifications(reader.id, null, 50), may: authorOnly },
  // The outbox keeps every mail as sent, for the admins: a mail must not carry a reflection's words.
  "/admin/mail": { access: pageAccess["/admin/mail"], read: () => listMails({}, null, 50), may: never },
  "/admin/mail/[id]": {
    access: pageAccess["/admin/mail/[id]"],
    read: async () => Promise.all((await listMails({}, null, 50))!.rows.map((row) => getMail(row.id))),
    may: never,
  },
  "/audit": { access: pageAccess["/audit"], read: () => listAuditEntries(noFilter, null, 100), may: never },
  "/summary": {
    access: pageAccess["/summary"],
    read: async () => shapeSummary(await loadEngagementFigures({ start: new Date(now.getTime() - 30 * day), end: new Date(now.getTime() + day) }, today)),
    may: never,
  },
  "/calendar/safaris/[id]": {
    access: routeAccess["/calendar/safaris/[id]"],
    read: async (reader, t) => {
      const safari = await downloadableSafari(t.eventId, reader);
      return safari ? safariCalendar(safari, { method: "PUBLISH", stamp: now }) : null;
    },
    may: never,
  },
  "/calendar/feed/[token]": {
    access: routeAccess["/calendar/feed/[token]"],
    read: async (reader) => feedCalendar(await feedSafaris(reader, now), { name: "feed", stamp: now }),
    may: never,
  },
};

/** What `reader` gets on `path` for `target`: refused by the policy table, its text ("reads"), or none of it. */
async function outcome(name: string, path: ReadPath, kind: ReaderKind, target: Written) {
  const reader = readerOf(kind, target);
  if (!allows(path.access, reader.role)) return "refused";
  const got = JSON.stringify(await path.read(reader, target));
  const found = got.includes(target.word) || (path.ids === true && (got.includes(target.reflectionId) || got.includes(target.commitmentId)));
  return found ? "reads" : "hidden";
}

function expected(path: ReadPath, kind: ReaderKind, target: Written) {
  if (!allows(path.access, readerOf(kind, target).role)) return "refused";
  return (path.may ?? rule)(kind, target.visibility) ? "reads" : "hidden";
}

/** Every path for every reader of `targets`, seen against expected, as one list of lines. */
async function matrix(targets: Written[]) {
  const seen: string[] = [];
  const wanted: string[] = [];
  for (const [name, path] of Object.entries(readPaths)) {
    for (const target of targets) {
      for (const kind of readerKinds) {
        const line = `${name} · ${target.visibility} · ${kind}: `;
        seen.push(line + (await outcome(name, path, kind, target)));
        wanted.push(line + expected(path, kind, target));
      }
    }
  }
  return { seen, wanted };
}

/** Every row a write could touch, to prove that a refused one touched nothing. */
async function everything() {
  const db = await getDb();
  const all = async (table: typeof reflections | typeof reflectionMoments | typeof commitments | typeof commitmentUpdates | typeof reflectionDrafts) =>
    db.select().from(table).orderBy(asc(sql`1`));
  return JSON.stringify([
    await all(reflections),
    await all(reflectionMoments),
    await all(commitments),
    await all(commitmentUpdates),
    await all(reflectionDrafts),
    await db.select().from(commitmentMoments).orderBy(asc(commitmentMoments.commitmentId), asc(commitmentMoments.momentId)),
    await db.select({ count: sql<number>`count(*)::int` }).from(auditLog),
  ]);
}

type WritePath = (reader: Reader, target: Written) => Promise<unknown>;

const writePaths: Record<string, WritePath> = {
  editReflection: (reader, t) => {
    const { participationId: _, ...content } = reflectionOf(t.participationId, "Forged", "cx_team");
    return editReflection(reader.id, { ...content, reflectionId: t.reflectionId }, now);
  },
  changeVisibility: (reader, t) => changeVisibility(reader.id, t.reflectionId, t.visibility === "cx_team" ? "private" : "cx_team", now),
  "saveDraft on the author's unreflected safari": (reader, t) => saveDraft(reader.id, t.draftParticipationId, { "moments.0.body": "Forged" }, now),
  "saveDraft on the reflected safari": (reader, t) => saveDraft(reader.id, t.participationId, { "moments.0.body": "Forged" }, now),
  "createReflection on the author's participation": (reader, t) => createReflection(reader.id, reflectionOf(t.draftParticipationId, "Forged", "cx_team"), now),
  updateCommitment: (reader, t) => updateCommitment(reader.id, { commitmentId: t.commitmentId, status: "dropped", note: "Forged" }),
  "updateCommitment, a note only": (reader, t) => updateCommitment(reader.id, { commitmentId: t.commitmentId, status: undefined, note: "Forged" }),
  closeCommitmentLoop: (reader, t) => closeCommitmentLoop(reader.id, { commitmentId: t.commitmentId, note: "Forged", customerTold: true, frontlineTold: true }),
};

async function errorCode(write: Promise<unknown>) {
  try {
    await write;
    return "written";
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

describe("the reflection visibility matrix", () => {
  it("has something to find: every reflection, its moments, commitment, note, draft and follow-up are there", async () => {
    const db = await getDb();
    for (const target of Object.values(written)) {
      expect(target.momentIds).toHaveLength(2);
      expect((await db.select().from(reflectionDrafts).where(inArray(reflectionDrafts.participationId, [target.draftParticipationId]))).length).toBe(1);
      expect(JSON.stringify(await listNotifications(target.author.id, null, 50))).toContain(`${target.word}: one named agent`);
    }
    // Three follow-up mails went out, one to each author (and one to the other executive).
    expect((await listMails({}, null, 50))!.count).toBe(4);
  });

  it("gives every reader on every read path exactly what the rule allows", async () => {
    const { seen, wanted } = await matrix(visibilities.map((visibility) => written[visibility]));
    expect(seen).toEqual(wanted);
  });

  it("lets no one but the author write: every write path answers not found and writes nothing", async () => {
    const before = await everything();
    const seen: string[] = [];
    const wanted: string[] = [];
    for (const [name, write] of Object.entries(writePaths)) {
      for (const target of Object.values(written)) {
        for (const kind of readerKinds.filter((k) => k !== "author")) {
          const line = `${name} · ${target.visibility} · ${kind}: `;
          seen.push(line + (await errorCode(write(readers[kind as Exclude<ReaderKind, "author">], target))));
          wanted.push(line + "NOT_FOUND");
        }
      }
    }
    expect(seen).toEqual(wanted);
    expect(await everything()).toEqual(before);
  });

  it("takes the text away from the organizer everywhere at once when the author makes a shared reflection private", async () => {
    const shared = written.cx_team;
    await changeVisibility(shared.author.id, shared.reflectionId, "private", now);
    const { seen, wanted } = await matrix([{ ...shared, visibility: "private" }]);
    expect(seen).toEqual(wanted);
    // And shared again, the CX team reads it again.
    await changeVisibility(shared.author.id, shared.reflectionId, "cx_team", now);
    const again = await matrix([shared]);
    expect(again.seen).toEqual(again.wanted);
    expect(again.seen.filter((line) => line.endsWith("organizer: reads")).length).toBeGreaterThan(5);
  });
});

