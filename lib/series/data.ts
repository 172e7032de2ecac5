import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, eventSeries } from "@/db/schema";
import { eventTypeName } from "@/lib/event-types/data";

/** A series with its events in date order (at most 52), or undefined. `seriesId` must be a UUID. */
export async function findSeries(seriesId: string) {
  const db = await getDb();
  const [series] = await db.select().from(eventSeries).where(eq(eventSeries.id, seriesId));
  if (!series) return undefined;
  const occurrences = await db
    .select({
      id: events.id,
      index: events.seriesIndex,
      title: events.title,
      typeName: eventTypeName,
      startAt: events.startAt,
      endAt: events.endAt,
      timeZone: events.timeZone,
      status: events.status,
      seats: events.seats,
      seatsTaken: events.seatsTaken,
    })
    .from(events)
    .where(eq(events.seriesId, seriesId))
    .orderBy(asc(events.seriesIndex), asc(events.startAt));
  return { series, occurrences };
}

/** Which series an event belongs to, and its place there, for the event's page. */
export async function seriesOfEvent(eventId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ seriesId: events.seriesId, index: events.seriesIndex, count: eventSeries.count })
    .from(events)
    .innerJoin(eventSeries, eq(eventSeries.id, events.seriesId))
    .where(eq(events.id, eventId));
  return row;
}
