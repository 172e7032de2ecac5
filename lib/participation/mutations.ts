import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { events, participations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors/app-error";
import { checkInVerdict, signUpIsOpen } from "@/lib/events/rules";
import { isLateWithdrawal, withdrawVerdict } from "./rules";

/*
 * Writes about one executive at one event. Seats and "one safari at a time" are the database's rules
 * (seat counter trigger and participations_no_overlap): these functions never count before inserting.
 */

/**
 * Signs `executiveId` up for the event: a new confirmed participation, or the re-confirmation of their
 * own earlier one that no longer holds a seat. Returns the participation id.
 */
export async function signUp(eventId: string, executiveId: string, now: Date): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // One sign-up per executive at a time: two concurrent speculative inserts into overlapping events
    // would otherwise wait on each other inside the exclusion constraint until Postgres aborts one as a
    // deadlock. Queued, the second sees the first and gets a clean DOUBLE_BOOKED. (Lock order: executive, then event.)
    await tx.select({ id: users.id }).from(users).where(eq(users.id, executiveId)).for("no key update");
    // The row lock the seat trigger would take anyway, taken first so that a concurrent cancel or move
    // cannot slip between this check and the insert.
    const [event] = await tx
      .select({ status: events.status, startAt: events.startAt })
      .from(events)
      .where(eq(events.id, eventId))
      .for("update");
    if (!event || event.status === "draft") throw new AppError("NOT_FOUND");
    if (!signUpIsOpen(event, now)) throw new AppError("SIGNUP_CLOSED");

    const [row] = await tx
      .insert(participations)
      .values({ eventId, executiveId, status: "confirmed", source: "signed_up" })
      .onConflictDoUpdate({
        target: [participations.eventId, participations.executiveId],
        set: {
          status: "confirmed",
          // Accepting an invitation keeps how it came about; coming back after withdrawing is a sign-up.
          source: sql`case when ${participations.status} in ('invited', 'waitlisted') then ${participations.source} else 'signed_up'::participation_source end`,
          // Coming back undoes the withdrawal, late or not.
          withdrawnAt: null,
          withdrawnLate: false,
        },
        setWhere: inArray(participations.status, ["invited", "waitlisted", "declined", "cancelled"]),
      })
      .returning({ id: participations.id });
    if (!row) throw new AppError("ALREADY_SIGNED_UP");
    return row.id;
  });
}

/** The executive gives their seat back before the event starts. Only their own participation. */
export async function withdraw(participationId: string, executiveId: string, now: Date): Promise<{ eventId: string; late: boolean }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: participations.status, executiveId: participations.executiveId, eventId: participations.eventId, startAt: events.startAt })
      .from(participations)
      .innerJoin(events, eq(events.id, participations.eventId))
      .where(eq(participations.id, participationId))
      .for("update", { of: participations });
    // Someone else's participation looks exactly like a missing one.
    if (!current || current.executiveId !== executiveId) throw new AppError("NOT_FOUND");
    const verdict = withdrawVerdict(current, current.status, now);
    if (!verdict.ok) throw new AppError("INVALID_STATE", verdict.why);
    const late = isLateWithdrawal(current, now);
    await tx.update(participations).set({ status: "declined", withdrawnAt: now, withdrawnLate: late }).where(eq(participations.id, participationId));
    return { eventId: current.eventId, late };
  });
}

/**
 * Records for organizer `actorId` whether a confirmed executive came, while check-in is open
 * (lib/events/rules.ts). `eventId` must be the participation's event (the page it was clicked on).
 */
export async function markAttendance(
  actorId: string,
  eventId: string,
  participationId: string,
  outcome: "attended" | "no_show",
  now: Date,
): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: participations.status, eventStatus: events.status, startAt: events.startAt })
      .from(participations)
      .innerJoin(events, eq(events.id, participations.eventId))
      .where(and(eq(participations.id, participationId), eq(participations.eventId, eventId)))
      .for("update", { of: participations });
    if (!current) throw new AppError("NOT_FOUND");
    const checkIn = checkInVerdict({ status: current.eventStatus, startAt: current.startAt }, now);
    if (!checkIn.ok) throw new AppError("INVALID_STATE", checkIn.why);
    if (current.status !== "confirmed") {
      throw new AppError("INVALID_STATE", "Attendance can only be recorded for confirmed executives.");
    }
    await tx.update(participations).set({ status: outcome }).where(eq(participations.id, participationId));
    await recordAudit(tx, { actorId, action: "participation.attendance", objectType: "participation", objectId: participationId, details: { eventId, outcome } });
  });
}
