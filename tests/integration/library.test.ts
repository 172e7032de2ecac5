import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { JourneyStage, MomentEmotion, MomentKind } from "@/db/enums";
import { commitmentMoments, commitments, eventPersonas, participations, personas, reflectionMoments, reflections, type ReflectionVisibility } from "@/db/schema";
import { commitmentInScope, commitmentsOfMoments, libraryCountCap, listLibrary, type LibraryQuery, type LibraryScope } from "@/lib/library/data";
import { dayRangeIn } from "@/lib/time/zones";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";
import { walkPages } from "../support/paging";

/*
 * The ouch/aah library against a real database: who reads which moments (the read rule, in SQL), the search
 * in German, English and Greek with inflected forms, every filter, keyset paging and the commitments of
 * each moment. The rows go straight in, as the reflection form would leave them, and the triggers keep
 * the moments' copies.
 */

type MomentSpec = { kind?: MomentKind; body: string; quote?: string; stage?: JourneyStage | null; emotion?: MomentEmotion; intensity?: number };
type ReflectionSpec = {
  visibility: ReflectionVisibility;
  startAt: Date;
  type?: string;
  personaId?: string;
  moments: MomentSpec[];
  /** Each answers the moments at the given positions. */
  commitments?: { body: string; moments: number[] }[];
};

let organizerId = "";
async function reflectionOf(authorId: string, spec: ReflectionSpec) {
  const db = await getDb();
  const event = await makeEvent(organizerId, {
    title: `Safari of ${spec.startAt.toISOString().slice(0, 10)}`,
    type: spec.type ?? "customer_breakfast",
    startAt: spec.startAt,
    endAt: new Date(spec.startAt.getTime() + 3_600_000),
    status: "completed",
  });
  if (spec.personaId) await db.insert(eventPersonas).values({ eventId: event.id, personaId: spec.personaId });
  const [participation] = await db.insert(participations).values({ eventId: event.id, executiveId: authorId, status: "attended", source: "signed_up" }).returning();
  const [reflection] = await db.insert(reflections).values({ participationId: participation!.id, authorId, eventId: event.id, visibility: spec.visibility }).returning();
  const moments = await db
    .insert(reflectionMoments)
    .values(
      spec.moments.map((moment, position) => ({
        reflectionId: reflection!.id,
        position,
        kind: moment.kind ?? "ouch",
        body: moment.body,
        quote: moment.quote ?? "",
        journeyStage: moment.stage === undefined ? "get_help" : moment.stage,
        emotion: moment.emotion ?? "frustrated",
        intensity: moment.intensity ?? 3,
      })),
    )
    .returning({ id: reflectionMoments.id, position: reflectionMoments.position });
  const momentIds = moments.sort((a, b) => a.position - b.position).map((moment) => moment.id);
  const commitmentIds: string[] = [];
  for (const commitment of spec.commitments ?? []) {
    const [row] = await db.insert(commitments).values({ reflectionId: reflection!.id, ownerId: authorId, body: commitment.body, dueOn: "2030-01-01" }).returning();
    commitmentIds.push(row!.id);
    await db.insert(commitmentMoments).values(commitment.moments.map((position) => ({ commitmentId: row!.id, momentId: momentIds[position]! })));
  }
  return { reflectionId: reflection!.id, eventId: event.id, momentIds, commitmentIds };
}

/** The labels of a safari's moments in the library's order within one safari: by id, descending. */
const byIdDescending = (momentIds: string[], labels: string[]) =>
  momentIds
    .map((id, k) => [id, labels[k]!] as const)
    .sort((a, b) => (a[0] < b[0] ? 1 : -1))
    .map(([, label]) => label);

const shared: LibraryScope = { sharedWithCxTeam: true };
const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n, 9));

async function bodies(query: Omit<LibraryQuery, "scope"> & { scope?: LibraryScope }) {
  const page = await listLibrary({ scope: shared, ...query }, null, 50);
  return page!.rows.map((row) => row.body);
}

let anna = "";
let ben = "";
let stranger = "";
let families = "";
let seniors = "";
const ids: Record<string, Awaited<ReturnType<typeof reflectionOf>>> = {};

beforeAll(async () => {
  const db = await getDb();
  organizerId = (await makeUser("organizer")).id;
  anna = (await makeExecutive()).id;
  ben = (await makeExecutive()).id;
  stranger = (await makeExecutive()).id;
  [families, seniors] = (await db.insert(personas).values([{ name: "Library families" }, { name: "Library seniors" }]).returning()).map((p) => p.id) as [string, string];

  ids.german = await reflectionOf(anna, {
    visibility: "cx_team",
    startAt: day(10),
    type: "call_listening",
    personaId: families,
    moments: [
      { body: "Eine Kundin hing 14 Minuten in der Warteschleife, nur um kündigen zu dürfen.", quote: "Warum sieht meine Rechnung jeden Monat anders aus?", stage: "leave", emotion: "embarrassed", intensity: 4 },
      { kind: "aah", body: "Die Kollegin bot an, den Router kostenlos zu tauschen.", stage: "use", emotion: "hopeful", intensity: 2 },
    ],
    commitments: [
      { body: "Kündigungsgründe monatlich besprechen.", moments: [0] },
      { body: "Router-Tausch ohne Rückfrage.", moments: [0, 1] },
    ],
  });
  ids.greek = await reflectionOf(anna, {
    visibility: "cx_team",
    startAt: day(20),
    type: "store_visit",
    personaId: seniors,
    moments: [{ body: "Η κυρία δεν καταλάβαινε τον λογαριασμό της κινητής.", stage: "pay", emotion: "worried", intensity: 5 }],
  });
  ids.english = await reflectionOf(ben, {
    visibility: "cx_team",
    startAt: day(30),
    moments: [
      { body: "The agent asked three times for the contract number she had typed in.", stage: null, emotion: "angry", intensity: 3 },
      { kind: "aah", body: "A technician gave the owner a direct number.", emotion: "proud", intensity: 5 },
    ],
    commitments: [{ body: "Pass the contract number to the agent.", moments: [0] }],
  });
  ids.benPrivate = await reflectionOf(ben, {
    visibility: "private",
    startAt: day(40),
    moments: [{ body: "Privately noted: the invoice confused me too.", emotion: "surprised" }],
    commitments: [{ body: "A private promise.", moments: [0] }],
  });
  ids.benAnonymised = await reflectionOf(ben, {
    visibility: "anonymised",
    startAt: day(50),
    moments: [{ body: "Anonymised: the invoice hides the roaming charge.", emotion: "worried" }],
    commitments: [{ body: "An anonymised promise.", moments: [0] }],
  });
});

describe("who reads which moments", () => {
  it("gives organizers the moments shared with the CX team only, with their authors, newest first", async () => {
    const page = (await listLibrary({ scope: shared }, null, 50))!;
    const ours = page.rows.filter((row) => [...ids.german!.momentIds, ...ids.greek!.momentIds, ...ids.english!.momentIds].includes(row.id));
    // Safari by safari, newest first; within one safari in the order of the moments' ids.
    expect(ours.map((row) => row.body.slice(0, 8))).toEqual([
      ...byIdDescending(ids.english!.momentIds, ["The agen", "A techni"]),
      "Η κυρία ",
      ...byIdDescending(ids.german!.momentIds, ["Eine Kun", "Die Koll"]),
    ]);
    // Newest safari first.
    const starts = page.rows.map((row) => row.eventStartAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    const bodiesRead = page.rows.map((row) => row.body).join("\n");
    expect(bodiesRead).not.toContain("Privately noted");
    expect(bodiesRead).not.toContain("Anonymised:");
    expect(page.rows.find((row) => row.id === ids.english!.momentIds[0])).toMatchObject({ authorName: expect.stringContaining("executive"), reflectionId: ids.english!.reflectionId });
  });

  it("gives an executive their own moments, private and anonymised ones too, and nobody else's", async () => {
    const own = (await listLibrary({ scope: { authorId: ben } }, null, 50))!;
    expect(own.rows.map((row) => row.body)).toEqual([
      "Anonymised: the invoice hides the roaming charge.",
      "Privately noted: the invoice confused me too.",
      expect.stringMatching(/^(The agent|A technician)/),
      expect.stringMatching(/^(The agent|A technician)/),
    ]);
    expect(own.count).toBe(4);
    const annaOwn = (await listLibrary({ scope: { authorId: anna } }, null, 50))!;
    expect(annaOwn.rows.map((row) => row.body).join("\n")).not.toMatch(/invoice|agent/);
    const none = (await listLibrary({ scope: { authorId: stranger } }, null, 50))!;
    expect(none).toMatchObject({ rows: [], count: 0 });
  });

  it("never shows an anonymised or private moment to the CX team, even by its search words, commitment or cursor", async () => {
    expect(await bodies({ search: "invoice" })).toEqual([]);
    expect(await bodies({ search: "roaming" })).toEqual([]);
    expect(await bodies({ commitmentId: ids.benPrivate!.commitmentIds[0] })).toEqual([]);
    expect(await bodies({ commitmentId: ids.benAnonymised!.commitmentIds[0] })).toEqual([]);
    expect(await listLibrary({ scope: shared }, { after: ids.benPrivate!.momentIds[0]! }, 10)).toBeNull();
    expect(await commitmentInScope(shared, ids.benAnonymised!.commitmentIds[0]!)).toBeNull();
    expect(await commitmentInScope({ authorId: ben }, ids.benAnonymised!.commitmentIds[0]!)).toMatchObject({ body: "An anonymised promise." });
  });

  it("follows a reflection's visibility when its author changes it", async () => {
    const db = await getDb();
    const fresh = await reflectionOf(stranger, { visibility: "private", startAt: day(5), moments: [{ body: "Zunächst privat: Wartemusik in Dauerschleife." }] });
    expect(await bodies({ search: "Wartemusik" })).toEqual([]);
    await db.update(reflections).set({ visibility: "cx_team" }).where(eq(reflections.id, fresh.reflectionId));
    expect(await bodies({ search: "Wartemusik" })).toEqual(["Zunächst privat: Wartemusik in Dauerschleife."]);
    await db.update(reflections).set({ visibility: "anonymised" }).where(eq(reflections.id, fresh.reflectionId));
    expect(await bodies({ search: "Wartemusik" })).toEqual([]);
  });
});

describe("the search", () => {
  it("finds German words in other forms", async () => {
    const kuendigen = "Eine Kundin hing 14 Minuten in der Warteschleife, nur um kündigen zu dürfen.";
    expect(await bodies({ search: "Kündigung" })).toEqual([kuendigen]);
    expect(await bodies({ search: "kündigen" })).toEqual([kuendigen]);
    // The quote is searched too.
    expect(await bodies({ search: "Rechnungen" })).toEqual([kuendigen]);
    expect(await bodies({ search: "Routers" })).toEqual(["Die Kollegin bot an, den Router kostenlos zu tauschen."]);
  });

  it("finds Greek words in other forms, with or without accents", async () => {
    const greek = ["Η κυρία δεν καταλάβαινε τον λογαριασμό της κινητής."];
    expect(await bodies({ search: "λογαριασμός" })).toEqual(greek);
    expect(await bodies({ search: "λογαριασμοι" })).toEqual(greek);
  });

  it("finds English words in other forms, all of them by default, and takes web-search syntax", async () => {
    expect(await bodies({ search: "contract numbers" })).toEqual(["The agent asked three times for the contract number she had typed in."]);
    expect(await bodies({ search: "asking agents" })).toEqual(["The agent asked three times for the contract number she had typed in."]);
    expect(await bodies({ search: "number -contract" })).toEqual(["A technician gave the owner a direct number."]);
    expect(await bodies({ search: '"direct number"' })).toEqual(["A technician gave the owner a direct number."]);
    expect((await bodies({ search: "technician or Router" })).sort()).toEqual(["A technician gave the owner a direct number.", "Die Kollegin bot an, den Router kostenlos zu tauschen."]);
    expect(await bodies({ search: "nothing-like-this-anywhere" })).toEqual([]);
    // Punctuation and stray syntax are read, never an error.
    expect(await bodies({ search: "' & | ! ( :*" })).toEqual([]);
  });
});

describe("the filters", () => {
  // The beginnings of Anna's matching moments, sorted: the order is the paging tests' concern.
  const ownBodies = async (query: Omit<LibraryQuery, "scope">) =>
    (await listLibrary({ scope: { authorId: anna }, ...query }, null, 50))!.rows.map((row) => row.body.slice(0, 12)).sort();

  it("filter by kind, emotion, stage, persona and safari type", async () => {
    expect(await ownBodies({ kind: "aah" })).toEqual(["Die Kollegin"]);
    expect(await ownBodies({ kind: "ouch" })).toEqual(["Eine Kundin ", "Η κυρία δεν "]);
    expect(await ownBodies({ emotion: "worried" })).toEqual(["Η κυρία δεν "]);
    expect(await ownBodies({ stage: "leave" })).toEqual(["Eine Kundin "]);
    expect(await ownBodies({ personaId: families })).toEqual(["Die Kollegin", "Eine Kundin "]);
    expect(await ownBodies({ personaId: seniors })).toEqual(["Η κυρία δεν "]);
    expect(await ownBodies({ eventType: "store_visit" })).toEqual(["Η κυρία δεν "]);
    expect(await ownBodies({ eventType: "home_visit" })).toEqual([]);
    expect(await ownBodies({ kind: "ouch", personaId: families, search: "Rechnung" })).toEqual(["Eine Kundin "]);
  });

  it("filter by the safari's days in the reader's zone, both days included", async () => {
    // The Greek safari starts 2025-01-21 09:00 UTC: that day in Berlin, in Auckland too (22:00).
    const range = (from: string, to: string, zone: string) => dayRangeIn(from, to, zone);
    expect(await ownBodies(range("2025-01-21", "2025-01-21", "Europe/Berlin"))).toEqual(["Η κυρία δεν "]);
    expect(await ownBodies(range("2025-01-21", "2025-01-21", "Pacific/Auckland"))).toEqual(["Η κυρία δεν "]);
    // In Honolulu it is still the 20th (23:00).
    expect(await ownBodies(range("2025-01-21", "2025-01-21", "Pacific/Honolulu"))).toEqual([]);
    expect(await ownBodies(range("2025-01-20", "2025-01-20", "Pacific/Honolulu"))).toEqual(["Η κυρία δεν "]);
    expect(await ownBodies(range("2025-01-01", "2025-01-15", "Europe/Berlin"))).toEqual(["Die Kollegin", "Eine Kundin "]);
  });

  it("filter to the moments a commitment answers", async () => {
    const [first, both] = ids.german!.commitmentIds as [string, string];
    expect(await ownBodies({ commitmentId: first })).toEqual(["Eine Kundin "]);
    expect(await ownBodies({ commitmentId: both })).toEqual(["Die Kollegin", "Eine Kundin "]);
    expect(await bodies({ commitmentId: both })).toHaveLength(2);
    expect(await commitmentInScope(shared, both)).toMatchObject({ body: "Router-Tausch ohne Rückfrage." });
    // Another executive's library has none of them.
    expect(await ownBodies({ commitmentId: ids.english!.commitmentIds[0] })).toEqual([]);
  });
});

describe("the commitments of each moment", () => {
  it("come with the page, by due date, and only those of a readable moment's own reflection", async () => {
    const page = (await listLibrary({ scope: { authorId: anna } }, null, 50))!;
    const [kuendigen, router] = ids.german!.momentIds as [string, string];
    expect(page.commitments.get(kuendigen)?.map((c) => c.body).sort()).toEqual(["Kündigungsgründe monatlich besprechen.", "Router-Tausch ohne Rückfrage."]);
    expect(page.commitments.get(router)?.map((c) => c.body)).toEqual(["Router-Tausch ohne Rückfrage."]);
    expect(page.commitments.get(router)?.[0]).toMatchObject({ status: "open", dueOn: "2030-01-01" });
    expect(page.commitments.get(ids.greek!.momentIds[0]!)).toBeUndefined();

    const privateMoment = ids.benPrivate!.momentIds[0]!;
    expect((await commitmentsOfMoments(shared, [privateMoment])).size).toBe(0);
    expect((await commitmentsOfMoments({ authorId: anna }, [privateMoment])).size).toBe(0);
    expect((await commitmentsOfMoments({ authorId: ben }, [privateMoment])).get(privateMoment)?.map((c) => c.body)).toEqual(["A private promise."]);
  });

  it("leave out a commitment linked to a moment of another reflection", async () => {
    const db = await getDb();
    // The app never links across reflections; should a row do so, the library does not pass it on.
    await db.insert(commitmentMoments).values({ commitmentId: ids.benPrivate!.commitmentIds[0]!, momentId: ids.english!.momentIds[1]! });
    const got = await commitmentsOfMoments(shared, [ids.english!.momentIds[1]!]);
    expect(got.size).toBe(0);
    await db.delete(commitmentMoments).where(eq(commitmentMoments.commitmentId, ids.benPrivate!.commitmentIds[0]!));
    await db.insert(commitmentMoments).values({ commitmentId: ids.benPrivate!.commitmentIds[0]!, momentId: ids.benPrivate!.momentIds[0]! });
  });
});

describe("paging", () => {
  it("walks a large library forwards and back without repeats or gaps, the moments of one safari (one start) in the order of their ids", async () => {
    const author = (await makeExecutive()).id;
    for (let n = 0; n < 7; n++) {
      await reflectionOf(author, {
        visibility: n % 3 === 0 ? "private" : "cx_team",
        startAt: day(100 + n),
        moments: Array.from({ length: 4 }, (_, k) => ({ body: `Pagingmoment ${n}-${k}`, kind: k % 2 ? "aah" : "ouch" })),
      });
    }
    const own = await walkPages((cursor) => listLibrary({ scope: { authorId: author } }, cursor, 5), 5, (row) => row.id);
    expect(own).toHaveLength(28);
    expect(new Set(own.map((row) => row.id)).size).toBe(28);
    const keys = own.map((row) => [row.eventStartAt.getTime(), row.id] as const);
    expect(keys).toEqual([...keys].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : -1)));

    const sharedOnes = await walkPages((cursor) => listLibrary({ scope: shared, search: "Pagingmoment", kind: "ouch" }, cursor, 3), 3, (row) => row.id);
    // Four of the seven are shared, two ouch moments each.
    expect(sharedOnes.map((row) => row.body).sort()).toEqual(["1-0", "1-2", "2-0", "2-2", "4-0", "4-2", "5-0", "5-2"].map((k) => `Pagingmoment ${k}`));
  });

  it("answers null for a cursor outside the filter, and caps the count", async () => {
    expect(await listLibrary({ scope: shared, kind: "aah" }, { after: ids.german!.momentIds[0]! }, 10)).toBeNull();
    expect(await listLibrary({ scope: shared, kind: "ouch" }, { after: ids.german!.momentIds[0]! }, 10)).not.toBeNull();
    expect(libraryCountCap).toBeGreaterThanOrEqual(1000);
    const page = (await listLibrary({ scope: shared }, null, 10))!;
    expect(page.countCapped).toBe(false);
  });
});
