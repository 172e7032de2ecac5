import "server-only";
import { and, eq, gt, inArray, lte } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { events, participations, type EventStatus } from "@/db/schema";
import { AppError, violatedConstraint } from "@/lib/errors/app-error";
import type { EventFormInput } from "./schema";

/*
 * Writes for the CX team. Every state change is one conditional UPDATE (… WHERE status = expected), so
 * two organizers clicking at once cannot both succeed; when it matches nothing we say why.
 */

type EventFields = Omit<EventFormInput, "start" | "end">;

function columnsOf(input: EventFields) {
  const { type, title, briefing, location, startAt, endAt, timeZone, seats } = input;
  return { type, title, briefing, location, startAt, endAt, timeZone, seats };
}

/** Creates a draft event and returns its id. */
export async function createEvent(organizerId: string, input: EventFields): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(events)
    .values({ ...columnsOf(input), organizerId, status: "draft" })
    .returning({ id: events.id });
  return row!.id;
}

/**
 * Changes an event's details. Moving it makes the database re-check its executives' other bookings
 * (DOUBLE_BOOKED); fewer seats than confirmed executives is refused by the seat check.
 */
export async function updateEvent(eventId: string, input: EventFields): Promise<void> {
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .update(events)
        .set(columnsOf(input))
        .where(and(eq(events.id, eventId), inArray(events.status, ["draft", "published"])))
        .returning({ id: events.id });
      if (!row) await explainMiss(tx, eventId, "Only draft and published events can be changed.");
    });
  } catch (error) {
    // The same check guards overfilling on sign-up; here it means the organizer asked for too few seats.
    if (violatedConstraint(error) === "events_seats_taken_within_seats") throw new AppError("SEATS_BELOW_TAKEN");
    throw error;
  }
}

export async function publishEvent(eventId: string, now: Date): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(events)
      .set({ status: "published" })
      .where(and(eq(events.id, eventId), eq(events.status, "draft"), gt(events.startAt, now)))
      .returning({ id: events.id });
    if (!row) await explainMiss(tx, eventId, "Only a draft event that has not started yet can be published.");
  });
}

/** Cancels the event and, in the same transaction, every open participation: their seats and times are free again. */
export async function cancelEvent(eventId: string, reason = "Cancelled by the CX team."): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(events)
      .set({ status: "cancelled", cancelledAt: new Date(), cancellationReason: reason })
      .where(and(eq(events.id, eventId), inArray(events.status, ["draft", "published"])))
      .returning({ id: events.id });
    if (!row) await explainMiss(tx, eventId, "Only draft and published events can be cancelled.");
    await tx
      .update(participations)
      .set({ status: "cancelled" })
      .where(and(eq(participations.eventId, eventId), inArray(participations.status, ["invited", "confirmed", "waitlisted"])));
  });
}

export async function completeEvent(eventId: string, now: Date): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(events)
      .set({ status: "completed" })
      .where(and(eq(events.id, eventId), eq(events.status, "published"), lte(events.endAt, now)))
      .returning({ id: events.id });
    if (!row) await explainMiss(tx, eventId, "Only a published event that has ended can be marked completed.");
  });
}

/** After a conditional update matched nothing: NOT_FOUND for an unknown event, else INVALID_STATE with why. */
async function explainMiss(tx: Transaction, eventId: string, why: string): Promise<never> {
  const [row] = await tx.select({ status: events.status }).from(events).where(eq(events.id, eventId));
  if (!row) throw new AppError("NOT_FOUND");
  throw new AppError("INVALID_STATE", `${why} This event is ${statusWords[row.status]}.`);
}

const statusWords: Record<EventStatus, string> = {
  draft: "a draft",
  published: "published",
  completed: "completed",
  cancelled: "cancelled",
};
