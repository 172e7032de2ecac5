import type { EventStatus, ParticipationStatus } from "@/db/enums";
import { hasStarted, signUpIsOpen, type Verdict } from "@/lib/events/rules";
import { formatInZone } from "@/lib/time/zones";

/*
 * What one executive may do about one safari, from the event's rules (lib/events/rules.ts) and their own
 * participation. Pure: pages use it to offer buttons, mutations to refuse what it refuses.
 */

type SafariState = { status: EventStatus; startAt: Date; seats: number; seatsTaken: number };

/** Statuses that hold one of the event's seats (the database's seat counter counts the same two). */
export const holdsSeat = (status: ParticipationStatus | null | undefined) => status === "confirmed" || status === "attended";

export function seatOptions(event: SafariState, status: ParticipationStatus | null | undefined, now: Date) {
  const open = signUpIsOpen(event, now);
  const mine = holdsSeat(status);
  return {
    open,
    full: !mine && event.seatsTaken >= event.seats,
    canSignUp: open && !mine && event.seatsTaken < event.seats,
    canWithdraw: withdrawVerdict(event, status, now).ok,
  };
}

/**
 * Giving a seat back this close to the start is late: the customer has usually prepared, and the CX team
 * can hardly fill the seat. It is allowed, but recorded and shown to organizers.
 */
export const lateWithdrawalHours = 24;

/** Whether withdrawing at `now` is late, in elapsed hours before the start (a clock change counts as lived). */
export const isLateWithdrawal = (event: { startAt: Date }, now: Date) =>
  event.startAt.getTime() - now.getTime() < lateWithdrawalHours * 3_600_000;

/** An executive may give their seat back until the safari starts. */
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
