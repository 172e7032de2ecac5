import "server-only";
import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { events, eventTypes, users } from "@/db/schema";
import { getEnv } from "@/lib/env";
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
