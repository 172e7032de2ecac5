import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb, transaction, type Transaction } from "@/db";
import { events, participations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError, violatedConstraint } from "@/lib/errors/app-error";
import { consentProblems, refuseConsentProblems } from "@/lib/hosts/mutations";
import { safariDetails } from "@/lib/notifications/messages";
import { notify } from "@/lib/notifications/mutations";
import { promoteFromWaitlist } from "@/lib/participation/waitlist";
import { formatRangeInZone } from "@/lib/time/zones";
import { findBookingClashes } from "./data";
import { cancelVerdict, completeVerdict, moveVerdict, publishVerdict, type EventLimits, type Verdict } from "./rules";
import type { EventFormInput } from "./schema";

/*
 * Writes for the CX team. Each one locks the event's row, asks lib/events/rules.ts whether the step is
 * possible now, and writes the change and its audit line in the same transaction: two organizers clicking
 * at once queue on the lock, and the second is told why its step no longer fits.
 */

type Logistics = "videoUrl" | "meetingContact" | "frontlineName" | "frontlineRole";
/** The form's fields as instants; the logistics are optional (left as they are when omitted). */
type EventFields = Omit<EventFormInput, "start" | "end" | Logistics> & Partial<Pick<EventFormInput, Logistics>>;

function columnsOf(input: EventFields) {
  const { type, title, briefing, location, startAt, endAt, timeZone, seats, videoUrl, meetingContact, frontlineName, frontlineRole } = input;
  return { type, title, briefing, location, startAt, endAt, timeZone, seats, videoUrl, meetingContact, frontlineName, frontlineRole };
}

/** The event's row, locked for the rest of the transaction; NOT_FOUND when there is none. */
async function lockEvent(tx: Transaction, eventId: string) {
  const [row] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

function refuseUnless(verdict: Verdict): void {
  if (!verdict.ok) throw new AppError("INVALID_STATE", verdict.why);
}

/** Creates a draft event for `organizerId` and returns its id. */
export async function createEvent(organizerId: string, input: EventFields): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(events)
      .values({ ...columnsOf(input), organizerId, status: "draft" })
      .returning({ id: events.id });
    const { title, startAt, endAt, timeZone, seats } = input;
    await recordAudit(tx, { actorId: organizerId, action: "event.create", objectType: "event", objectId: row!.id, details: { title, startAt, endAt, timeZone, seats } });
    return row!.id;
  });
}

/**
 * Changes an event's details for `actorId`. Moving it makes the database re-check its executives' other
 * bookings: a clash is refused with the executive and the other safari named. Fewer seats than
 * confirmed executives is refused by the seat check.
 */
export async function updateEvent(eventId: string, actorId: string, input: EventFields, now: Date): Promise<void> {
  try {
    await transaction(async (tx) => {
      const before = await lockEvent(tx, eventId);
      refuseUnless(moveVerdict(before, input.startAt, now));
      await refuseUncoveredChange(tx, before, input, now);
      await tx.update(events).set(columnsOf(input)).where(eq(events.id, eventId));
      const changed = changes(before, input);
      if (Object.keys(changed).length > 0) {
        await recordAudit(tx, { actorId, action: "event.edit", objectType: "event", objectId: eventId, details: changed });
      }
      if (before.status === "draft") return;
      if (changed.startAt || changed.endAt) {
        const told = await peopleOn(tx, eventId, ["invited", "confirmed", "waitlisted"]);
        const details = { ...safariDetails(input), previousStartAt: before.startAt.toISOString(), previousEndAt: before.endAt.toISOString() };
        await notify(tx, told.map((userId) => ({ userId, kind: "time_change" as const, eventId, details })));
      }
      // More seats: the waitlist moves up at once.
      if (input.seats > before.seats) await promoteFromWaitlist(tx, eventId, now);
    });
  } catch (error) {
    const constraint = violatedConstraint(error);
    // The same check guards overfilling on sign-up; here it means the organizer asked for too few seats.
    if (constraint === "events_seats_taken_within_seats") throw new AppError("SEATS_BELOW_TAKEN");
    if (constraint === "participations_no_overlap") throw new AppError("DOUBLE_BOOKED", await explainClash(eventId, input.startAt, input.endAt));
    throw error;
  }
}

/**
 * A published safari keeps consent for every host: a new time or type must be covered too, or the edit is
 * refused with the host named beside the field that changed.
 */
async function refuseUncoveredChange(tx: Transaction, before: typeof events.$inferSelect, after: EventFields, now: Date): Promise<void> {
  if (before.status !== "published") return;
  const typeChanged = before.type !== after.type;
  if (!typeChanged && before.startAt.getTime() === after.startAt.getTime() && before.endAt.getTime() === after.endAt.getTime()) return;
  refuseConsentProblems(await consentProblems(tx, before.id, after, now), typeChanged ? "type" : "start");
}

/** The times and seats an edit changed, as { field: { from, to } } for the audit trail. */
function changes(before: typeof events.$inferSelect, after: EventFields) {
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  if (before.startAt.getTime() !== after.startAt.getTime()) changed.startAt = { from: before.startAt, to: after.startAt };
  if (before.endAt.getTime() !== after.endAt.getTime()) changed.endAt = { from: before.endAt, to: after.endAt };
  if (before.timeZone !== after.timeZone) changed.timeZone = { from: before.timeZone, to: after.timeZone };
  if (before.seats !== after.seats) changed.seats = { from: before.seats, to: after.seats };
  return changed;
}

/**
 * Tells the organizer who stands in the way of a move. Read after the refused transaction has rolled
 * back: the database decided, this only explains.
 */
async function explainClash(eventId: string, startAt: Date, endAt: Date): Promise<string> {
  const clashes = await findBookingClashes(eventId, startAt, endAt);
  const first = clashes[0];
  if (!first) return "One of this safari's executives is already on another safari at that time. Nothing was changed: choose another time.";
  const others = new Set(clashes.map((clash) => clash.executiveName)).size - 1;
  const more = others === 0 ? "" : others === 1 ? " So is 1 more of its executives." : ` So are ${others} more of its executives.`;
  return (
    `${first.executiveName} is already on “${first.title}” (${formatRangeInZone(first.startAt, first.endAt, first.timeZone)}) at that time.` +
    `${more} Nothing was changed: choose another time.`
  );
}

/** The executives on an event with one of `statuses`. */
async function peopleOn(tx: Transaction, eventId: string, statuses: ("invited" | "confirmed" | "waitlisted")[]) {
  const rows = await tx
    .select({ executiveId: participations.executiveId })
    .from(participations)
    .where(and(eq(participations.eventId, eventId), inArray(participations.status, statuses)));
  return rows.map((row) => row.executiveId);
}

/** Publishes a draft, re-checking the time limits it may have been created under before they applied. */
export async function publishEvent(eventId: string, actorId: string, now: Date, limits: EventLimits): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    refuseUnless(publishVerdict(event, now, limits));
    // Every customer host needs a consent covering this safari; their consents stay locked until it is published.
    refuseConsentProblems(await consentProblems(tx, eventId, event, now), "hosts");
    await tx.update(events).set({ status: "published" }).where(eq(events.id, eventId));
    await recordAudit(tx, { actorId, action: "event.publish", objectType: "event", objectId: eventId });
  });
}

/**
 * Cancels the event with the reason its executives are shown, and in the same transaction every
 * participation still on it (an early check-in included: nothing happened): their seats and times are free again.
 */
export async function cancelEvent(eventId: string, actorId: string, reason: string, now: Date): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    refuseUnless(cancelVerdict(event, now));
    await tx.update(events).set({ status: "cancelled", cancelledAt: now, cancellationReason: reason }).where(eq(events.id, eventId));
    const released = await tx
      .update(participations)
      .set({ status: "cancelled" })
      .where(and(eq(participations.eventId, eventId), inArray(participations.status, ["invited", "confirmed", "waitlisted", "attended", "no_show"])))
      .returning({ id: participations.id, executiveId: participations.executiveId });
    const details = { ...safariDetails(event), reason };
    await notify(tx, released.map(({ executiveId }) => ({ userId: executiveId, kind: "cancellation" as const, eventId, details })));
    await recordAudit(tx, { actorId, action: "event.cancel", objectType: "event", objectId: eventId, details: { reason, participationsCancelled: released.length } });
  });
}

export async function completeEvent(eventId: string, actorId: string, now: Date): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    refuseUnless(completeVerdict(event, now));
    await tx.update(events).set({ status: "completed" }).where(eq(events.id, eventId));
    await recordAudit(tx, { actorId, action: "event.complete", objectType: "event", objectId: eventId });
  });
}
