import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from "ical-generator";
import type { EventStatus } from "@/db/enums";
import { isValidTimeZone } from "@/lib/time/zones";

/*
 * iCalendar (RFC 5545) text for safaris: one event to download or attach to a mail (RFC 5546 methods), or
 * a subscription feed. Pure (no database, no clock): callers pass plain objects and the DTSTAMP instant.
 *
 * Times are written in UTC (…Z). A TZID needs a VTIMEZONE beside it, which ical-generator only writes from
 * extra zone data; UTC names the same instant everywhere, and X-WR-TIMEZONE tells clients which zone to
 * show it in. ical-generator's own calendar timezone() must not be used with Date values: it then writes
 * the process's wall-clock time as if it were that zone's.
 */

export type CalendarMethod = "PUBLISH" | "REQUEST" | "CANCEL";

export type CalendarPerson = { name: string; email: string };

export type CalendarSafari = {
  id: string;
  title: string;
  /** The briefing, as plain text. */
  description: string;
  location: string;
  startAt: Date;
  endAt: Date;
  /** The IANA zone the safari is planned in. */
  timeZone: string;
  status: EventStatus;
  /** Raised by the caller with every change of time, place or status, so clients replace older copies. */
  sequence: number;
  url?: string;
  organizer?: CalendarPerson;
  attendees?: CalendarPerson[];
};

export type CalendarInputErrorCode =
  | "CANCELLED_NOT_INVITABLE"
  | "NOT_CANCELLED"
  | "ORGANIZER_REQUIRED"
  | "INVALID_TIME"
  | "INVALID_TIME_ZONE"
  | "INVALID_SEQUENCE"
  | "INVALID_PRODUCT_ID"
  | "DUPLICATE_ID";

/** A caller's mistake: the calendar would be wrong or misleading, so none is produced. */
export class CalendarInputError extends Error {
  override name = "CalendarInputError";
  constructor(
    readonly code: CalendarInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const defaultProductId = "//Customer Safari//Customer Safari//EN";
// ical-generator writes the product id as it is; this keeps it one line of the form RFC 5545 suggests.
const productIdPattern = /^\/\/[^/\r\n]+\/\/[^/\r\n]+\/\/[A-Z]{2}$/;

const validInstant = (date: Date) => date instanceof Date && !Number.isNaN(date.getTime());

const eventStatus: Record<EventStatus, ICalEventStatus> = {
  draft: ICalEventStatus.TENTATIVE,
  published: ICalEventStatus.CONFIRMED,
  completed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

/** The safari's UID: the same for every copy, so a client updates or removes the event it already has. */
export function safariUid(id: string): string {
  return `${id}@customer-safari`;
}

/**
 * One safari as an .ics file. PUBLISH (the default) is a download, in any status (a cancelled safari with
 * STATUS:CANCELLED); REQUEST invites to or updates it; CANCEL withdraws it once it is cancelled.
 */
export function safariCalendar(
  safari: CalendarSafari,
  options: { method?: CalendarMethod; productId?: string; stamp: Date },
): string {
  const method = options.method ?? "PUBLISH";
  if (method === "REQUEST" && safari.status === "cancelled") {
    throw new CalendarInputError("CANCELLED_NOT_INVITABLE", `safari ${safari.id} is cancelled: send CANCEL, not an invitation`);
  }
  if (method === "CANCEL" && safari.status !== "cancelled") {
    throw new CalendarInputError("NOT_CANCELLED", `safari ${safari.id} is ${safari.status}: only a cancelled safari is withdrawn`);
  }
  // iTIP (RFC 5546): invitations and cancellations come from an organizer, or clients show no answer buttons.
  if (method !== "PUBLISH" && !safari.organizer) {
    throw new CalendarInputError("ORGANIZER_REQUIRED", `safari ${safari.id}: ${method} needs an organizer`);
  }
  const calendar = newCalendar(method, options.stamp, options.productId);
  addSafari(calendar, safari, method, options.stamp);
  return finish(calendar, safari.timeZone);
}

/** A subscription feed (METHOD:PUBLISH) of many safaris; cancelled ones stay in it as STATUS:CANCELLED. */
export function feedCalendar(safaris: readonly CalendarSafari[], options: { name: string; productId?: string; stamp: Date }): string {
  const ids = new Set<string>();
  for (const safari of safaris) {
    if (ids.has(safari.id)) throw new CalendarInputError("DUPLICATE_ID", `safari ${safari.id} appears twice`);
    ids.add(safari.id);
  }
  // ical-generator writes the name without escaping it as TEXT, so it is escaped here.
  const calendar = newCalendar("PUBLISH", options.stamp, options.productId).name(escapeText(options.name));
  for (const safari of safaris) addSafari(calendar, safari, "PUBLISH", options.stamp);
  const zones = new Set(safaris.map((safari) => safari.timeZone));
  return finish(calendar, zones.size === 1 ? [...zones][0] : undefined);
}

function newCalendar(method: CalendarMethod, stamp: Date, productId = defaultProductId): ICalCalendar {
  if (!productIdPattern.test(productId)) {
    throw new CalendarInputError("INVALID_PRODUCT_ID", `product id must look like ${defaultProductId}`);
  }
  if (!validInstant(stamp)) throw new CalendarInputError("INVALID_TIME", "the stamp is not a valid instant");
  return ical({ method: ICalCalendarMethod[method], prodId: productId });
}

function addSafari(calendar: ICalCalendar, safari: CalendarSafari, method: CalendarMethod, stamp: Date): void {
  check(safari);
  calendar.createEvent({
    id: safariUid(safari.id),
    sequence: safari.sequence,
    stamp,
    start: safari.startAt,
    end: safari.endAt,
    summary: safari.title,
    description: safari.description || null,
    location: safari.location || null,
    url: safari.url ?? null,
    status: method === "CANCEL" ? ICalEventStatus.CANCELLED : eventStatus[safari.status],
    organizer: safari.organizer ?? null,
    // A published copy names no attendees (RFC 5546), and a feed must not hand out who is going.
    attendees:
      method === "PUBLISH"
        ? []
        : (safari.attendees ?? []).map((person) => ({
            name: person.name,
            email: person.email,
            role: ICalAttendeeRole.REQ,
            ...(method === "REQUEST" ? { status: ICalAttendeeStatus.NEEDSACTION, rsvp: true } : {}),
          })),
  });
}

function check(safari: CalendarSafari): void {
  if (!validInstant(safari.startAt) || !validInstant(safari.endAt) || safari.endAt <= safari.startAt) {
    throw new CalendarInputError("INVALID_TIME", `safari ${safari.id} needs a valid start before its end`);
  }
  if (!isValidTimeZone(safari.timeZone)) {
    throw new CalendarInputError("INVALID_TIME_ZONE", `safari ${safari.id}: "${safari.timeZone}" is not an IANA time zone`);
  }
  if (!Number.isSafeInteger(safari.sequence) || safari.sequence < 0) {
    throw new CalendarInputError("INVALID_SEQUENCE", `safari ${safari.id}: sequence must be a whole number of at least 0`);
  }
}

/**
 * The calendar's text, with X-WR-TIMEZONE when one zone is known. ical-generator writes x() properties
 * after the events, but RFC 5545 puts calendar properties before any component, so it is inserted here.
 */
function finish(calendar: ICalCalendar, zone: string | undefined): string {
  const text = calendar.toString();
  // Every content line ends with CRLF, the last one too; ical-generator leaves that one bare.
  const ics = text.endsWith("\r\n") ? text : `${text}\r\n`;
  if (!zone) return ics;
  const firstEvent = ics.indexOf("\r\nBEGIN:VEVENT\r\n");
  const at = firstEvent >= 0 ? firstEvent : ics.lastIndexOf("\r\nEND:VCALENDAR");
  // IANA zone names hold no character that needs escaping and fit well within one 75-octet line.
  return `${ics.slice(0, at)}\r\nX-WR-TIMEZONE:${zone}${ics.slice(at)}`;
}

/** RFC 5545 TEXT escaping, for the one value ical-generator leaves unescaped. */
function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (match) => `\\${match}`).replace(/\r\n|\r|\n/g, "\\n");
}
