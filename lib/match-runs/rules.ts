import type { EventStatus, ParticipationStatus } from "@/db/enums";
import { AppError } from "@/lib/errors/app-error";
import type { FieldErrors } from "@/lib/forms";
import type { RuleViolation } from "@/lib/matching/rules";
import { invitationDeadline } from "@/lib/participation/rules";

/*
 * What an organizer may do with a run's proposals, and how a refusal reads. Pure: no database, no clock.
 */

/** A refusal the form shows beside its fields (the action wrapper keeps the field errors). */
export class FieldRefusal extends AppError {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "This cannot be done: see the fields.",
  ) {
    super("VALIDATION", message);
  }
}

/** A hard rule an executive added by hand would break, in plain words. */
export function ruleRefusal(rule: RuleViolation["rule"], name: string, monthlyCap: number | null): string {
  switch (rule) {
    case "blackout":
      return `Blackout: ${name} is unavailable then.`;
    case "seats":
      return "Seats: no seat left on this safari.";
    case "already_booked":
      return `Already booked at that time: ${name} has another safari then.`;
    case "overlap":
      return `Already booked at that time: ${name} is proposed for another safari then.`;
    case "monthly_cap":
    case "monthly_cap_with_proposals":
      return `Monthly cap: ${name} would have more than ${monthlyCap ?? "their"} safaris that month.`;
    case "language":
      return `Language: ${name} does not speak the customer's language.`;
    case "already_on_event":
      return `Already on it: ${name} already has a seat on this safari.`;
    case "duplicate":
      return `${name} is already proposed for this safari.`;
    case "excluded":
      return `Declined: ${name} declined this safari earlier.`;
    case "not_proposable":
      return "Not in this run: the safari starts before now or outside the run's period.";
    case "unknown_id":
      return `No profile: ${name} has no executive profile yet, so there is no target to match against.`;
  }
}

export type PublishCandidate = {
  executiveId: string;
  eventId: string;
  /** The executive's own participation on the event, if any. */
  existing: ParticipationStatus | null;
};

export type PublishEvent = { status: EventStatus; startAt: Date; endAt: Date; seats: number; seatsTaken: number };

/**
 * For each proposal in order: its invitation deadline, or why it went stale. Seats are handed out in order
 * (hand-added proposals first, as the caller orders them), and an executive's other seats, and the
 * proposals accepted before, block their time. The database constraints still have the last word.
 */
export function planInvitations(
  candidates: PublishCandidate[],
  eventsById: Map<string, PublishEvent>,
  bookings: Map<string, { start: Date; end: Date }[]>,
  now: Date,
  respondWithinDays: number,
): ({ invite: true; respondBy: Date } | { invite: false; note: string })[] {
  const free = new Map([...eventsById].map(([id, event]) => [id, event.seats - event.seatsTaken]));
  const taken = new Map<string, { start: Date; end: Date }[]>();
  return candidates.map(({ executiveId, eventId, existing }) => {
    const event = eventsById.get(eventId);
    if (!event || event.status === "cancelled") return { invite: false, note: "The safari has been cancelled." };
    if (event.status !== "published") return { invite: false, note: "The safari is no longer open." };
    const respondBy = invitationDeadline(event, now, respondWithinDays);
    if (!respondBy) return { invite: false, note: "The safari starts within 24 hours: too late to invite." };
    if (existing === "declined") return { invite: false, note: "The executive declined this safari earlier." };
    if (existing && existing !== "waitlisted") return { invite: false, note: `The executive is already on this safari (${existing.replace("_", " ")}).` };
    const mine = [...(bookings.get(executiveId) ?? []), ...(taken.get(executiveId) ?? [])];
    if (mine.some((b) => b.start < event.endAt && event.startAt < b.end)) {
      return { invite: false, note: "The executive has signed up for another safari at that time." };
    }
    if ((free.get(eventId) ?? 0) <= 0) return { invite: false, note: "The safari has no seat left." };
    free.set(eventId, free.get(eventId)! - 1);
    taken.set(executiveId, [...(taken.get(executiveId) ?? []), { start: event.startAt, end: event.endAt }]);
    return { invite: true, respondBy };
  });
}

/** Why the database refused an invitation, when a change slipped in after the checks above. */
export const constraintNotes: Record<string, string> = {
  events_seats_taken_within_seats: "The safari has no seat left.",
  participations_no_overlap: "The executive has signed up for another safari at that time.",
  participations_event_executive_key: "The executive is already on this safari.",
};
