import type { NotificationKind, UserRole } from "@/db/enums";
import { safariCalendar, type CalendarMethod, type CalendarSafari } from "@/lib/calendar/ics";
import { notificationText, type NotificationDetails } from "@/lib/notifications/messages";
import { formatRangeInZone } from "@/lib/time/zones";

/*
 * What each notice says by e-mail: a subject and a plain-text body (the inbox's sentence, the safari's
 * time in the reader's zone and in the safari's own, a link into the app), and for the notices that change
 * a calendar the calendar itself (RFC 5546): an invitation, a promotion or a new time REQUESTs the event
 * with its current SEQUENCE, so a client replaces its older copy; a cancellation CANCELs it. Pure: the
 * caller reads the notice, the recipient and the safari, and passes the stamp.
 */

export type MailRecipient = { name: string; email: string; timeZone: string };

export type RenderedMail = {
  to: MailRecipient;
  subject: string;
  text: string;
  calendar: { method: Extract<CalendarMethod, "REQUEST" | "CANCEL">; content: string } | null;
};

/** The notices whose mail carries the safari's calendar, and with which method. */
export const calendarMethods: Partial<Record<NotificationKind, "REQUEST" | "CANCEL">> = {
  invitation: "REQUEST",
  promotion: "REQUEST",
  time_change: "REQUEST",
  cancellation: "CANCEL",
};

/** The mails each role can get, and so may turn off (the others never reach them). */
export const mailKindsByRole: Record<UserRole, readonly NotificationKind[]> = {
  executive: ["invitation", "answer_reminder", "promotion", "time_change", "cancellation", "briefing_reminder", "reflection_prompt", "commitment_followup"],
  organizer: ["consent_withdrawn"],
  reviewer: [],
  admin: [],
};

/** How each kind is named where people choose which mails they get. */
export const mailKindLabels: Record<NotificationKind, string> = {
  invitation: "Invitations to a safari (with a calendar invitation)",
  answer_reminder: "Reminders to answer an invitation",
  promotion: "A seat came free for you on the waitlist (with a calendar invitation)",
  time_change: "A safari moved to a new time (with the updated calendar entry)",
  cancellation: "A safari was cancelled (removes it from your calendar)",
  briefing_reminder: "The day before: read your briefing",
  consent_withdrawn: "A customer host withdrew their consent for one of your safaris",
  reflection_prompt: "After a safari: a prompt to write your reflection",
  commitment_followup: "30 and 90 days on: how your commitments are going",
};

type Safari = { title: string; startAt: string; endAt: string; timeZone: string };

const subjects: Record<NotificationKind, (title: string) => string> = {
  invitation: (title) => `Invitation: ${title}`,
  answer_reminder: (title) => `Please answer: ${title}`,
  promotion: (title) => `You are confirmed: ${title}`,
  time_change: (title) => `New time: ${title}`,
  cancellation: (title) => `Cancelled: ${title}`,
  briefing_reminder: (title) => `Tomorrow: ${title}`,
  consent_withdrawn: (title) => `Consent withdrawn: ${title}`,
  reflection_prompt: (title) => `What did you feel? Reflect on ${title}`,
  commitment_followup: (title) => `How is your commitment going? (${title})`,
};

/**
 * Where the mail sends its reader: the page to answer on, the briefing, the organizer's event, the form
 * to write a reflection, or the reflection a commitment belongs to.
 */
export function mailLink(kind: NotificationKind, eventId: string, appUrl: string, details: Record<string, unknown> = {}): string {
  switch (kind) {
    case "time_change":
    case "briefing_reminder":
      return `${appUrl}/safaris/${eventId}/briefing`;
    case "consent_withdrawn":
      return `${appUrl}/organize/events/${eventId}`;
    case "reflection_prompt":
      return `${appUrl}/reflections/new?participation=${encodeURIComponent((details as NotificationDetails["reflection_prompt"]).participationId)}`;
    case "commitment_followup":
      return `${appUrl}/reflections/${encodeURIComponent((details as NotificationDetails["commitment_followup"]).reflectionId)}`;
    default:
      return `${appUrl}/safaris/${eventId}`;
  }
}

/**
 * What a mail says: the notice's own text, except that a commitment's follow-up leaves out what was
 * committed. Every mail is kept in the outbox that admins read (/admin/mail/[id]), and a commitment is a
 * reflection's text, which only its author (and the CX team when shared) may read; the inbox has it in full.
 */
function mailText(kind: NotificationKind, details: Record<string, unknown>): string {
  if (kind !== "commitment_followup") return notificationText(kind, details);
  const d = details as NotificationDetails["commitment_followup"];
  return `${d.days} days ago you made a commitment after “${d.title}” (due ${d.dueOn}). How is it going? Note your progress on it in Customer Safari.`;
}

/** A subject is one header line: no line breaks, whatever a title holds. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ").trim();

export function renderMail(input: {
  kind: NotificationKind;
  details: Record<string, unknown>;
  eventId: string;
  recipient: MailRecipient;
  /** The safari as it is now, for the calendar; needed for the kinds in calendarMethods. */
  safari?: CalendarSafari;
  appUrl: string;
  stamp: Date;
}): RenderedMail {
  const { kind, details, eventId, recipient, appUrl } = input;
  const safari = details as Safari;
  const start = new Date(safari.startAt);
  const end = new Date(safari.endAt);
  const when = [`When: ${formatRangeInZone(start, end, recipient.timeZone)}`];
  if (recipient.timeZone !== safari.timeZone) when.push(`      ${formatRangeInZone(start, end, safari.timeZone)} where it takes place`);
  const method = calendarMethods[kind];
  const text = [
    `Hello ${recipient.name},`,
    mailText(kind, details),
    when.join("\n"),
    `Open it in Customer Safari: ${mailLink(kind, eventId, appUrl, details)}`,
    method === "CANCEL"
      ? "The attached calendar file removes the safari from your calendar."
      : method
        ? "The attached calendar file adds the safari to your calendar, or updates the copy you have."
        : null,
    `You get this mail because of your Customer Safari account. Choose which mails you get: ${appUrl}/account`,
  ]
    .filter(Boolean)
    .join("\n\n");
  return {
    to: recipient,
    subject: oneLine(subjects[kind](safari.title)),
    text: `${text}\n`,
    calendar: method ? { method, content: calendarFor(method, input.safari, recipient, input.stamp, eventId) } : null,
  };
}

function calendarFor(method: "REQUEST" | "CANCEL", safari: CalendarSafari | undefined, recipient: MailRecipient, stamp: Date, eventId: string) {
  if (!safari) throw new Error(`the calendar of safari ${eventId} is needed for a ${method} mail`);
  return safariCalendar({ ...safari, attendees: [{ name: recipient.name, email: recipient.email }] }, { method, stamp });
}
