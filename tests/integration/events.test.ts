import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, events, participations, reflections } from "@/db/schema";
import { toAppError } from "@/lib/errors/app-error";
import { type EventListQuery, findEventForOrganizer, listEventsForOrganizer } from "@/lib/events/data";
import { cancelEvent, completeEvent, createEvent, publishEvent, updateEvent } from "@/lib/events/mutations";
import type { EventLimits } from "@/lib/events/rules";
import { eventFormSchema } from "@/lib/events/schema";
import { markAttendance, signUp } from "@/lib/participation/mutations";
import { createReflection } from "@/lib/reflections/mutations";
import { structuredReflection } from "../support/reflections";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";
import { walkPages } from "../support/paging";
import { builtInTypes } from "../support/event-types";

const codeOf = (promise: Promise<unknown>) => promise.then(
  () => "ok",
  (error: unknown) => toAppError(error)?.code ?? error,
);

const limits: EventLimits = { maxMonthsAhead: 24, maxDurationHours: 24 };
// The forms below plan June 2030 from the start of 2029, well within the limits.
const planningAt = new Date("2029-01-01T00:00:00Z");

const form = (overrides: Record<string, string> = {}) =>
  eventFormSchema(limits, planningAt, builtInTypes).parse({
    type: "call_listening",
    title: "Listening in on the billing line",
    briefing: "",
    location: "Service centre, floor 2",
    start: "2030-06-03T09:00",
    end: "2030-06-03T11:00",
    timeZone: "Europe/Berlin",
    seats: "3",
    ...overrides,
  });

async function eventRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row!;
}

async function auditOf(objectId: string) {
  const db = await getDb();
  const rows = await db.select().from(auditLog).where(eq(auditLog.objectId, objectId)).orderBy(auditLog.at);
  return rows.map(({ actorId, action, objectType, details }) => ({ actorId, action, objectType, details }));
}

const hours = (n: number) => n * 3_600_000;

describe("events: create and edit", () => {
  it("creates a draft with the instants the form named", async () => {
    const organizer = await makeUser("organizer");
    const id = await createEvent(organizer.id, form());
    const row = await eventRow(id);
    expect(row).toMatchObject({ status: "draft", seats: 3, seatsTaken: 0, timeZone: "Europe/Berlin", organizerId: organizer.id });
    expect(row.startAt.toISOString()).toBe("2030-06-03T07:00:00.000Z");
    expect(await auditOf(id)).toEqual([
      {
        actorId: organizer.id,
        action: "event.create",
        objectType: "event",
        details: { title: "Listening in on the billing line", startAt: "2030-06-03T07:00:00.000Z", endAt: "2030-06-03T09:00:00.000Z", timeZone: "Europe/Berlin", seats: 3 },
      },
    ]);
  });

  it("refuses fewer seats than confirmed executives with SEATS_BELOW_TAKEN and keeps the old count", async () => {
    const organizer = await makeUser("organizer");
    // The times form() names, so that only the seats change.
    const event = await makeEvent(organizer.id, { seats: 3, startAt: new Date("2030-06-03T07:00:00Z"), endAt: new Date("2030-06-03T09:00:00Z") });
    for (const executive of [await makeExecutive(), await makeExecutive()]) await signUp(event.id, executive.id, new Date());
    const now = new Date();
    expect(await codeOf(updateEvent(event.id, organizer.id, form({ seats: "1" }), now))).toBe("SEATS_BELOW_TAKEN");
    expect((await eventRow(event.id)).seats).toBe(3);
    expect(await auditOf(event.id)).toEqual([]);
    await updateEvent(event.id, organizer.id, form({ seats: "2" }), now);
    expect(await eventRow(event.id)).toMatchObject({ seats: 2, seatsTaken: 2 });
    expect(await auditOf(event.id)).toEqual([{ actorId: organizer.id, action: "event.edit", objectType: "event", details: { seats: { from: 3, to: 2 } } }]);
  });

  it("refuses moving an event onto another one of its executives is booked for, naming both to the organizer", async () => {
    const organizer = await makeUser("organizer");
    const executive = await makeExecutive({}, { name: "Markus Brandt" });
    const first = await createEvent(organizer.id, form({ title: "Breakfast with young families", start: "2030-03-05T09:30", end: "2030-03-05T11:00" }));
    const second = await createEvent(organizer.id, form({ start: "2030-03-05T14:00", end: "2030-03-05T15:00" }));
    const now = new Date("2030-01-01T00:00:00Z");
    for (const id of [first, second]) {
      await publishEvent(id, organizer.id, now, limits);
      await signUp(id, executive.id, now);
    }
    const before = await auditOf(second);

    const move = updateEvent(second, organizer.id, form({ start: "2030-03-05T10:30", end: "2030-03-05T12:00" }), now);
    const error = await move.then(() => undefined, (e: unknown) => toAppError(e));

    expect(error?.code).toBe("DOUBLE_BOOKED");
    // The zone's abbreviation is CET or GMT+1, by the ICU data of the machine.
    expect(error?.message).toMatch(
      /^Markus Brandt is already on “Breakfast with young families” \(Tue 5 Mar 2030, 09:30–11:00 (CET|GMT\+1)\) at that time\. Nothing was changed: choose another time\.$/,
    );
    expect((await eventRow(second)).startAt.toISOString()).toBe("2030-03-05T13:00:00.000Z");
    expect(await auditOf(second)).toEqual(before);
  });

  it("does not change cancelled events, and says NOT_FOUND for unknown ones", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { status: "cancelled" });
    expect(await codeOf(updateEvent(event.id, organizer.id, form(), new Date()))).toBe("INVALID_STATE");
    expect(await codeOf(updateEvent("00000000-0000-4000-8000-000000000000", organizer.id, form(), new Date()))).toBe("NOT_FOUND");
  });
});

describe("events: lifecycle", () => {
  it("publishes a draft once, and only before it starts", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { status: "draft" });
    expect(await codeOf(publishEvent(event.id, organizer.id, new Date(event.startAt.getTime() + 1), limits))).toBe("INVALID_STATE");
    await publishEvent(event.id, organizer.id, new Date(), limits);
    expect((await eventRow(event.id)).status).toBe("published");
    expect(await codeOf(publishEvent(event.id, organizer.id, new Date(), limits))).toBe("INVALID_STATE");
    expect(await auditOf(event.id)).toEqual([{ actorId: organizer.id, action: "event.publish", objectType: "event", details: {} }]);
  });

  it("re-checks the limits on publishing a draft made before they applied: too far ahead, or too long", async () => {
    const organizer = await makeUser("organizer");
    const now = new Date("2026-11-23T10:00:00Z");
    const farAhead = await makeEvent(organizer.id, { status: "draft", startAt: new Date("9999-06-01T08:00:00Z"), endAt: new Date("9999-06-01T10:00:00Z") });
    const threeYears = await makeEvent(organizer.id, { status: "draft", startAt: new Date("2027-01-04T08:00:00Z"), endAt: new Date("2030-01-04T08:00:00Z") });
    for (const event of [farAhead, threeYears]) {
      expect(await codeOf(publishEvent(event.id, organizer.id, now, limits))).toBe("INVALID_STATE");
      expect((await eventRow(event.id)).status).toBe("draft");
    }
    const error = await publishEvent(threeYears.id, organizer.id, now, limits).catch((e: unknown) => toAppError(e));
    expect(error?.message).toMatch(/at most 24 hours/);
  });

  it("cancels with the reason and time participants are shown, frees every seat, and records who and why", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { seats: 3 });
    const [a, b, c] = [await makeExecutive(), await makeExecutive(), await makeExecutive()];
    await signUp(event.id, a.id, new Date());
    await signUp(event.id, b.id, new Date());
    await db.insert(participations).values({ eventId: event.id, executiveId: c.id, status: "declined", source: "signed_up" });
    const now = new Date();

    await cancelEvent(event.id, organizer.id, "The host fell ill; we will offer a new date.", now);

    expect(await eventRow(event.id)).toMatchObject({ status: "cancelled", seatsTaken: 0, cancelledAt: now, cancellationReason: "The host fell ill; we will offer a new date." });
    const rows = await db.select().from(participations).where(eq(participations.eventId, event.id));
    expect(rows.map((row) => [row.executiveId, row.status]).sort()).toEqual(
      [[a.id, "cancelled"], [b.id, "cancelled"], [c.id, "declined"]].sort(),
    );
    expect(await auditOf(event.id)).toEqual([
      { actorId: organizer.id, action: "event.cancel", objectType: "event", details: { reason: "The host fell ill; we will offer a new date.", participationsCancelled: 2 } },
    ]);
    const sameTime = await makeEvent(organizer.id, { startAt: event.startAt, endAt: event.endAt });
    await expect(signUp(sameTime.id, a.id, new Date())).resolves.toBeTypeOf("string");
    expect(await codeOf(cancelEvent(event.id, organizer.id, "Again", new Date()))).toBe("INVALID_STATE");
  });

  it("refuses to cancel a safari that has started, with its attendance and reflection", async () => {
    const organizer = await makeUser("organizer");
    const executive = await makeExecutive();
    const event = await makeEvent(organizer.id, { seats: 1 });
    const participationId = await signUp(event.id, executive.id, new Date());
    const during = new Date(event.startAt.getTime() + hours(1));
    await markAttendance(organizer.id, event.id, participationId, "attended", during);
    await createReflection(executive.id, reflectionOn(participationId), during);

    expect(await codeOf(cancelEvent(event.id, organizer.id, "Too late to cancel", during))).toBe("INVALID_STATE");

    expect(await eventRow(event.id)).toMatchObject({ status: "published", seatsTaken: 1, cancelledAt: null, cancellationReason: null });
    await completeEvent(event.id, organizer.id, event.endAt);
    expect((await eventRow(event.id)).status).toBe("completed");
  });

  it("frees the seat of an executive checked in early when the safari is cancelled before it starts", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const executive = await makeExecutive();
    const event = await makeEvent(organizer.id, { seats: 1 });
    const participationId = await signUp(event.id, executive.id, new Date());
    const halfAnHourBefore = new Date(event.startAt.getTime() - hours(0.5));
    await markAttendance(organizer.id, event.id, participationId, "attended", halfAnHourBefore);

    await cancelEvent(event.id, organizer.id, "The customer had to leave unexpectedly.", halfAnHourBefore);

    expect(await eventRow(event.id)).toMatchObject({ status: "cancelled", seatsTaken: 0 });
    const [row] = await db.select().from(participations).where(eq(participations.id, participationId));
    expect(row!.status).toBe("cancelled");
  });

  it("once started allows no edit, cancel or publish; completing waits for the end", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { startAt: new Date("2030-06-03T07:00:00Z"), endAt: new Date("2030-06-03T09:00:00Z") });
    const during = new Date("2030-06-03T07:30:00Z");
    expect(await codeOf(updateEvent(event.id, organizer.id, form({ title: "A new title" }), during))).toBe("INVALID_STATE");
    expect(await codeOf(cancelEvent(event.id, organizer.id, "Changed our minds", during))).toBe("INVALID_STATE");
    expect(await codeOf(publishEvent(event.id, organizer.id, during, limits))).toBe("INVALID_STATE");
    expect(await codeOf(completeEvent(event.id, organizer.id, during))).toBe("INVALID_STATE");
    expect(await eventRow(event.id)).toMatchObject({ status: "published", title: "Breakfast with young families" });
    expect(await auditOf(event.id)).toEqual([]);
  });

  it("lets a draft whose start has passed be moved to a new time, or cancelled", async () => {
    const organizer = await makeUser("organizer");
    const now = new Date("2030-06-10T00:00:00Z");
    const stale = await makeEvent(organizer.id, { status: "draft", startAt: new Date("2030-06-03T07:00:00Z"), endAt: new Date("2030-06-03T09:00:00Z") });
    await updateEvent(stale.id, organizer.id, form({ start: "2030-07-01T09:00", end: "2030-07-01T11:00" }), now);
    expect((await eventRow(stale.id)).startAt.toISOString()).toBe("2030-07-01T07:00:00.000Z");
    expect((await auditOf(stale.id))[0]).toMatchObject({
      action: "event.edit",
      details: { startAt: { from: "2030-06-03T07:00:00.000Z", to: "2030-07-01T07:00:00.000Z" }, endAt: { from: "2030-06-03T09:00:00.000Z", to: "2030-07-01T09:00:00.000Z" } },
    });

    const another = await makeEvent(organizer.id, { status: "draft", startAt: new Date("2030-06-03T07:00:00Z"), endAt: new Date("2030-06-03T09:00:00Z") });
    await cancelEvent(another.id, organizer.id, "Never went ahead.", now);
    expect((await eventRow(another.id)).status).toBe("cancelled");
  });

  it("does not move a published safari to a start that has already come", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { startAt: new Date("2030-06-20T07:00:00Z"), endAt: new Date("2030-06-20T09:00:00Z") });
    const now = new Date("2030-06-10T00:00:00Z");
    expect(await codeOf(updateEvent(event.id, organizer.id, form({ start: "2030-06-03T09:00", end: "2030-06-03T11:00" }), now))).toBe("INVALID_STATE");
    expect((await eventRow(event.id)).startAt.toISOString()).toBe("2030-06-20T07:00:00.000Z");
  });

  it("marks completed only a published event that has ended, and records it", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id);
    expect(await codeOf(completeEvent(event.id, organizer.id, new Date(event.endAt.getTime() - 60_000)))).toBe("INVALID_STATE");
    await completeEvent(event.id, organizer.id, event.endAt);
    expect((await eventRow(event.id)).status).toBe("completed");
    expect(await auditOf(event.id)).toEqual([{ actorId: organizer.id, action: "event.complete", objectType: "event", details: {} }]);

    const draft = await makeEvent(organizer.id, { status: "draft" });
    expect(await codeOf(completeEvent(draft.id, organizer.id, new Date(draft.endAt.getTime() + 1)))).toBe("INVALID_STATE");
  });
});

function reflectionOn(participationId: string) {
  return structuredReflection(participationId, { ouch: "Waited on hold", aah: "Called back", commitment: "Fix the hold queue", dueOn: "2099-01-01" });
}

describe("events: organizer reads", () => {
  it("lists events not yet over soonest first, and past ones latest first", async () => {
    const organizer = await makeUser("organizer");
    const now = new Date("2031-05-10T12:00:00Z");
    const at = (iso: string) => ({ startAt: new Date(iso), endAt: new Date(new Date(iso).getTime() + 3_600_000) });
    const later = await makeEvent(organizer.id, { title: "Later", ...at("2031-05-20T09:00:00Z") });
    const soon = await makeEvent(organizer.id, { title: "Soon", ...at("2031-05-11T09:00:00Z") });
    const running = await makeEvent(organizer.id, { title: "Running", ...at("2031-05-10T11:30:00Z") });
    const lastWeek = await makeEvent(organizer.id, { title: "Last week", ...at("2031-05-03T09:00:00Z") });
    const lastMonth = await makeEvent(organizer.id, { title: "Last month", ...at("2031-04-10T09:00:00Z") });

    // Only this test's month, so other tests' events stay out.
    const window = { start: new Date("2031-04-01T00:00:00Z"), end: new Date("2031-06-01T00:00:00Z") };
    const read = async (when: "upcoming" | "past") => (await listEventsForOrganizer({ when, now, ...window }, null, 50))!.rows.map((e) => e.id);
    expect(await read("upcoming")).toEqual([running.id, soon.id, later.id]);
    expect(await read("past")).toEqual([lastWeek.id, lastMonth.id]);
  });

  describe("paging and filters", () => {
    // Eleven events in a year of their own per test (the file shares one database), two a day, so that
    // ties in the start time are broken by id.
    let year = 2040;
    async function programme() {
      year += 1;
      const organizer = await makeUser("organizer");
      const made = [];
      for (let i = 0; i < 11; i++) {
        const startAt = new Date(Date.UTC(year, 0, 10 + Math.floor(i / 2), 9));
        made.push(
          await makeEvent(organizer.id, {
            title: i % 3 === 0 ? `Call 100%_${i}` : `Breakfast ${i}`,
            type: i % 3 === 0 ? "call_listening" : "customer_breakfast",
            status: i === 4 ? "draft" : "published",
            startAt,
            endAt: new Date(startAt.getTime() + 3_600_000),
          }),
        );
      }
      const window = { start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)) };
      const now = new Date(Date.UTC(year - 1, 11, 31));
      const walk = (query: Partial<EventListQuery>, size: number) =>
        walkPages((cursor) => listEventsForOrganizer({ when: "upcoming", now, ...window, ...query }, cursor, size), size, (row) => row.id);
      return { made, window, now, walk };
    }
    const byStart = (a: { startAt: Date; id: string }, b: { startAt: Date; id: string }) => a.startAt.getTime() - b.startAt.getTime() || (a.id < b.id ? -1 : 1);
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

    it("walks every page forward and back, soonest first, with the count on each", async () => {
      const { made, walk } = await programme();
      expect(ids(await walk({}, 3))).toEqual(ids([...made].sort(byStart)));
    });

    it("reads the past latest first, page by page", async () => {
      const { made, walk, window } = await programme();
      expect(ids(await walk({ when: "past", now: window.end }, 4))).toEqual(ids([...made].sort(byStart).reverse()));
    });

    it("combines filters with paging: type, status, title and days", async () => {
      const { made, walk } = await programme();
      const calls = made.filter((e) => e.type === "call_listening").sort(byStart);
      expect(ids(await walk({ type: "call_listening" }, 2))).toEqual(ids(calls));
      expect(ids(await walk({ status: "draft" }, 2))).toEqual([made[4]!.id]);
      // % and _ in the search are matched as themselves, not as wildcards; case does not matter.
      expect(ids(await walk({ title: "CALL 100%_" }, 2))).toEqual(ids(calls));
      expect(await walk({ title: "100%x" }, 2)).toEqual([]);
      // Case is ignored beyond ASCII too (the database's character type must be a UTF-8 one).
      const breakfast = await makeEvent(made[0]!.organizerId, { title: "Frühstück Ölmühle", startAt: made[0]!.startAt, endAt: made[0]!.endAt });
      expect(ids(await walk({ title: "FRÜHSTÜCK ÖL" }, 2))).toEqual([breakfast.id]);
      // Events 2 to 5 start on the 11th and 12th of January.
      const days = { start: new Date(Date.UTC(year, 0, 11)), end: new Date(Date.UTC(year, 0, 13)) };
      expect(ids(await walk(days, 3))).toEqual(ids(made.slice(2, 6).sort(byStart)));
    });

    it("gives an empty first page, with nothing before or after, when nothing matches", async () => {
      const { now, window } = await programme();
      const page = await listEventsForOrganizer({ when: "upcoming", now, ...window, title: "no such safari" }, null, 10);
      expect(page).toEqual({ rows: [], count: 0, next: null, previous: null });
    });

    it("refuses a cursor the filter does not match, so the page starts again at the first", async () => {
      const { made, now, window } = await programme();
      const breakfast = made.find((e) => e.type === "customer_breakfast")!;
      expect(await listEventsForOrganizer({ when: "upcoming", now, ...window, type: "call_listening" }, { after: breakfast.id }, 2)).toBeNull();
      expect(await listEventsForOrganizer({ when: "upcoming", now, ...window }, { before: crypto.randomUUID() }, 2)).toBeNull();
    });
  });

  it("links only reflections shared with the CX team", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { seats: 2 });
    const [shared, secret] = [await makeExecutive({ department: "Finance" }, { name: "Ella Stone" }), await makeExecutive()];
    const rows = await db
      .insert(participations)
      .values([shared, secret].map((e) => ({ eventId: event.id, executiveId: e.id, status: "attended" as const, source: "assigned" as const })))
      .returning();
    const [sharedReflection] = await db
      .insert(reflections)
      .values([
        { participationId: rows[0]!.id, authorId: shared.id, eventId: event.id, visibility: "cx_team" as const },
        { participationId: rows[1]!.id, authorId: secret.id, eventId: event.id, visibility: "private" as const },
      ])
      .returning();

    const detail = await findEventForOrganizer(event.id);
    const byId = new Map(detail!.participants.map((p) => [p.id, p]));
    expect(byId.get(rows[0]!.id)).toMatchObject({ name: "Ella Stone", department: "Finance", status: "attended", reflectionId: sharedReflection!.id });
    expect(byId.get(rows[1]!.id)?.reflectionId).toBeNull();
  });
});
