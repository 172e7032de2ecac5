import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { events, participations } from "@/db/schema";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

/* An event's calendar SEQUENCE rises with every change a calendar shows, and with nothing else. */

async function sequenceOf(eventId: string) {
  const db = await getDb();
  const [row] = await db.select({ sequence: events.calendarSequence }).from(events).where(eq(events.id, eventId));
  return row!.sequence;
}

describe("the calendar sequence of an event", () => {
  it("rises on a new time, zone, place, title or status, and not on seats or sign-ups", async () => {
    const db = await getDb();
    const organizer = await makeUser("organizer");
    const event = await makeEvent(organizer.id, { seats: 3 });
    expect(await sequenceOf(event.id)).toBe(0);

    await db.update(events).set({ seats: 4 }).where(eq(events.id, event.id));
    await db.insert(participations).values({ eventId: event.id, executiveId: (await makeExecutive()).id, status: "confirmed", source: "signed_up" });
    expect(await sequenceOf(event.id)).toBe(0);

    const later = (ms: number) => new Date(event.startAt.getTime() + ms);
    await db.update(events).set({ startAt: later(3_600_000), endAt: later(3 * 3_600_000) }).where(eq(events.id, event.id));
    expect(await sequenceOf(event.id)).toBe(1);
    await db.update(events).set({ location: "Berlin-Mitte, Rosenthaler Str. 40" }).where(eq(events.id, event.id));
    await db.update(events).set({ title: "Breakfast with young families, moved" }).where(eq(events.id, event.id));
    await db.update(events).set({ timeZone: "Europe/Athens" }).where(eq(events.id, event.id));
    expect(await sequenceOf(event.id)).toBe(4);
    // Writing the same values again changes nothing a calendar shows.
    await db.update(events).set({ title: "Breakfast with young families, moved" }).where(eq(events.id, event.id));
    expect(await sequenceOf(event.id)).toBe(4);
    await db.update(events).set({ status: "cancelled", cancelledAt: new Date(), cancellationReason: "The host fell ill." }).where(eq(events.id, event.id));
    expect(await sequenceOf(event.id)).toBe(5);
    // Nobody sets it by hand: a write of the column itself is undone, or counted from the old value.
    await db.update(events).set({ calendarSequence: 0 }).where(eq(events.id, event.id));
    expect(await sequenceOf(event.id)).toBe(5);
    await db.update(events).set({ calendarSequence: 0, title: "Renamed" }).where(eq(events.id, event.id));
    expect(await sequenceOf(event.id)).toBe(6);
  });
});
