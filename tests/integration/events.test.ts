import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, participations, reflections } from "@/db/schema";
import { toAppError } from "@/lib/errors/app-error";
import { findEventForOrganizer, listEventsForOrganizer } from "@/lib/events/data";
import { cancelEvent, completeEvent, createEvent, publishEvent, updateEvent } from "@/lib/events/mutations";
import { eventFormSchema } from "@/lib/events/schema";
import { signUp } from "@/lib/participation/mutations";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

const codeOf = (promise: Promise<unknown>) => promise.then(
  () => "ok",
  (error: unknown) => toAppError(error)?.code ?? error,
);

const form = (overrides: Record<string, string> = {}) =>
  eventFormSchema.parse({
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

describe("events: create and edit", () => {
  it("creates a draft with the instants the form named", async () => {
    const organizer = await makeUser("organizer");
    const id = await createEvent(organizer.id, form());
    const row = await eventRow(id);
    expect(row).toMatchObject({ status: "draft", seats: 3, seatsTaken: 0, timeZone: "Europe/Berlin", organizerId: organizer.id });
    expect(row.startAt.toISOString()).toBe("2030-06-03T07:00:00.000Z");
  });

  it("refuses fewer seats than confirmed executives with SEATS_BELOW_TAKEN and keeps the old count", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { seats: 3 });
    for (const executive of [await makeExecutive(), await makeExecutive()]) await signUp(event.id, executive.id, new Date());
    expect(await codeOf(updateEvent(event.id, form({ seats: "1" })))).toBe("SEATS_BELOW_TAKEN");
    expect((await eventRow(event.id)).seats).toBe(3);
    await updateEvent(event.id, form({ seats: "2" }));
    expect(await eventRow(event.id)).toMatchObject({ seats: 2, seatsTaken: 2 });
  });

  it("refuses moving an event onto another one of its executives is booked for", async () => {
    const organizer = await makeUser("organizer");
    const executive = await makeExecutive();
    const first = await createEvent(organizer.id, form());
    const second = await createEvent(organizer.id, form({ start: "2030-06-03T14:00", end: "2030-06-03T15:00" }));
    const now = new Date("2030-01-01T00:00:00Z");
    for (const id of [first, second]) {
      await publishEvent(id, now);
      await signUp(id, executive.id, now);
    }
    expect(await codeOf(updateEvent(second, form({ start: "2030-06-03T10:30", end: "2030-06-03T12:00" })))).toBe("DOUBLE_BOOKED");
    expect((await eventRow(second)).startAt.toISOString()).toBe("2030-06-03T12:00:00.000Z");
  });

  it("does not change cancelled events, and says NOT_FOUND for unknown ones", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { status: "cancelled" });
    expect(await codeOf(updateEvent(event.id, form()))).toBe("INVALID_STATE");
    expect(await codeOf(updateEvent("00000000-0000-4000-8000-000000000000", form()))).toBe("NOT_FOUND");
  });
});

describe("events: lifecycle", () => {
  it("publishes a draft once, and only before it starts", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { status: "draft" });
    expect(await codeOf(publishEvent(event.id, new Date(event.startAt.getTime() + 1)))).toBe("INVALID_STATE");
    await publishEvent(event.id, new Date());
    expect((await eventRow(event.id)).status).toBe("published");
    expect(await codeOf(publishEvent(event.id, new Date()))).toBe("INVALID_STATE");
  });

  it("cancelling frees every seat and leaves the executives free for another event at that time", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { seats: 3 });
    const [a, b, c] = [await makeExecutive(), await makeExecutive(), await makeExecutive()];
    await signUp(event.id, a.id, new Date());
    await signUp(event.id, b.id, new Date());
    await db.insert(participations).values({ eventId: event.id, executiveId: c.id, status: "declined", source: "signed_up" });

    await cancelEvent(event.id);

    expect(await eventRow(event.id)).toMatchObject({ status: "cancelled", seatsTaken: 0 });
    const rows = await db.select().from(participations).where(eq(participations.eventId, event.id));
    expect(rows.map((row) => [row.executiveId, row.status]).sort()).toEqual(
      [[a.id, "cancelled"], [b.id, "cancelled"], [c.id, "declined"]].sort(),
    );
    const sameTime = await makeEvent(organizer.id, { startAt: event.startAt, endAt: event.endAt });
    await expect(signUp(sameTime.id, a.id, new Date())).resolves.toBeTypeOf("string");
    expect(await codeOf(cancelEvent(event.id))).toBe("INVALID_STATE");
  });

  it("marks completed only a published event that has ended", async () => {
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id);
    expect(await codeOf(completeEvent(event.id, new Date(event.endAt.getTime() - 60_000)))).toBe("INVALID_STATE");
    await completeEvent(event.id, event.endAt);
    expect((await eventRow(event.id)).status).toBe("completed");

    const draft = await makeEvent(organizer.id, { status: "draft" });
    expect(await codeOf(completeEvent(draft.id, new Date(draft.endAt.getTime() + 1)))).toBe("INVALID_STATE");
  });
});

describe("events: organizer reads", () => {
  it("lists events not yet over soonest first, then past ones latest first", async () => {
    const organizer = await makeUser("organizer");
    const now = new Date("2031-05-10T12:00:00Z");
    const at = (iso: string) => ({ startAt: new Date(iso), endAt: new Date(new Date(iso).getTime() + 3_600_000) });
    const later = await makeEvent(organizer.id, { title: "Later", ...at("2031-05-20T09:00:00Z") });
    const soon = await makeEvent(organizer.id, { title: "Soon", ...at("2031-05-11T09:00:00Z") });
    const running = await makeEvent(organizer.id, { title: "Running", ...at("2031-05-10T11:30:00Z") });
    const lastWeek = await makeEvent(organizer.id, { title: "Last week", ...at("2031-05-03T09:00:00Z") });
    const lastMonth = await makeEvent(organizer.id, { title: "Last month", ...at("2031-04-10T09:00:00Z") });

    const { upcoming, past } = await listEventsForOrganizer(now);
    const ours = (list: { id: string }[], ids: string[]) => list.filter((e) => ids.includes(e.id)).map((e) => e.id);
    const all = [later.id, soon.id, running.id, lastWeek.id, lastMonth.id];
    expect(ours(upcoming, all)).toEqual([running.id, soon.id, later.id]);
    expect(ours(past, all)).toEqual([lastWeek.id, lastMonth.id]);
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
        { participationId: rows[0]!.id, authorId: shared.id, eventId: event.id, ouchMoments: ["ouch"], aahMoments: ["aah"], visibility: "cx_team" as const },
        { participationId: rows[1]!.id, authorId: secret.id, eventId: event.id, ouchMoments: ["ouch"], aahMoments: ["aah"], visibility: "private" as const },
      ])
      .returning();

    const detail = await findEventForOrganizer(event.id);
    const byId = new Map(detail!.participants.map((p) => [p.id, p]));
    expect(byId.get(rows[0]!.id)).toMatchObject({ name: "Ella Stone", department: "Finance", status: "attended", reflectionId: sharedReflection!.id });
    expect(byId.get(rows[1]!.id)?.reflectionId).toBeNull();
  });
});
