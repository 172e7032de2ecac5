import "server-only";
import { and, asc, eq, gt, inArray, lt } from "drizzle-orm";
import { getDb } from "@/db";
import type { EventStatus, ParticipationStatus, UserRole } from "@/db/enums";
import { events, participations } from "@/db/schema";

/*
 * What an agenda shows between two instants: organizers every event (drafts too), an executive the
 * safaris they are on (a seat, an open invitation or a waitlist place) and the ones cancelled while they
 * were on them. Never drafts for an executive.
 */
export type AgendaEntry = {
  id: string;
  title: string;
  startAt: Date;
  endAt: Date;
  timeZone: string;
  status: EventStatus;
  /** The executive's own participation; null for organizers. */
  mine: ParticipationStatus | null;
};

/**
 * The most entries one agenda reads: a bound, not a page size. A month of a large programme (about 1,400
 * safaris at 50,000 over three years) fits; the page shows a few per day and links to the rest.
 */
export const agendaLimit = 5_000;
// No event lasts longer (EVENT_MAX_DURATION_HOURS is at most 14 days): so the start_at index bounds the range.
const longestEventMs = 14 * 24 * 3_600_000;

const columns = {
  id: events.id,
  title: events.title,
  startAt: events.startAt,
  endAt: events.endAt,
  timeZone: events.timeZone,
  status: events.status,
};

export async function agendaEntries(viewer: { id: string; role: UserRole }, range: { start: Date; end: Date }): Promise<AgendaEntry[]> {
  const overlaps = and(lt(events.startAt, range.end), gt(events.startAt, new Date(range.start.getTime() - longestEventMs)), gt(events.endAt, range.start));
  const db = await getDb();
  if (viewer.role === "organizer") {
    const rows = await db.select(columns).from(events).where(overlaps).orderBy(asc(events.startAt), asc(events.id)).limit(agendaLimit);
    return rows.map((row) => ({ ...row, mine: null }));
  }
  if (viewer.role !== "executive") return [];
  return db
    .select({ ...columns, mine: participations.status })
    .from(events)
    .innerJoin(participations, and(eq(participations.eventId, events.id), eq(participations.executiveId, viewer.id)))
    .where(and(overlaps, inArray(events.status, ["published", "completed", "cancelled"]), inArray(participations.status, ["invited", "confirmed", "waitlisted", "attended", "no_show", "cancelled"])))
    .orderBy(asc(events.startAt), asc(events.id))
    .limit(agendaLimit);
}
