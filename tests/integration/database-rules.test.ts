import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, participations } from "@/db/schema";
import { toAppError } from "@/lib/errors/app-error";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

// The rules the database itself holds (migration 0001), checked without any app code in between.
describe("database rules", () => {
  it("counts confirmed seats and refuses to overfill an event", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { seats: 1 });
    const [a, b] = [await makeExecutive(), await makeExecutive()];

    await db.insert(participations).values({ eventId: event.id, executiveId: a.id, status: "confirmed", source: "signed_up" });
    const error = await db
      .insert(participations)
      .values({ eventId: event.id, executiveId: b.id, status: "confirmed", source: "signed_up" })
      .catch((e: unknown) => e);
    expect(toAppError(error)?.code).toBe("EVENT_FULL");

    const [row] = await db.select().from(events).where(eq(events.id, event.id));
    expect(row?.seatsTaken).toBe(1);
  });

  it("frees the seat when a participation stops counting", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { seats: 1 });
    const a = await makeExecutive();
    const [p] = await db.insert(participations).values({ eventId: event.id, executiveId: a.id, status: "confirmed", source: "signed_up" }).returning();
    await db.update(participations).set({ status: "declined" }).where(eq(participations.id, p!.id));
    const [row] = await db.select().from(events).where(eq(events.id, event.id));
    expect(row?.seatsTaken).toBe(0);
  });

  it("forbids one executive in two overlapping confirmed events, but allows back-to-back ones", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const start = new Date("2030-03-05T09:00:00Z");
    const first = await makeEvent(organizer.id, { startAt: start, endAt: new Date("2030-03-05T11:00:00Z") });
    const overlapping = await makeEvent(organizer.id, { startAt: new Date("2030-03-05T10:30:00Z"), endAt: new Date("2030-03-05T12:00:00Z") });
    const adjacent = await makeEvent(organizer.id, { startAt: new Date("2030-03-05T11:00:00Z"), endAt: new Date("2030-03-05T12:00:00Z") });
    const executive = await makeExecutive();

    await db.insert(participations).values({ eventId: first.id, executiveId: executive.id, status: "confirmed", source: "signed_up" });
    const error = await db
      .insert(participations)
      .values({ eventId: overlapping.id, executiveId: executive.id, status: "confirmed", source: "signed_up" })
      .catch((e: unknown) => e);
    expect(toAppError(error)?.code).toBe("DOUBLE_BOOKED");
    await expect(
      db.insert(participations).values({ eventId: adjacent.id, executiveId: executive.id, status: "confirmed", source: "signed_up" }),
    ).resolves.toBeDefined();
  });

  it("moves participations with their event, and refuses a move that would double-book", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const morning = await makeEvent(organizer.id, { startAt: new Date("2030-04-01T08:00:00Z"), endAt: new Date("2030-04-01T09:00:00Z") });
    const noon = await makeEvent(organizer.id, { startAt: new Date("2030-04-01T12:00:00Z"), endAt: new Date("2030-04-01T13:00:00Z") });
    const executive = await makeExecutive();
    await db.insert(participations).values([
      { eventId: morning.id, executiveId: executive.id, status: "confirmed", source: "signed_up" },
      { eventId: noon.id, executiveId: executive.id, status: "confirmed", source: "signed_up" },
    ]);
    const error = await db
      .update(events)
      .set({ startAt: new Date("2030-04-01T12:30:00Z"), endAt: new Date("2030-04-01T13:30:00Z") })
      .where(eq(events.id, morning.id))
      .catch((e: unknown) => e);
    expect(toAppError(error)?.code).toBe("DOUBLE_BOOKED");
  });
});
