import type { ParticipationStatus } from "@/db/enums";

/**
 * The participations that may download their safari's .ics (lib/calendar/data.ts downloadableSafari):
 * a seat, an open invitation or a waitlist place, and "cancelled" for a seat the cancellation ended.
 */
export const calendarFileStatuses = ["invited", "confirmed", "attended", "waitlisted"] as const satisfies readonly ParticipationStatus[];

export const mayDownloadCalendarFile = (status: ParticipationStatus | null | undefined) =>
  status === "cancelled" || (calendarFileStatuses as readonly (ParticipationStatus | null | undefined)[]).includes(status);
