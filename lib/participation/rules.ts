import { seatHoldingStatuses, type EventStatus, type ParticipationStatus } from "@/db/enums";
import { hasStarted, signUpIsOpen, type Verdict } from "@/lib/events/rules";
import { formatInZone } from "@/lib/time/zones";

/*
 * What one executive may do about one safari, from the event's rules (lib/events/rules.ts) and their own
 * participation. Pure: pages use it to offer buttons, mutations to refuse what it refuses.
 */

type SafariState = { status: EventStatus; startAt: Date; seats: number; seatsTaken: number };

/**
 * Whether a status holds one of the event's seats and the executive's time (db/enums.ts). An open
 * invitation holds its seat until it is answered or expires.
 */
export const holdsSeat = (status: ParticipationStatus | null | undefined) =>
  (seatHoldingStatuses as readonly (ParticipationStatus | null | undefined)[]).includes(status);

export function seatOptions(event: SafariState, status: ParticipationStatus | null | undefined, now: Date) {
  const open = signUpIsOpen(event, now);
  const mine = holdsSeat(status);
  const full = !mine && event.seatsTaken >= event.seats;
  return {
    open,
    full,
    canSignUp: open && !mine && !full,
    canAnswer: open && status === "invited",
    canJoinWaitlist: open && full && status !== "waitlisted",
    canLeaveWaitlist: status === "waitlisted",
    canWithdraw: withdrawVerdict(event, status, now).ok,
  };
}

/** How long an invitation from a match run holds its seat, unless the organizer chooses otherwise. */
export const defaultRespondWithinDays = 5;
export const maxRespondWithinDays = 14;
/** An invitation must be answered at least this long before the start, so the seat can still be filled. */
export const answerHoursBeforeStart = 24;

/**
 * When an invitation made at `now` must be answered: `days` later, but never later than a day before the
 * start; null when that leaves no time at all (the safari starts too soon to invite anyone).
 */
export function invitationDeadline(event: { startAt: Date }, now: Date, days: number = defaultRespondWithinDays): Date | null {
  const latest = event.startAt.getTime() - answerHoursBeforeStart * 3_600_000;
  const deadline = Math.min(now.getTime() + days * 86_400_000, latest);
  return deadline > now.getTime() ? new Date(deadline) : null;
}

/** Whether an executive may still answer their invitation at `now`. */
export function answerVerdict(
  event: { status: EventStatus; startAt: Date },
  participation: { status: ParticipationStatus; respondBy: Date | null },
  now: Date,
): Verdict {
  if (participation.status !== "invited") return { ok: false, why: "There is no open invitation to answer." };
  if (participation.respondBy !== null && participation.respondBy <= now) {
    return { ok: false, why: "This invitation has expired: its seat went back to the pool." };
  }
  if (!signUpIsOpen(event, now)) return { ok: false, why: "This safari no longer takes answers." };
  return { ok: true };
}

/**
 * Giving a seat back within the type's window before the start (event_types.late_withdrawal_hours) is
 * late: the customer has usually prepared, and the CX team can hardly fill the seat. It is allowed, but
 * recorded and shown to organizers. Whether withdrawing at `now` is late is counted in elapsed hours
 * before the start (a clock change counts as lived).
 */
export const isLateWithdrawal = (event: { startAt: Date }, now: Date, windowHours: number) =>
  event.startAt.getTime() - now.getTime() < windowHours * 3_600_000;

/** An executive may give their seat back until the safari starts (an invitation is declined instead). */
export function withdrawVerdict(event: { startAt: Date }, status: ParticipationStatus | null | undefined, now: Date): Verdict {
  if (status !== "confirmed") return { ok: false, why: "You can only withdraw from a safari you are confirmed for." };
  if (hasStarted(event, now)) return { ok: false, why: "This safari has already started, so you can no longer withdraw." };
  return { ok: true };
}

/** A reflection opens once the safari has begun and the CX team has marked the executive attended. */
export function reflectionVerdict(
  event: { startAt: Date; timeZone: string },
  status: ParticipationStatus,
  now: Date,
): Verdict {
  if (!hasStarted(event, now)) {
    return { ok: false, why: `You can write a reflection once the safari has begun (${formatInZone(event.startAt, event.timeZone)}).` };
  }
  if (status !== "attended") return { ok: false, why: "You can reflect on a safari once the CX team has marked you as attended." };
  return { ok: true };
}
