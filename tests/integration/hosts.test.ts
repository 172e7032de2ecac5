import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, eventHosts, events, hostConsents, notifications } from "@/db/schema";
import { toAppError } from "@/lib/errors/app-error";
import { publishEvent, updateEvent } from "@/lib/events/mutations";
import type { EventLimits } from "@/lib/events/rules";
import { getHost, hostsForExecutive, listHosts, listPersonas } from "@/lib/hosts/data";
import {
  addHostToEvent,
  createHost,
  createPersona,
  recordConsent,
  removeHostFromEvent,
  setEventPersona,
  setHostArchived,
  updateHost,
  updatePersona,
  withdrawConsent,
} from "@/lib/hosts/mutations";
import type { HostInput } from "@/lib/hosts/schema";
import { findSafariForExecutive } from "@/lib/participation/data";
import { formatInZone } from "@/lib/time/zones";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";
import { walkPages } from "../support/paging";

/* Customer hosts, their consents and personas: the organizers' screens, the publish check, withdrawals and what executives see. */

const limits: EventLimits = { maxMonthsAhead: 24, maxDurationHours: 24 };
const zone = "Europe/Berlin"; // the organisation's zone in tests (ORG_TIME_ZONE's default)
const day = 86_400_000;

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => toAppError(error) ?? error,
  );

const hostInput = (overrides: Partial<HostInput> = {}): HostInput => ({
  firstName: "Jana",
  lastName: "Yilmaz",
  contactEmail: "jana.yilmaz@example.net",
  contactPhone: "+49 30 5550 1234",
  personaId: "",
  language: "de",
  ...overrides,
});

/** A calendar day in the organisation's zone, `offset` days from `from`. */
const dayIn = (offset: number, from = new Date()) => formatInZone(new Date(from.getTime() + offset * day), zone, "yyyy-MM-dd");

type ConsentOverrides = { types?: string[]; givenOn?: string; validUntil?: string; executivesMayObserve?: boolean; recordingAllowed?: boolean };
const consent = (overrides: ConsentOverrides = {}) => ({
  types: ["home_visit"],
  givenOn: dayIn(-10),
  validUntil: dayIn(300),
  executivesMayObserve: true,
  recordingAllowed: false,
  ...overrides,
});

/** A draft home visit ten days ahead with `hostIds` on it. */
async function draftWith(organizerId: string, hostIds: string[], overrides: Partial<typeof events.$inferInsert> = {}) {
  const startAt = new Date(Date.now() + 10 * day);
  const event = await makeEvent(organizerId, { type: "home_visit", status: "draft", seats: 1, startAt, endAt: new Date(startAt.getTime() + 2 * 3_600_000), ...overrides });
  const db = await getDb();
  if (hostIds.length > 0) await db.insert(eventHosts).values(hostIds.map((hostId) => ({ eventId: event.id, hostId })));
  return event;
}

async function statusOf(eventId: string) {
  const db = await getDb();
  const [row] = await db.select({ status: events.status, flagged: events.consentFlaggedAt }).from(events).where(eq(events.id, eventId));
  return row!;
}

describe("organizers manage hosts and personas", () => {
  it("adds, edits and archives hosts, with audit lines that name fields but never personal data", async () => {
    const organizer = await makeUser("organizer");
    const persona = await createPersona(organizer.id, { name: `Night-shift workers ${crypto.randomUUID().slice(0, 6)}`, description: "" });
    const hostId = await createHost(organizer.id, hostInput({ personaId: persona }));
    await updateHost(organizer.id, hostId, hostInput({ personaId: persona, contactPhone: "", lastName: "Yılmaz" }));
    const host = await getHost(hostId);
    expect(host).toMatchObject({ firstName: "Jana", lastName: "Yılmaz", contactPhone: null, contactEmail: "jana.yilmaz@example.net", personaId: persona, language: "de" });

    await setHostArchived(organizer.id, hostId, true, new Date());
    const now = new Date();
    const current = await listHosts({ now, search: "Yılmaz" }, null, 25);
    const archived = await listHosts({ now, search: "Yılmaz", archived: true }, null, 25);
    expect(current!.rows.map((row) => row.id)).not.toContain(hostId);
    expect(archived!.rows.map((row) => row.id)).toContain(hostId);

    const db = await getDb();
    const lines = await db.select().from(auditLog).where(eq(auditLog.objectId, hostId));
    expect(lines.map((line) => line.action).sort()).toEqual(["host.archive", "host.create", "host.edit"]);
    expect(JSON.stringify(lines)).not.toMatch(/jana\.yilmaz|5550|Yılmaz/);
    expect(lines.find((line) => line.action === "host.edit")!.details).toEqual({ changed: ["lastName", "contactPhone"] });
  });

  it("pages hosts by name in SQL, searches names and filters by persona, with each host's consent state", async () => {
    const organizer = await makeUser("organizer");
    const tag = crypto.randomUUID().slice(0, 8);
    const persona = await createPersona(organizer.id, { name: `Pager persona ${tag}`, description: "For paging" });
    const names = ["Anders", "Berger", "Claasen", "Dietrich", "Ebert"];
    const ids: string[] = [];
    for (const name of names) ids.push(await createHost(organizer.id, hostInput({ firstName: tag, lastName: name, personaId: persona })));
    await createHost(organizer.id, hostInput({ firstName: tag, lastName: "Fischer" })); // no persona
    const now = new Date();
    // Consent states: valid, withdrawn, expired, none.
    await recordConsent(organizer.id, ids[0]!, consent(), zone, now);
    const withdrawn = await recordConsent(organizer.id, ids[1]!, consent(), zone, now);
    await withdrawConsent(organizer.id, ids[1]!, withdrawn, now);
    await recordConsent(organizer.id, ids[2]!, consent({ givenOn: dayIn(-40), validUntil: dayIn(-5) }), zone, now);

    const query = { now: new Date(), search: tag, personaId: persona };
    const rows = await walkPages((cursor) => listHosts(query, cursor, 2), 2, (row) => row.id);
    expect(rows.map((row) => row.name)).toEqual(names.map((name) => `${tag} ${name}`));
    expect(rows.map((row) => row.consent)).toEqual(["valid", "withdrawn", "expired", "none", "none"]);
    expect(rows[0]!.persona).toBe(`Pager persona ${tag}`);
    expect((await listHosts({ now, search: `${tag} Fisch` }, null, 10))!.rows.map((row) => row.name)).toEqual([`${tag} Fischer`]);
    // A page link whose host no longer matches starts the list again (null).
    expect(await listHosts({ now, search: "nobody at all" }, { after: ids[0]! }, 2)).toBeNull();
  });

  it("adds and renames personas, refuses a name taken, and pages and searches them", async () => {
    const organizer = await makeUser("organizer");
    const tag = crypto.randomUUID().slice(0, 8);
    const first = await createPersona(organizer.id, { name: `${tag} commuters`, description: "Trains, hotspots" });
    await createPersona(organizer.id, { name: `${tag} students`, description: "" });
    await createPersona(organizer.id, { name: `${tag} gamers`, description: "Latency" });
    expect((await failure(createPersona(organizer.id, { name: `${tag} students`, description: "" })) as { code: string }).code).toBe("PERSONA_NAME_TAKEN");
    await updatePersona(organizer.id, first, { name: `${tag} rail commuters`, description: "Trains" });
    const rows = await walkPages((cursor) => listPersonas(tag, cursor, 2), 2, (row) => row.id);
    expect(rows.map((row) => row.name)).toEqual([`${tag} gamers`, `${tag} rail commuters`, `${tag} students`]);
    expect((await listPersonas("Latency", null, 10))!.rows.map((row) => row.name)).toEqual([`${tag} gamers`]);
  });
});

describe("publishing needs consent for every customer host", () => {
  it("records a consent's days as instants in the organisation's zone", async () => {
    const organizer = await makeUser("organizer");
    const hostId = await createHost(organizer.id, hostInput());
    await recordConsent(organizer.id, hostId, consent({ givenOn: "2026-03-29", validUntil: "2026-10-24" }), zone, new Date("2026-06-01T00:00:00Z"));
    const [row] = (await getHost(hostId))!.consents;
    // Midnight in Berlin: summer time has begun on 29 March; valid through 24 October (summer time), so up to the 25th's midnight.
    expect(row!.givenAt.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(row!.validUntil.toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });

  it("refuses each kind of miss with a field error naming the host and why, and changes nothing", async () => {
    const organizer = await makeUser("organizer");
    const now = new Date();
    const cases: [string, ConsentOverrides | null, RegExp][] = [
      ["Missing", null, /has not given consent/],
      ["Expired", { givenOn: dayIn(-60), validUntil: dayIn(-1) }, /has expired: it was valid until the end of/],
      ["Short", { validUntil: dayIn(5) }, /is valid only until the end of .*before this safari ends/],
      ["Wrongtype", { types: ["customer_breakfast"] }, /does not cover Home visit/],
      ["Noobservers", { executivesMayObserve: false }, /does not allow executives to observe/],
      ["Withdrawn", {}, /withdrew their consent for Home visit on/],
    ];
    for (const [lastName, overrides, why] of cases) {
      const hostId = await createHost(organizer.id, hostInput({ firstName: "Case", lastName }));
      if (overrides) {
        const consentId = await recordConsent(organizer.id, hostId, consent(overrides), zone, now);
        if (lastName === "Withdrawn") await withdrawConsent(organizer.id, hostId, consentId, now);
      }
      const event = await draftWith(organizer.id, [hostId]);
      const error = (await failure(publishEvent(event.id, organizer.id, new Date(), limits))) as { code: string; fieldErrors?: Record<string, string[]>; message: string };
      expect(error.code, lastName).toBe("CONSENT_MISSING");
      expect(error.fieldErrors?.hosts, lastName).toHaveLength(1);
      expect(error.fieldErrors!.hosts![0], lastName).toMatch(new RegExp(`^Case ${lastName}: This customer host`));
      expect(error.fieldErrors!.hosts![0], lastName).toMatch(why);
      expect(error.message).toContain(`Case ${lastName}`);
      expect((await statusOf(event.id)).status, lastName).toBe("draft");
    }
  });

  it("publishes once every host's consent covers the type and the whole safari, and names only the hosts still missing", async () => {
    const organizer = await makeUser("organizer");
    const covered = await createHost(organizer.id, hostInput({ firstName: "Covered", lastName: "Host" }));
    const missing = await createHost(organizer.id, hostInput({ firstName: "Missing", lastName: "Host" }));
    await recordConsent(organizer.id, covered, consent(), zone, new Date());
    const event = await draftWith(organizer.id, [covered, missing]);
    const error = (await failure(publishEvent(event.id, organizer.id, new Date(), limits))) as { fieldErrors?: Record<string, string[]> };
    expect(error.fieldErrors?.hosts).toEqual([expect.stringMatching(/^Missing Host: /)]);
    await recordConsent(organizer.id, missing, consent({ types: ["customer_breakfast", "home_visit"] }), zone, new Date());
    await publishEvent(event.id, organizer.id, new Date(), limits);
    expect((await statusOf(event.id)).status).toBe("published");
    // A safari without customer hosts needs no consent.
    const plain = await draftWith(organizer.id, []);
    await publishEvent(plain.id, organizer.id, new Date(), limits);
    expect((await statusOf(plain.id)).status).toBe("published");
  });

  it("refuses moving a published safari, or changing its type, beyond what the consent covers", async () => {
    const organizer = await makeUser("organizer");
    const hostId = await createHost(organizer.id, hostInput({ firstName: "Mover" }));
    await recordConsent(organizer.id, hostId, consent({ validUntil: dayIn(20) }), zone, new Date());
    const event = await draftWith(organizer.id, [hostId]);
    await publishEvent(event.id, organizer.id, new Date(), limits);
    const fields = { type: "home_visit", title: event.title, briefing: "", location: "", timeZone: zone, seats: 1, startAt: event.startAt, endAt: event.endAt };
    const later = new Date(Date.now() + 40 * day);
    const moved = (await failure(updateEvent(event.id, organizer.id, { ...fields, startAt: later, endAt: new Date(later.getTime() + 3_600_000) }, new Date()))) as {
      code: string;
      fieldErrors?: Record<string, string[]>;
    };
    expect(moved.code).toBe("CONSENT_MISSING");
    expect(moved.fieldErrors?.start).toEqual([expect.stringMatching(/^Mover Yilmaz: .*is valid only until/)]);
    const retyped = (await failure(updateEvent(event.id, organizer.id, { ...fields, type: "customer_breakfast" }, new Date()))) as { fieldErrors?: Record<string, string[]> };
    expect(retyped.fieldErrors?.type).toEqual([expect.stringMatching(/does not cover Customer breakfast/)]);
    const db = await getDb();
    const [row] = await db.select({ type: events.type, startAt: events.startAt }).from(events).where(eq(events.id, event.id));
    expect(row).toEqual({ type: "home_visit", startAt: event.startAt });
    // Within the consent the move is fine, and the logistics are saved with it.
    const sooner = new Date(event.startAt.getTime() + day);
    await updateEvent(event.id, organizer.id, { ...fields, startAt: sooner, endAt: new Date(sooner.getTime() + 3_600_000), frontlineName: "Anna Weber", videoUrl: "https://meet.example.com/x" }, new Date());
    const [after] = await db.select({ startAt: events.startAt, frontlineName: events.frontlineName, videoUrl: events.videoUrl }).from(events).where(eq(events.id, event.id));
    expect(after).toEqual({ startAt: sooner, frontlineName: "Anna Weber", videoUrl: "https://meet.example.com/x" });
  });

  it("takes a host onto a published safari only with a covering consent, and changes nothing once it has started", async () => {
    const organizer = await makeUser("organizer");
    const hostId = await createHost(organizer.id, hostInput({ firstName: "Late" }));
    const event = await draftWith(organizer.id, []);
    await publishEvent(event.id, organizer.id, new Date(), limits);
    const refused = (await failure(addHostToEvent(organizer.id, event.id, hostId, new Date()))) as { code: string; fieldErrors?: Record<string, string[]> };
    expect(refused.code).toBe("CONSENT_MISSING");
    expect(refused.fieldErrors?.hostId).toEqual([expect.stringMatching(/^Late Yilmaz: /)]);
    await recordConsent(organizer.id, hostId, consent(), zone, new Date());
    await addHostToEvent(organizer.id, event.id, hostId, new Date());
    const persona = await createPersona(organizer.id, { name: `Latecomers ${crypto.randomUUID().slice(0, 6)}`, description: "" });
    await setEventPersona(organizer.id, event.id, persona, true, new Date());
    const started = new Date(event.startAt.getTime() + 60_000);
    expect(((await failure(removeHostFromEvent(organizer.id, event.id, hostId, started))) as { code: string }).code).toBe("INVALID_STATE");
    expect(((await failure(setEventPersona(organizer.id, event.id, persona, false, started))) as { code: string }).code).toBe("INVALID_STATE");
    const archived = await createHost(organizer.id, hostInput({ firstName: "Gone" }));
    await setHostArchived(organizer.id, archived, true, new Date());
    expect(((await failure(addHostToEvent(organizer.id, event.id, archived, new Date()))) as { code: string }).code).toBe("NOT_FOUND");
  });
});

describe("withdrawing consent", () => {
  it("flags the future safaris it leaves uncovered and tells each one's organizer, in the same transaction", async () => {
    const lena = await makeUser("organizer");
    const jonas = await makeUser("organizer");
    const hostId = await createHost(lena.id, hostInput({ firstName: "Withdrawing", lastName: "Host" }));
    const now = new Date();
    const homeVisits = await recordConsent(lena.id, hostId, consent({ types: ["home_visit"] }), zone, now);
    await recordConsent(lena.id, hostId, consent({ types: ["customer_breakfast"] }), zone, now);
    const lenasVisit = await draftWith(lena.id, [hostId]);
    const jonassVisit = await draftWith(jonas.id, [hostId], { status: "published" });
    const breakfast = await draftWith(lena.id, [hostId], { type: "customer_breakfast" });
    const past = await draftWith(lena.id, [hostId], { status: "completed", startAt: new Date(Date.now() - 5 * day), endAt: new Date(Date.now() - 5 * day + 3_600_000) });
    const cancelled = await draftWith(lena.id, [hostId], { status: "cancelled" });

    const { flagged } = await withdrawConsent(lena.id, hostId, homeVisits, new Date());
    expect(new Set(flagged)).toEqual(new Set([lenasVisit.id, jonassVisit.id]));
    for (const event of [lenasVisit, jonassVisit]) expect((await statusOf(event.id)).flagged).not.toBeNull();
    for (const event of [breakfast, past, cancelled]) expect((await statusOf(event.id)).flagged).toBeNull();

    const db = await getDb();
    const notices = await db.select().from(notifications).where(eq(notifications.kind, "consent_withdrawn"));
    const mine = notices.filter((notice) => [lenasVisit.id, jonassVisit.id].includes(notice.eventId!));
    expect(mine.map((notice) => [notice.userId, notice.eventId]).sort()).toEqual(
      [
        [lena.id, lenasVisit.id],
        [jonas.id, jonassVisit.id],
      ].sort(),
    );
    expect(mine[0]!.details).toMatchObject({ hostName: "Withdrawing Host", title: lenasVisit.title });

    // Withdrawn twice is refused; the consent keeps its first withdrawal.
    expect(((await failure(withdrawConsent(lena.id, hostId, homeVisits, new Date()))) as { code: string }).code).toBe("INVALID_STATE");
    // Another host's consent id is no consent of this host.
    const other = await createHost(lena.id, hostInput());
    expect(((await failure(withdrawConsent(lena.id, other, homeVisits, new Date()))) as { code: string }).code).toBe("NOT_FOUND");
  });

  it("clears the flag once a new covering consent is recorded, or the host is taken off the safari", async () => {
    const organizer = await makeUser("organizer");
    const renewing = await createHost(organizer.id, hostInput({ firstName: "Renewing" }));
    const leaving = await createHost(organizer.id, hostInput({ firstName: "Leaving" }));
    const staying = await createHost(organizer.id, hostInput({ firstName: "Staying" }));
    const now = new Date();
    const renewingConsent = await recordConsent(organizer.id, renewing, consent(), zone, now);
    const leavingConsent = await recordConsent(organizer.id, leaving, consent(), zone, now);
    await recordConsent(organizer.id, staying, consent(), zone, now);
    const first = await draftWith(organizer.id, [renewing], { status: "published" });
    const second = await draftWith(organizer.id, [leaving, staying], { status: "published" });
    await withdrawConsent(organizer.id, renewing, renewingConsent, new Date());
    await withdrawConsent(organizer.id, leaving, leavingConsent, new Date());
    expect((await statusOf(first.id)).flagged).not.toBeNull();
    expect((await statusOf(second.id)).flagged).not.toBeNull();

    // A consent that does not cover the safari leaves the flag.
    await recordConsent(organizer.id, renewing, consent({ types: ["customer_breakfast"] }), zone, new Date());
    expect((await statusOf(first.id)).flagged).not.toBeNull();
    await recordConsent(organizer.id, renewing, consent(), zone, new Date());
    expect((await statusOf(first.id)).flagged).toBeNull();

    await removeHostFromEvent(organizer.id, second.id, leaving, new Date());
    expect((await statusOf(second.id)).flagged).toBeNull();
    const db = await getDb();
    expect(await db.select().from(eventHosts).where(and(eq(eventHosts.eventId, second.id), eq(eventHosts.hostId, leaving)))).toEqual([]);
  });
});

describe("publishing and withdrawing at once", () => {
  it("never leaves a published safari whose host withdrew unflagged, whichever commits first", async () => {
    const organizer = await makeUser("organizer");
    for (let round = 0; round < 8; round++) {
      const hostId = await createHost(organizer.id, hostInput({ firstName: `Racer${round}` }));
      const consentId = await recordConsent(organizer.id, hostId, consent(), zone, new Date());
      const event = await draftWith(organizer.id, [hostId]);
      const [published] = await Promise.allSettled([publishEvent(event.id, organizer.id, new Date(), limits), withdrawConsent(organizer.id, hostId, consentId, new Date())]);
      const { status, flagged } = await statusOf(event.id);
      if (published.status === "fulfilled") {
        expect(status).toBe("published");
        expect(flagged, `round ${round}: published before the withdrawal, so flagged by it`).not.toBeNull();
      } else {
        expect(toAppError(published.reason)?.code).toBe("CONSENT_MISSING");
        expect(status).toBe("draft");
      }
    }
  });
});

describe("what executives see of hosts", () => {
  it("gives the first name, persona, language and what the host agreed to, never a last name or contact details", async () => {
    const organizer = await makeUser("organizer");
    const executive = await makeExecutive();
    const persona = await createPersona(organizer.id, { name: `Home workers ${crypto.randomUUID().slice(0, 6)}`, description: "" });
    const hostId = await createHost(organizer.id, hostInput({ firstName: "Miriam", lastName: "Secretname", contactEmail: "secret@example.net", contactPhone: "+49 30 9999 8888", personaId: persona }));
    const unconsented = await createHost(organizer.id, hostInput({ firstName: "Paul", lastName: "Hiddenname", contactEmail: "hidden@example.net" }));
    await recordConsent(organizer.id, hostId, consent({ recordingAllowed: true }), zone, new Date());
    const event = await draftWith(organizer.id, [hostId, unconsented], { status: "published", videoUrl: "https://meet.example.com/v", frontlineName: "Anna Weber", frontlineRole: "Service desk" });

    const hosts = await hostsForExecutive(event.id);
    expect(hosts).toEqual([
      { firstName: "Miriam", persona: expect.stringMatching(/^Home workers/), language: "de", executivesMayObserve: true, recordingAllowed: true },
      { firstName: "Paul", persona: null, language: "de", executivesMayObserve: false, recordingAllowed: false },
    ]);
    const safari = await findSafariForExecutive(event.id, executive.id);
    expect(safari?.event).toMatchObject({ videoUrl: "https://meet.example.com/v", frontlineName: "Anna Weber", frontlineRole: "Service desk" });
    const readable = JSON.stringify({ hosts, safari });
    for (const secret of ["Secretname", "secret@example.net", "9999", "Hiddenname", "hidden@example.net", "Yilmaz"]) expect(readable).not.toContain(secret);
    // The consent rows themselves hold no personal data to leak.
    const db = await getDb();
    expect(await db.select().from(hostConsents).where(eq(hostConsents.hostId, hostId))).toHaveLength(1);
  });
});
