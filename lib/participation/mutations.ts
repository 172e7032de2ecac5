import "server-only";
import { and, asc, eq, gt, inArray, lte, ne, notExists, sql, type SQL } from "drizzle-orm";
import { getDb, transaction, type Transaction } from "@/db";
import { events, eventTypes, participations, reflections, seatHoldingStatuses, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors/app-error";
import { checkInVerdict, signUpIsOpen } from "@/lib/events/rules";
import { safariDetails, type NotificationDetails } from "@/lib/notifications/messages";
import { notify } from "@/lib/notifications/mutations";
import { answerVerdict, isLateWithdrawal, withdrawVerdict } from "./rules";
import { promoteFromWaitlist } from "./waitlist";

/*
 * Writes about one executive at one event. Seats and "one safari at a time" are the database's rules
 * (seat counter trigger and participations_no_overlap): these functions never count before inserting.
 */

/** What an earlier round on the same safari left on a participation row that is taken up again. */
const earlierRoundCleared = {
  withdrawnAt: null,
  withdrawnLate: false,
  respondBy: null,
  respondedAt: null,
  declineReason: null,
  expiredAt: null,
  waitlistedAt: null,
  promotedAt: null,
};

/**
 * Signs `executiveId` up for the event: a new confirmed participation, or the re-confirmation of their
 * own earlier one that no longer holds a seat. Returns the participation id.
 */
export async function signUp(eventId: string, executiveId: string, now: Date): Promise<string> {
  return transaction(async (tx) => {
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
          source: "signed_up",
          // Coming back starts afresh: no withdrawal (late or not), answer or promotion of an earlier round.
          ...earlierRoundCleared,
        },
        // An open invitation is answered (acceptInvitation), not signed up for again.
        setWhere: inArray(participations.status, ["waitlisted", "declined", "cancelled"]),
      })
      .returning({ id: participations.id });
    if (!row) throw new AppError("ALREADY_SIGNED_UP");
    return row.id;
  });
}

/** The executive gives their seat back before the event starts. Only their own participation. */
export async function withdraw(participationId: string, executiveId: string, now: Date): Promise<{ eventId: string; late: boolean; lateWindowHours: number }> {
  return transaction(async (tx) => {
    const [current] = await tx
      .select({
        status: participations.status,
        executiveId: participations.executiveId,
        eventId: participations.eventId,
        startAt: events.startAt,
        lateWindowHours: eventTypes.lateWithdrawalHours,
      })
      .from(participations)
      .innerJoin(events, eq(events.id, participations.eventId))
      .innerJoin(eventTypes, eq(eventTypes.key, events.type))
      .where(eq(participations.id, participationId))
      .for("update", { of: participations });
    // Someone else's participation looks exactly like a missing one.
    if (!current || current.executiveId !== executiveId) throw new AppError("NOT_FOUND");
    const verdict = withdrawVerdict(current, current.status, now);
    if (!verdict.ok) throw new AppError("INVALID_STATE", verdict.why);
    const late = isLateWithdrawal(current, now, current.lateWindowHours);
    await tx.update(participations).set({ status: "declined", withdrawnAt: now, withdrawnLate: late }).where(eq(participations.id, participationId));
    await promoteFromWaitlist(tx, current.eventId, now);
    return { eventId: current.eventId, late, lateWindowHours: current.lateWindowHours };
  });
}

/** The executive's own participation with its event, locked; NOT_FOUND for anyone else's. */
async function lockOwnParticipation(tx: Transaction, participationId: string, executiveId: string) {
  const [current] = await tx
    .select({
      status: participations.status,
      executiveId: participations.executiveId,
      eventId: participations.eventId,
      respondBy: participations.respondBy,
      eventStatus: events.status,
      startAt: events.startAt,
    })
    .from(participations)
    .innerJoin(events, eq(events.id, participations.eventId))
    .where(eq(participations.id, participationId))
    .for("update", { of: participations });
  if (!current || current.executiveId !== executiveId) throw new AppError("NOT_FOUND");
  return current;
}

/** The executive takes the seat their invitation holds. */
export async function acceptInvitation(participationId: string, executiveId: string, now: Date): Promise<{ eventId: string }> {
  return transaction(async (tx) => {
    const current = await lockOwnParticipation(tx, participationId, executiveId);
    const verdict = answerVerdict({ status: current.eventStatus, startAt: current.startAt }, current, now);
    if (!verdict.ok) throw new AppError("INVALID_STATE", verdict.why);
    await tx.update(participations).set({ status: "confirmed", respondedAt: now }).where(eq(participations.id, participationId));
    return { eventId: current.eventId };
  });
}

/** The executive declines their invitation, optionally saying why; the seat goes to the waitlist. */
export async function declineInvitation(participationId: string, executiveId: string, reason: string | null, now: Date): Promise<{ eventId: string }> {
  return transaction(async (tx) => {
    const current = await lockOwnParticipation(tx, participationId, executiveId);
    const verdict = answerVerdict({ status: current.eventStatus, startAt: current.startAt }, current, now);
    if (!verdict.ok) throw new AppError("INVALID_STATE", verdict.why);
    await tx
      .update(participations)
      .set({ status: "declined", respondedAt: now, declineReason: reason })
      .where(eq(participations.id, participationId));
    await promoteFromWaitlist(tx, current.eventId, now);
    return { eventId: current.eventId };
  });
}

/**
 * Puts the executive on a full safari's waitlist, last in line. When a seat is free after all (someone
 * left since the page was drawn), they get it straight away instead. Returns which of the two happened.
 */
export async function joinWaitlist(eventId: string, executiveId: string, now: Date): Promise<"waitlisted" | "confirmed"> {
  return transaction(async (tx) => {
    // Same lock order as signUp: executive, then event.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, executiveId)).for("no key update");
    const [event] = await tx
      .select({ status: events.status, startAt: events.startAt, endAt: events.endAt, seats: events.seats, seatsTaken: events.seatsTaken })
      .from(events)
      .where(eq(events.id, eventId))
      .for("update");
    if (!event || event.status === "draft") throw new AppError("NOT_FOUND");
    if (!signUpIsOpen(event, now)) throw new AppError("SIGNUP_CLOSED");
    // Waiting for a seat one could never take would only skip one's turn: refuse it now.
    const [clash] = await tx
      .select({ id: participations.id })
      .from(participations)
      .where(
        and(
          eq(participations.executiveId, executiveId),
          ne(participations.eventId, eventId),
          inArray(participations.status, seatHoldingStatuses),
          sql`${participations.during} && tstzrange(${event.startAt.toISOString()}::timestamptz, ${event.endAt.toISOString()}::timestamptz, '[)')`,
        ),
      )
      .limit(1);
    if (clash) throw new AppError("DOUBLE_BOOKED");
    const status = event.seatsTaken < event.seats ? "confirmed" : "waitlisted";
    const [row] = await tx
      .insert(participations)
      .values({ eventId, executiveId, status, source: "signed_up", waitlistedAt: status === "waitlisted" ? now : null })
      .onConflictDoUpdate({
        target: [participations.eventId, participations.executiveId],
        set: { status, source: "signed_up", ...earlierRoundCleared, waitlistedAt: status === "waitlisted" ? now : null },
        setWhere: inArray(participations.status, ["declined", "cancelled"]),
      })
      .returning({ id: participations.id });
    if (!row) throw new AppError("ALREADY_SIGNED_UP");
    return status;
  });
}

/** The executive leaves the waitlist. */
export async function leaveWaitlist(participationId: string, executiveId: string): Promise<{ eventId: string }> {
  return transaction(async (tx) => {
    const current = await lockOwnParticipation(tx, participationId, executiveId);
    if (current.status !== "waitlisted") throw new AppError("INVALID_STATE", "You are not on this safari's waitlist.");
    await tx.update(participations).set({ status: "declined" }).where(eq(participations.id, participationId));
    return { eventId: current.eventId };
  });
}

/**
 * Lets every invitation whose deadline has passed by `now` lapse, one transaction each: the seat is
 * freed and goes to the waitlist. Idempotent: a lapsed invitation is no longer open, so running it again
 * (or twice at once) changes nothing. Returns how many lapsed.
 */
export async function expireInvitations(now: Date, batch = 500): Promise<number> {
  const db = await getDb();
  const due = await db
    .select({ id: participations.id })
    .from(participations)
    .where(and(eq(participations.status, "invited"), lte(participations.respondBy, now)))
    .orderBy(asc(participations.respondBy), asc(participations.id))
    .limit(batch);
  let expired = 0;
  for (const { id } of due) {
    expired += await transaction(async (tx) => {
      const [row] = await tx
        .update(participations)
        .set({ status: "declined", expiredAt: now })
        .where(and(eq(participations.id, id), eq(participations.status, "invited"), lte(participations.respondBy, now)))
        .returning({ eventId: participations.eventId });
      if (!row) return 0;
      await promoteFromWaitlist(tx, row.eventId, now);
      return 1;
    });
  }
  return expired;
}

/**
 * Reminds executives of invitations still open whose deadline is less than `withinHours` away, once per
 * invitation (the notice's dedupe key). Returns how many reminders were new.
 */
export async function remindUnanswered(now: Date, withinHours = 48): Promise<number> {
  const until = new Date(now.getTime() + withinHours * 3_600_000);
  return remindOncePer(
    "answer_reminder",
    and(
      eq(participations.status, "invited"),
      eq(events.status, "published"),
      sql`${participations.respondBy} > ${now.toISOString()}::timestamptz`,
      lte(participations.respondBy, until),
    )!,
    (row) => ({ respondBy: row.respondBy!.toISOString() }),
  );
}

/**
 * A reminder of `kind` to the executive of every participation matching `where` (participations joined
 * with their events), at most once per participation: the dedupe key "<kind>:<participation>", or
 * "<kind>:<participation>:<round>" for a kind that reminds more than once.
 */
async function remindOncePer(
  kind: "answer_reminder" | "briefing_reminder" | "reflection_prompt",
  where: SQL,
  extraDetails: (row: { id: string; respondBy: Date | null }) => Record<string, string | number> = () => ({}),
  round?: number,
): Promise<number> {
  return transaction(async (tx) => {
    const due = await tx
      .select({
        id: participations.id,
        executiveId: participations.executiveId,
        respondBy: participations.respondBy,
        eventId: events.id,
        title: events.title,
        startAt: events.startAt,
        endAt: events.endAt,
        timeZone: events.timeZone,
      })
      .from(participations)
      .innerJoin(events, eq(events.id, participations.eventId))
      .where(where);
    return notify(
      tx,
      due.map((row) => ({
        userId: row.executiveId,
        kind,
        eventId: row.eventId,
        details: { ...safariDetails(row), ...extraDetails(row) } as NotificationDetails[typeof kind],
        dedupeKey: round === undefined ? `${kind}:${row.id}` : `${kind}:${row.id}:${round}`,
      })),
    );
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
  await transaction(async (tx) => {
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

/**
 * The day-before reminders due as of `now`: a "read your briefing" notice to every confirmed executive of
 * a published safari starting within the next `withinHours`, once per participation (its dedupe key),
 * however often the job runs. Never for a cancelled safari: only published ones are read.
 */
export async function remindBriefing(now: Date, withinHours = 24): Promise<number> {
  const until = new Date(now.getTime() + withinHours * 3_600_000);
  return remindOncePer(
    "briefing_reminder",
    and(
      eq(participations.status, "confirmed"),
      eq(events.status, "published"),
      sql`${events.startAt} > ${now.toISOString()}::timestamptz`,
      lte(events.startAt, until),
    )!,
  );
}

/** Hours after a safari's end when the first and the second prompt to reflect are due. */
export const reflectionPromptHours = [24, 48] as const;
/**
 * A safari that ended longer ago than this gets no prompt: a first deployment (or a job down for a
 * week) must not prompt the whole history of attended safaris at once.
 */
export const reflectionPromptDays = 7;

/**
 * The prompts to reflect due as of `now`: to the executive of every attended participation without a
 * reflection, on a safari that is not cancelled, the first from 24 hours after its end and the second from
 * 48 hours, each once (its dedupe key has the round). The first is due only until the second is: a run
 * after a pause sends the later one alone, not both at once.
 */
export async function promptReflections(now: Date): Promise<number> {
  const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  const windows = [
    { round: 1, from: reflectionPromptHours[0], until: reflectionPromptHours[1] },
    { round: 2, from: reflectionPromptHours[1], until: reflectionPromptDays * 24 },
  ] as const;
  let prompted = 0;
  for (const { round, from, until } of windows) {
    prompted += await remindOncePer(
      "reflection_prompt",
      and(
        eq(participations.status, "attended"),
        ne(events.status, "cancelled"),
        lte(events.endAt, ago(from)),
        gt(events.endAt, ago(until)),
        notExists(sql`(select 1 from ${reflections} where ${reflections.participationId} = ${participations.id})`),
      )!,
      (row) => ({ round, participationId: row.id }),
      round,
    );
  }
  return prompted;
}
