import "server-only";
import { and, asc, eq, exists, gte, inArray, isNotNull, isNull, ne, not, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import type { UserRole } from "@/db/enums";
import { events, eventTypes, participations, users } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { calendarFileStatuses } from "./rules";
import type { CalendarSafari } from "./ics";

/*
 * Safaris as lib/calendar/ics.ts takes them, read from the database: for the .ics download, the feed and
 * the calendar attached to a mail. The description is what an executive needs on the day (the briefing,
 * the type's guidance, the video link, who meets them) and links to the briefing page; never a host's name
 * or contact (executives see those only as the briefing shows them).
 */

const columns = {
  id: events.id,
  title: events.title,
  briefing: events.briefing,
  location: events.location,
  videoUrl: events.videoUrl,
  meetingContact: events.meetingContact,
  startAt: events.startAt,
  endAt: events.endAt,
  timeZone: events.timeZone,
  status: events.status,
  sequence: events.calendarSequence,
  guidance: eventTypes.guidance,
  organizerName: users.name,
  organizerEmail: users.email,
};

type Row = { [K in keyof typeof columns]: (typeof columns)[K]["_"]["data"] };

/** The safaris with these ids that exist, as calendar entries, in the order of `ids`. */
export async function calendarSafaris(ids: readonly string[]): Promise<CalendarSafari[]> {
  if (ids.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select(columns)
    .from(events)
    .innerJoin(eventTypes, eq(eventTypes.key, events.type))
    .innerJoin(users, eq(users.id, events.organizerId))
    .where(inArray(events.id, [...ids]));
  const byId = new Map(rows.map((row) => [row.id, toCalendarSafari(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One safari as a calendar entry, or undefined when there is none with that id. */
export async function calendarSafari(id: string): Promise<CalendarSafari | undefined> {
  return (await calendarSafaris([id]))[0];
}

/**
 * Who may download a safari's .ics: organizers any event; an executive one they are on, with an open
 * invitation, a seat (confirmed or attended) or a waitlist place (a calendar entry to hold the time while
 * waiting), and only once it is published (a draft is nobody's safari yet). Anyone else: undefined, as
 * for a safari that does not exist.
 */
export async function downloadableSafari(eventId: string, viewer: { id: string; role: UserRole }): Promise<CalendarSafari | undefined> {
  if (viewer.role === "organizer") return calendarSafari(eventId);
  if (viewer.role !== "executive") return undefined;
  const db = await getDb();
  const [row] = await db
    .select({ id: events.id })
    .from(events)
    .innerJoin(participations, eq(participations.eventId, events.id))
    .where(
      and(
        eq(events.id, eventId),
        ne(events.status, "draft"),
        eq(participations.executiveId, viewer.id),
        or(inArray(participations.status, calendarFileStatuses), heldSeatWhenCancelled),
      ),
    );
  return row ? calendarSafari(row.id) : undefined;
}

/**
 * A participation the safari's cancellation ended while it held a seat: cancelling sets every open one to
 * "cancelled", so the seat is told apart from an unanswered invitation and a waiting place by their marks.
 */
const heldSeatWhenCancelled = and(
  eq(participations.status, "cancelled"),
  eq(events.status, "cancelled"),
  not(and(isNotNull(participations.respondBy), isNull(participations.respondedAt))!),
  not(and(isNotNull(participations.waitlistedAt), isNull(participations.promotedAt))!),
)!;

/** How far back a feed reaches, and how many entries it holds at most. */
export const feedDaysBack = 90;
export const feedLimit = 500;

/**
 * A user's subscription feed: an executive's safaris they hold a seat on (or held one on when it was
 * cancelled), an organizer's own events but drafts; from `feedDaysBack` days before `now`, the earliest
 * first, at most `feedLimit`. Other roles have none.
 */
export async function feedSafaris(user: { id: string; role: UserRole }, now: Date): Promise<CalendarSafari[]> {
  const db = await getDb();
  let mine: SQL;
  if (user.role === "organizer") mine = and(eq(events.organizerId, user.id), ne(events.status, "draft"))!;
  else if (user.role === "executive") {
    mine = exists(
      db
        .select({ one: sql`1` })
        .from(participations)
        .where(
          and(
            eq(participations.eventId, events.id),
            eq(participations.executiveId, user.id),
            ne(events.status, "draft"),
            or(inArray(participations.status, ["confirmed", "attended"]), heldSeatWhenCancelled),
          ),
        ),
    );
  } else return [];
  const rows = await db
    .select({ id: events.id })
    .from(events)
    // By start, so that the start_at index narrows the range.
    .where(and(mine, gte(events.startAt, new Date(now.getTime() - feedDaysBack * 86_400_000))))
    .orderBy(asc(events.startAt), asc(events.id))
    .limit(feedLimit);
  return calendarSafaris(rows.map((row) => row.id));
}

/** The page an executive opens from their calendar: the safari's briefing. */
export const briefingUrl = (eventId: string) => `${getEnv().APP_URL}/safaris/${eventId}/briefing`;

function toCalendarSafari(row: Row): CalendarSafari {
  const url = briefingUrl(row.id);
  const description = [
    row.briefing,
    row.guidance && `How to take part: ${row.guidance}`,
    row.videoUrl && `Video link: ${row.videoUrl}`,
    row.meetingContact && `Who meets you: ${row.meetingContact}`,
    `Briefing: ${url}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  return {
    id: row.id,
    title: row.title,
    description,
    location: row.location || row.videoUrl,
    startAt: row.startAt,
    endAt: row.endAt,
    timeZone: row.timeZone,
    status: row.status,
    sequence: row.sequence,
    url,
    organizer: { name: row.organizerName, email: row.organizerEmail },
  };
}
