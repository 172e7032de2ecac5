import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, events, eventTypes, participations } from "@/db/schema";
import { getEventType, listEventTypes } from "@/lib/event-types/data";
import { createEventType, setEventTypeArchived, updateEventType } from "@/lib/event-types/mutations";
import { findEventForOrganizer } from "@/lib/events/data";
import { toAppError } from "@/lib/errors/app-error";
import { withdraw } from "@/lib/participation/mutations";
import { builtInTypes } from "../support/event-types";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

/* Safari types as data: the catalogue a database starts with, and the limits it holds for every writer. */

describe("the catalogue of safari types", () => {
  it("starts with the built-in types and their defaults, each with guidance for the executive but the last", async () => {
    const types = await listEventTypes();
    const byKey = (list: { key: string }[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
    expect(byKey(types.map(({ guidance: _guidance, ...type }) => type))).toEqual(byKey(builtInTypes.map(({ guidance: _guidance, ...type }) => type)));
    expect(types.filter((type) => type.guidance === "").map((type) => type.key)).toEqual(["other"]);
    // By name, as lists show them.
    expect(types.map((type) => type.name)).toEqual([...types.map((type) => type.name)].sort((a, b) => a.localeCompare(b)));
  });

  it("names an event's type from the catalogue, renamed or not", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { type: "store_visit" });
    expect((await findEventForOrganizer(event.id))?.event.typeName).toBe("Store / field visit");
    await db.update(eventTypes).set({ name: "Shop floor visit" }).where(eq(eventTypes.key, "store_visit"));
    expect((await findEventForOrganizer(event.id))?.event.typeName).toBe("Shop floor visit");
  });
});

describe("the database holds a type's limits, whoever writes", () => {
  it("refuses a home visit with more than two seats, on insert and on update", async () => {
    const organizer = await makeUser("organizer");
    await expect(makeEvent(organizer.id, { type: "home_visit", seats: 3 })).rejects.toThrow();
    const visit = await makeEvent(organizer.id, { type: "home_visit", seats: 2 });
    const db = await getDb();
    await expect(db.update(events).set({ seats: 3 }).where(eq(events.id, visit.id))).rejects.toThrow();
    // Nor may another type's event become a home visit with too many seats.
    const breakfast = await makeEvent(organizer.id, { type: "customer_breakfast", seats: 6 });
    await expect(db.update(events).set({ type: "home_visit" }).where(eq(events.id, breakfast.id))).rejects.toThrow();
    const [row] = await db.select({ type: events.type, seats: events.seats }).from(events).where(eq(events.id, breakfast.id));
    expect(row).toEqual({ type: "customer_breakfast", seats: 6 });
  });

  it("refuses an event of a type that is not in the catalogue, and a type that events still have cannot go", async () => {
    const organizer = await makeUser("organizer");
    await expect(makeEvent(organizer.id, { type: "space_walk" })).rejects.toThrow();
    await makeEvent(organizer.id, { type: "other" });
    const db = await getDb();
    await expect(db.delete(eventTypes).where(eq(eventTypes.key, "other"))).rejects.toThrow();
    expect((await db.select({ key: eventTypes.key }).from(eventTypes).orderBy(asc(eventTypes.key))).map((t) => t.key)).toContain("other");
  });
});

describe("late withdrawals follow the type's window", () => {
  it("counts a withdrawal 48 hours ahead as late for a type with a 72-hour window, and on time for one with 24", async () => {
    const db = await getDb();
    await db.update(eventTypes).set({ lateWithdrawalHours: 72 }).where(eq(eventTypes.key, "service_desk_day"));
    const organizer = await makeUser("organizer");
    const now = new Date("2026-06-01T07:00:00Z");
    const inTwoDays = { startAt: new Date("2026-06-03T07:00:00Z"), endAt: new Date("2026-06-03T15:00:00Z"), status: "published" as const, seats: 2 };
    const desk = await makeEvent(organizer.id, { ...inTwoDays, type: "service_desk_day" });
    const call = await makeEvent(organizer.id, { ...inTwoDays, startAt: new Date("2026-06-03T16:00:00Z"), endAt: new Date("2026-06-03T17:00:00Z"), type: "call_listening" });
    const executive = await makeExecutive();
    const seat = async (eventId: string) => {
      const [row] = await db.insert(participations).values({ eventId, executiveId: executive.id, status: "confirmed", source: "signed_up" }).returning();
      return row!.id;
    };
    expect(await withdraw(await seat(desk.id), executive.id, now)).toMatchObject({ late: true, lateWindowHours: 72 });
    expect(await withdraw(await seat(call.id), executive.id, now)).toMatchObject({ late: false, lateWindowHours: 24 });
  });
});

describe("organizers manage the catalogue", () => {
  const input = { name: "Café visit", defaultDurationMinutes: 90, defaultSeats: 2, maxSeats: 3, lateWithdrawalHours: 48, guidance: "Order what the customer orders." };

  it("adds a type under a key made from its name, numbered when taken, and refuses a name taken in any case", async () => {
    const organizer = await makeUser("organizer");
    expect(await createEventType(organizer.id, input)).toBe("cafe_visit");
    // The database's unique index refuses it; the action wrapper shows the error this translates to.
    expect(await createEventType(organizer.id, { ...input, name: "CAFÉ VISIT" }).catch((error: unknown) => toAppError(error)?.code)).toBe("TYPE_NAME_TAKEN");
    expect(await createEventType(organizer.id, { ...input, name: "Cafe visit!" })).toBe("cafe_visit_2");
    const added = await getEventType("cafe_visit");
    expect(added).toMatchObject({ name: "Café visit", defaultDurationMinutes: 90, defaultSeats: 2, maxSeats: 3, lateWithdrawalHours: 48, archived: false });
    const db = await getDb();
    const trail = await db.select({ action: auditLog.action, objectId: auditLog.objectId }).from(auditLog).where(eq(auditLog.objectType, "event_type"));
    expect(trail).toEqual(expect.arrayContaining([{ action: "event_type.create", objectId: "cafe_visit" }, { action: "event_type.create", objectId: "cafe_visit_2" }]));
  });

  it("refuses a seat limit below a coming event's seats, and keeps events as planned when defaults change", async () => {
    const organizer = await makeUser("organizer");
    const key = await createEventType(organizer.id, { ...input, name: "Workshop", maxSeats: null });
    const now = new Date("2026-06-01T00:00:00Z");
    const coming = await makeEvent(organizer.id, { type: key, seats: 6, startAt: new Date("2026-06-10T08:00:00Z"), endAt: new Date("2026-06-10T10:00:00Z") });
    await expect(updateEventType(organizer.id, key, { ...input, name: "Workshop", maxSeats: 4 }, now)).rejects.toMatchObject({ code: "INVALID_STATE" });
    await updateEventType(organizer.id, key, { ...input, name: "Workshop", defaultSeats: 3, maxSeats: 6 }, now);
    expect(await getEventType(key)).toMatchObject({ defaultSeats: 3, maxSeats: 6 });
    const db = await getDb();
    const [row] = await db.select({ seats: events.seats }).from(events).where(eq(events.id, coming.id));
    expect(row!.seats).toBe(6);
  });

  it("archives a type, which new events no longer get offered, and offers it again", async () => {
    const organizer = await makeUser("organizer");
    const key = await createEventType(organizer.id, { ...input, name: "Night shift" });
    await setEventTypeArchived(organizer.id, key, true, new Date());
    expect((await listEventTypes()).find((type) => type.key === key)?.archived).toBe(true);
    await setEventTypeArchived(organizer.id, key, false, new Date());
    expect((await listEventTypes()).find((type) => type.key === key)?.archived).toBe(false);
    await expect(setEventTypeArchived(organizer.id, "no_such_type", true, new Date())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
