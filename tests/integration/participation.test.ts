import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, customerHosts, eventHosts, eventPersonas, events, participations, personas } from "@/db/schema";
import { toAppError } from "@/lib/errors/app-error";
import { findEventForOrganizer } from "@/lib/events/data";
import { cancelEvent } from "@/lib/events/mutations";
import { findSafariForExecutive, listMySafaris, listOpenSafaris, type OpenSafariQuery } from "@/lib/participation/data";
import { markAttendance, signUp, withdraw } from "@/lib/participation/mutations";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";
import { walkPages } from "../support/paging";

const codeOf = (promise: Promise<unknown>) => promise.then(
  () => "ok",
  (error: unknown) => toAppError(error)?.code ?? error,
);

async function seatsTaken(eventId: string) {
  const db = await getDb();
  const [row] = await db.select({ seatsTaken: events.seatsTaken }).from(events).where(eq(events.id, eventId));
  return row!.seatsTaken;
}

async function participationsOf(eventId: string) {
  const db = await getDb();
  return db.select().from(participations).where(eq(participations.eventId, eventId));
}

const minutes = (n: number) => n * 60_000;

describe("sign-up", () => {
  it("confirms a seat as signed_up", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id);
    const executive = await makeExecutive();
    const id = await signUp(event.id, executive.id, new Date());
    expect(await participationsOf(event.id)).toMatchObject([{ id, executiveId: executive.id, status: "confirmed", source: "signed_up" }]);
    expect(await seatsTaken(event.id)).toBe(1);
    expect(await codeOf(signUp(event.id, executive.id, new Date()))).toBe("ALREADY_SIGNED_UP");
  });

  it("refuses a full event with EVENT_FULL and writes nothing", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { seats: 1 });
    await signUp(event.id, (await makeExecutive()).id, new Date());
    const late = await makeExecutive();
    expect(await codeOf(signUp(event.id, late.id, new Date()))).toBe("EVENT_FULL");
    expect(await participationsOf(event.id)).toHaveLength(1);
    expect(await seatsTaken(event.id)).toBe(1);
  });

  it("closes at the start, and for drafts, cancelled and completed events", async () => {
    const organizer = await makeUser("organizer");
    const executive = await makeExecutive();
    const event = await makeEvent(organizer.id);
    expect(await codeOf(signUp(event.id, executive.id, event.startAt))).toBe("SIGNUP_CLOSED");
    for (const status of ["cancelled", "completed"] as const) {
      const closed = await makeEvent(organizer.id, { status });
      expect(await codeOf(signUp(closed.id, executive.id, new Date()))).toBe("SIGNUP_CLOSED");
    }
    const draft = await makeEvent(organizer.id, { status: "draft" });
    expect(await codeOf(signUp(draft.id, executive.id, new Date()))).toBe("NOT_FOUND");
    const db = await getDb();
    expect(await db.select().from(participations).where(eq(participations.executiveId, executive.id))).toHaveLength(0);
  });

  it("re-confirms the executive's own row after withdrawing, as a sign-up", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id);
    const executive = await makeExecutive();
    const db = await getDb();
    const [invited] = await db.insert(participations).values({ eventId: event.id, executiveId: executive.id, status: "declined", source: "matched" }).returning();
    const id = await signUp(event.id, executive.id, new Date());
    expect(id).toBe(invited!.id);
    expect(await participationsOf(event.id)).toMatchObject([{ status: "confirmed", source: "signed_up" }]);
    expect(await seatsTaken(event.id)).toBe(1);
  });

  it("lets exactly as many of 10 racing executives in as there are seats", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { seats: 3 });
    const executives = await Promise.all(Array.from({ length: 10 }, () => makeExecutive()));
    const now = new Date();

    const outcomes = await Promise.all(executives.map((executive) => codeOf(signUp(event.id, executive.id, now))));

    expect(outcomes.filter((o) => o === "ok")).toHaveLength(3);
    expect(outcomes.filter((o) => o === "EVENT_FULL")).toHaveLength(7);
    expect(await seatsTaken(event.id)).toBe(3);
    const rows = await participationsOf(event.id);
    expect(rows.filter((row) => row.status === "confirmed")).toHaveLength(3);
    expect(rows).toHaveLength(3);
  });

  it("keeps each of several executives racing for three overlapping events at once to exactly one", async () => {
    const organizer = await makeUser("organizer");
    const start = new Date(Date.now() + 12 * 24 * 3_600_000);
    const slots = await Promise.all(
      [0, 30, 60].map((offset) =>
        makeEvent(organizer.id, { seats: 20, startAt: new Date(start.getTime() + minutes(offset)), endAt: new Date(start.getTime() + minutes(offset + 90)) }),
      ),
    );
    const executives = await Promise.all(Array.from({ length: 16 }, () => makeExecutive()));

    const outcomes = await Promise.all(executives.flatMap((executive) => slots.map((event) => codeOf(signUp(event.id, executive.id, new Date())))));

    // Every refusal is the rule speaking (never a deadlock or another error), and each executive got one seat.
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(executives.length);
    expect(outcomes.filter((o) => o !== "ok").every((o) => o === "DOUBLE_BOOKED")).toBe(true);
    const seats = await Promise.all(slots.map((event) => seatsTaken(event.id)));
    expect(seats.reduce((a, b) => a + b, 0)).toBe(executives.length);
  });

  it("lets one executive racing for two overlapping events into exactly one", async () => {
    const organizer = await makeUser("organizer");
    const start = new Date(Date.now() + 10 * 24 * 3_600_000);
    const morning = await makeEvent(organizer.id, { startAt: start, endAt: new Date(start.getTime() + minutes(120)) });
    const overlapping = await makeEvent(organizer.id, { startAt: new Date(start.getTime() + minutes(60)), endAt: new Date(start.getTime() + minutes(180)) });
    const executive = await makeExecutive();

    const outcomes = await Promise.all([morning, overlapping].map((event) => codeOf(signUp(event.id, executive.id, new Date()))));

    expect(outcomes.sort()).toEqual(["DOUBLE_BOOKED", "ok"]);
    const db = await getDb();
    const held = await db
      .select()
      .from(participations)
      .where(and(eq(participations.executiveId, executive.id), eq(participations.status, "confirmed")));
    expect(held).toHaveLength(1);
    expect((await seatsTaken(morning.id)) + (await seatsTaken(overlapping.id))).toBe(1);
  });
});

describe("withdraw", () => {
  it("gives the seat back before the start", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { seats: 1 });
    const executive = await makeExecutive();
    const id = await signUp(event.id, executive.id, new Date());
    expect(await withdraw(id, executive.id, new Date())).toEqual({ eventId: event.id, late: false, lateWindowHours: 24 });
    expect(await participationsOf(event.id)).toMatchObject([{ status: "declined" }]);
    expect(await seatsTaken(event.id)).toBe(0);
  });

  it("refuses someone else's participation as NOT_FOUND and changes nothing", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id);
    const [owner, other] = [await makeExecutive(), await makeExecutive()];
    const id = await signUp(event.id, owner.id, new Date());
    expect(await codeOf(withdraw(id, other.id, new Date()))).toBe("NOT_FOUND");
    expect(await participationsOf(event.id)).toMatchObject([{ status: "confirmed" }]);
    expect(await seatsTaken(event.id)).toBe(1);
  });

  it("refuses once the safari has started", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id);
    const executive = await makeExecutive();
    const id = await signUp(event.id, executive.id, new Date());
    expect(await codeOf(withdraw(id, executive.id, event.startAt))).toBe("INVALID_STATE");
  });

  it("records a withdrawal within 24 hours of the start as late, shows it to organizers, and forgets it when they come back", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { seats: 2 });
    const [early, late] = [await makeExecutive(), await makeExecutive()];
    const earlyId = await signUp(event.id, early.id, new Date());
    const lateId = await signUp(event.id, late.id, new Date());
    const hoursBefore = (hours: number) => new Date(event.startAt.getTime() - hours * 3_600_000);

    expect(await withdraw(earlyId, early.id, hoursBefore(24))).toEqual({ eventId: event.id, late: false, lateWindowHours: 24 });
    expect(await withdraw(lateId, late.id, hoursBefore(23.99))).toEqual({ eventId: event.id, late: true, lateWindowHours: 24 });

    const byId = new Map((await findEventForOrganizer(event.id))!.participants.map((p) => [p.id, p]));
    expect(byId.get(earlyId)).toMatchObject({ status: "declined", withdrawnLate: false, withdrawnAt: hoursBefore(24) });
    expect(byId.get(lateId)).toMatchObject({ status: "declined", withdrawnLate: true, withdrawnAt: hoursBefore(23.99) });

    await signUp(event.id, late.id, hoursBefore(12));
    expect((await findEventForOrganizer(event.id))!.participants.find((p) => p.id === lateId)).toMatchObject({
      status: "confirmed",
      withdrawnLate: false,
      withdrawnAt: null,
    });
  });

  it("never lets the database hold a late withdrawal without its time", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id);
    const executive = await makeExecutive();
    const id = await signUp(event.id, executive.id, new Date());
    await expect(db.update(participations).set({ status: "declined", withdrawnLate: true }).where(eq(participations.id, id))).rejects.toThrow();
  });
});

describe("attendance", () => {
  let organizerId = "";
  async function confirmedAt(status: "published" | "cancelled" = "published") {
    const organizer = await makeUser("organizer");
    organizerId = organizer.id;
    const event = await makeEvent(organizer.id, { seats: 2 });
    const executive = await makeExecutive();
    const id = await signUp(event.id, executive.id, new Date());
    if (status === "cancelled") await cancelEvent(event.id, organizer.id, "The venue closed.", new Date());
    return { event, id };
  }

  it("opens an hour before the start, not earlier", async () => {
    const { event, id } = await confirmedAt();
    const tooEarly = new Date(event.startAt.getTime() - minutes(61));
    expect(await codeOf(markAttendance(organizerId, event.id, id, "attended", tooEarly))).toBe("INVALID_STATE");
    await markAttendance(organizerId, event.id, id, "attended", new Date(event.startAt.getTime() - minutes(60)));
    expect(await participationsOf(event.id)).toMatchObject([{ status: "attended" }]);
    expect(await seatsTaken(event.id)).toBe(1);
  });

  it("records who marked the outcome in the audit trail, with the outcome", async () => {
    const { event, id } = await confirmedAt();
    await markAttendance(organizerId, event.id, id, "no_show", event.startAt);
    const db = await getDb();
    const rows = await db.select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(rows.map(({ actorId, action, objectType, details }) => ({ actorId, action, objectType, details }))).toEqual([
      { actorId: organizerId, action: "participation.attendance", objectType: "participation", details: { eventId: event.id, outcome: "no_show" } },
    ]);
  });

  it("records a no-show, which frees the seat, and refuses a second outcome", async () => {
    const { event, id } = await confirmedAt();
    await markAttendance(organizerId, event.id, id, "no_show", event.endAt);
    expect(await seatsTaken(event.id)).toBe(0);
    expect(await codeOf(markAttendance(organizerId, event.id, id, "attended", event.endAt))).toBe("INVALID_STATE");
    expect(await participationsOf(event.id)).toMatchObject([{ status: "no_show" }]);
  });

  it("refuses executives who are not confirmed", async () => {
    const { event, id } = await confirmedAt();
    await withdraw(id, (await participationsOf(event.id))[0]!.executiveId, new Date());
    expect(await codeOf(markAttendance(organizerId, event.id, id, "attended", event.startAt))).toBe("INVALID_STATE");
    expect(await participationsOf(event.id)).toMatchObject([{ status: "declined" }]);
  });

  it("refuses cancelled events", async () => {
    const { event, id } = await confirmedAt("cancelled");
    expect(await codeOf(markAttendance(organizerId, event.id, id, "attended", event.startAt))).toBe("INVALID_STATE");
  });

  it("refuses a participation that belongs to another event", async () => {
    const { id } = await confirmedAt();
    const { event: other } = await confirmedAt();
    expect(await codeOf(markAttendance(organizerId, other.id, id, "attended", other.startAt))).toBe("NOT_FOUND");
  });
});

describe("what executives see", () => {
  it("lists published future events with free seats soonest first, with the executive's own marked", async () => {
    const organizer = await makeUser("organizer");
    const now = new Date("2032-01-10T12:00:00Z");
    const at = (iso: string) => ({ startAt: new Date(iso), endAt: new Date(new Date(iso).getTime() + 3_600_000) });
    const executive = await makeExecutive();
    const later = await makeEvent(organizer.id, { ...at("2032-01-20T09:00:00Z"), seats: 1 });
    const sooner = await makeEvent(organizer.id, { ...at("2032-01-12T09:00:00Z"), seats: 1 });
    const fullOfOthers = await makeEvent(organizer.id, { ...at("2032-01-13T09:00:00Z"), seats: 1 });
    const started = await makeEvent(organizer.id, { ...at("2032-01-10T11:30:00Z") });
    const draft = await makeEvent(organizer.id, { ...at("2032-01-14T09:00:00Z"), status: "draft" });
    await signUp(later.id, executive.id, now);
    await signUp(fullOfOthers.id, (await makeExecutive()).id, now);

    const window = { start: new Date("2032-01-01T00:00:00Z"), end: new Date("2032-02-01T00:00:00Z") };
    const open = (await listOpenSafaris(executive.id, { now, ...window }, null, 50))!.rows.filter((s) =>
      [later.id, sooner.id, fullOfOthers.id, started.id, draft.id].includes(s.id),
    );
    // A full safari is listed for its waitlist; one that started or a draft is not.
    expect(open.map((s) => [s.id, s.going, s.full])).toEqual([
      [sooner.id, false, false],
      [fullOfOthers.id, false, true],
      [later.id, true, true],
    ]);
  });

  it("hides drafts, and shows cancelled events only to executives who were on them", async () => {
    const organizer = await makeUser("organizer");
    const [onIt, stranger] = [await makeExecutive(), await makeExecutive()];
    const draft = await makeEvent(organizer.id, { status: "draft" });
    expect(await findSafariForExecutive(draft.id, onIt.id)).toBeUndefined();

    const event = await makeEvent(organizer.id);
    await signUp(event.id, onIt.id, new Date());
    await cancelEvent(event.id, organizer.id, "The host fell ill; we will offer a new date.", new Date());
    expect(await findSafariForExecutive(event.id, stranger.id)).toBeUndefined();
    expect(await findSafariForExecutive(event.id, onIt.id)).toMatchObject({
      event: { status: "cancelled", cancellationReason: "The host fell ill; we will offer a new date." },
      participation: { status: "cancelled" },
    });
  });

  it("keeps a cancelled safari among my upcoming ones, with the reason, until its time has passed", async () => {
    const organizer = await makeUser("organizer");
    const executive = await makeExecutive();
    const event = await makeEvent(organizer.id);
    await signUp(event.id, executive.id, new Date());
    const cancelledAt = new Date();
    await cancelEvent(event.id, organizer.id, "The venue closed for renovation.", cancelledAt);

    const mine = async (when: "upcoming" | "past", now: Date) => (await listMySafaris(executive.id, when, now, null, 25))!.rows;
    expect(await mine("upcoming", new Date())).toMatchObject([
      { eventId: event.id, status: "cancelled", eventStatus: "cancelled", cancellationReason: "The venue closed for renovation.", cancelledAt },
    ]);
    expect(await mine("past", new Date())).toEqual([]);
    expect(await mine("upcoming", event.endAt)).toEqual([]);
    expect(await mine("past", event.endAt)).toMatchObject([{ eventId: event.id, cancellationReason: "The venue closed for renovation." }]);
  });

  it("keeps customer hosts out of the safari an executive reads, but shows the persona", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const executive = await makeExecutive();
    const event = await makeEvent(organizer.id);
    const [persona] = await db.insert(personas).values({ name: `Young family ${event.id.slice(0, 6)}` }).returning();
    const [host] = await db
      .insert(customerHosts)
      .values({ firstName: "Maria", lastName: "Hostmann", contactEmail: "maria@host.example", personaId: persona!.id, language: "de" })
      .returning();
    await db.insert(eventPersonas).values({ eventId: event.id, personaId: persona!.id });
    await db.insert(eventHosts).values({ eventId: event.id, hostId: host!.id });

    const safari = await findSafariForExecutive(event.id, executive.id);
    expect(safari?.personas).toEqual([persona!.name]);
    const seen = JSON.stringify(safari);
    expect(seen).not.toContain("Hostmann");
    expect(seen).not.toContain("maria@host.example");
  });

  it("splits my safaris into upcoming and past", async () => {
    const organizer = await makeUser("organizer");
    const executive = await makeExecutive();
    const ahead = await makeEvent(organizer.id);
    const done = await makeEvent(organizer.id, { startAt: new Date("2020-01-01T09:00:00Z"), endAt: new Date("2020-01-01T10:00:00Z") });
    await signUp(ahead.id, executive.id, new Date());
    const db = await getDb();
    await db.insert(participations).values({ eventId: done.id, executiveId: executive.id, status: "attended", source: "assigned" });

    const mine = async (when: "upcoming" | "past") => (await listMySafaris(executive.id, when, new Date(), null, 25))!.rows;
    expect((await mine("upcoming")).map((s) => [s.eventId, s.status])).toEqual([[ahead.id, "confirmed"]]);
    expect((await mine("past")).map((s) => [s.eventId, s.status, s.reflectionId])).toEqual([[done.id, "attended", null]]);
  });
});

describe("executives' lists, paged and filtered", () => {
  // Each test plans its own year (the file shares one database): nine safaris, two a day.
  let year = 2050;
  async function plan() {
    year += 1;
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const [persona] = await db.insert(personas).values({ name: `Commuters ${year}` }).returning();
    const made = [];
    for (let i = 0; i < 9; i++) {
      const startAt = new Date(Date.UTC(year, 2, 1 + Math.floor(i / 2), 9));
      const event = await makeEvent(organizer.id, { startAt, endAt: new Date(startAt.getTime() + 3_600_000), seats: 1, type: i % 2 ? "home_visit" : "call_listening" });
      if (i % 3 === 0) await db.insert(eventPersonas).values({ eventId: event.id, personaId: persona!.id });
      made.push(event);
    }
    const window = { start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)) };
    return { made, persona: persona!, window, now: new Date(Date.UTC(year, 0, 1)) };
  }
  const byStart = (a: { startAt: Date; id: string }, b: { startAt: Date; id: string }) => a.startAt.getTime() - b.startAt.getTime() || (a.id < b.id ? -1 : 1);
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

  it("pages the open safaris soonest first, forward and back, and filters them by type, persona, days and free seats", async () => {
    const { made, persona, window, now } = await plan();
    const executive = await makeExecutive();
    // Someone else fills the first safari: it stays listed (its waitlist is open) unless only free seats are asked for.
    await signUp(made[0]!.id, (await makeExecutive()).id, now);
    const walk = (query: Partial<OpenSafariQuery>, size: number) =>
      walkPages((cursor) => listOpenSafaris(executive.id, { now, ...window, ...query }, cursor, size), size, (row) => row.id);

    expect(ids(await walk({}, 2))).toEqual(ids([...made].sort(byStart)));
    expect(ids(await walk({ type: "home_visit" }, 2))).toEqual(ids(made.filter((e) => e.type === "home_visit").sort(byStart)));
    expect(ids(await walk({ personaId: persona.id }, 2))).toEqual(ids([made[0]!, made[3]!, made[6]!].sort(byStart)));
    expect(ids(await walk({ freeSeats: true }, 4))).toEqual(ids(made.slice(1).sort(byStart)));
    expect(ids(await walk({ personaId: persona.id, freeSeats: true, type: "home_visit" }, 1))).toEqual([made[3]!.id]);
    // The 2nd and 3rd of March: safaris 2 to 5.
    const days = { start: new Date(Date.UTC(year, 2, 2)), end: new Date(Date.UTC(year, 2, 4)) };
    expect(ids(await walk(days, 3))).toEqual(ids(made.slice(2, 6).sort(byStart)));
    expect(await listOpenSafaris(executive.id, { now, ...window, personaId: crypto.randomUUID() }, null, 5)).toEqual({ rows: [], count: 0, next: null, previous: null });
    // A page link from another filter starts again at the first page.
    expect(await listOpenSafaris(executive.id, { now, ...window, type: "home_visit" }, { after: made[0]!.id }, 2)).toBeNull();
  });

  it("pages an executive's upcoming safaris soonest first and past ones latest first", async () => {
    const { made, now } = await plan();
    const executive = await makeExecutive();
    // Every other safari: they are an hour long and two a day, so none overlaps another.
    const taken = made.filter((_, i) => i % 2 === 0);
    for (const event of taken) await signUp(event.id, executive.id, now);
    const participationIds = async (when: "upcoming" | "past", at: Date, size: number) =>
      (await walkPages((cursor) => listMySafaris(executive.id, when, at, cursor, size), size, (row) => row.participationId)).map((row) => row.eventId);

    expect(await participationIds("upcoming", now, 2)).toEqual(ids([...taken].sort(byStart)));
    expect(await participationIds("past", now, 2)).toEqual([]);
    // After the third one ended: two past (latest first), the rest still ahead.
    const later = taken.sort(byStart)[2]!.endAt;
    expect(await participationIds("past", later, 1)).toEqual(ids(taken.slice(0, 3).reverse()));
    expect(await participationIds("upcoming", later, 1)).toEqual(ids(taken.slice(3)));
  });
});
