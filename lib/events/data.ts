import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, eq, gt, inArray, lt, ne } from "drizzle-orm";
import { getDb } from "@/db";
import { type Event, customerHosts, eventHosts, eventPersonas, events, executiveProfiles, participations, personas, reflections, seatHoldingStatuses, users } from "@/db/schema";

/*
 * Reads for the CX team's screens. Organizers share the whole programme, so these are not scoped to
 * the organizer who created an event; the caller has checked the role.
 */

const listColumns = {
  id: events.id,
  type: events.type,
  title: events.title,
  startAt: events.startAt,
  endAt: events.endAt,
  timeZone: events.timeZone,
  status: events.status,
  seats: events.seats,
  seatsTaken: events.seatsTaken,
};

export type EventListItem = Pick<Event, keyof typeof listColumns>;

/** Every event: the ones not yet over, soonest first, then the past ones, latest first. */
export async function listEventsForOrganizer(now: Date): Promise<{ upcoming: EventListItem[]; past: EventListItem[] }> {
  const db = await getDb();
  const rows = await db.select(listColumns).from(events).orderBy(asc(events.startAt), asc(events.title));
  return {
    upcoming: rows.filter((event) => event.endAt > now),
    past: rows.filter((event) => event.endAt <= now).reverse(),
  };
}

/** One event with its personas, hosts and participants, or undefined. */
export async function findEventForOrganizer(eventId: string) {
  const db = await getDb();
  const event = await db.query.events.findFirst({ where: eq(events.id, eventId) });
  if (!event) return undefined;
  const [personaRows, hostRows, participants] = await Promise.all([
    db
      .select({ name: personas.name })
      .from(eventPersonas)
      .innerJoin(personas, eq(personas.id, eventPersonas.personaId))
      .where(eq(eventPersonas.eventId, eventId))
      .orderBy(asc(personas.name)),
    db
      .select({ name: customerHosts.displayName })
      .from(eventHosts)
      .innerJoin(customerHosts, eq(customerHosts.id, eventHosts.hostId))
      .where(eq(eventHosts.eventId, eventId))
      .orderBy(asc(customerHosts.displayName)),
    db
      .select({
        id: participations.id,
        status: participations.status,
        source: participations.source,
        withdrawnAt: participations.withdrawnAt,
        withdrawnLate: participations.withdrawnLate,
        respondBy: participations.respondBy,
        declineReason: participations.declineReason,
        expiredAt: participations.expiredAt,
        waitlistedAt: participations.waitlistedAt,
        promotedAt: participations.promotedAt,
        name: users.name,
        department: executiveProfiles.department,
        // Only reflections their authors shared with the CX team.
        reflectionId: reflections.id,
      })
      .from(participations)
      .innerJoin(users, eq(users.id, participations.executiveId))
      .leftJoin(executiveProfiles, eq(executiveProfiles.userId, participations.executiveId))
      .leftJoin(reflections, and(eq(reflections.participationId, participations.id), eq(reflections.visibility, "cx_team")))
      .where(eq(participations.eventId, eventId))
      .orderBy(asc(users.name)),
  ]);
  // The waitlist in the order seats go to it: first come, first promoted (lib/participation/waitlist.ts).
  const waitlist = participants
    .filter((p) => p.status === "waitlisted")
    .sort((a, b) => a.waitlistedAt!.getTime() - b.waitlistedAt!.getTime() || (a.id < b.id ? -1 : 1));
  return { event, personas: personaRows.map((p) => p.name), hosts: hostRows.map((h) => h.name), participants, waitlist };
}

export type OrganizerEvent = NonNullable<Awaited<ReturnType<typeof findEventForOrganizer>>>;
export type Participant = OrganizerEvent["participants"][number];

/**
 * Executives holding a seat at `eventId` who also hold one at another event overlapping [startAt, endAt):
 * why moving the event there was refused, by name and event.
 */
export async function findBookingClashes(eventId: string, startAt: Date, endAt: Date) {
  const db = await getDb();
  const other = alias(participations, "other_participation");
  const otherEvent = alias(events, "other_event");
  return db
    .select({
      executiveName: users.name,
      title: otherEvent.title,
      startAt: otherEvent.startAt,
      endAt: otherEvent.endAt,
      timeZone: otherEvent.timeZone,
    })
    .from(participations)
    .innerJoin(users, eq(users.id, participations.executiveId))
    .innerJoin(other, and(eq(other.executiveId, participations.executiveId), ne(other.eventId, eventId), inArray(other.status, seatHoldingStatuses)))
    .innerJoin(otherEvent, eq(otherEvent.id, other.eventId))
    .where(and(eq(participations.eventId, eventId), inArray(participations.status, seatHoldingStatuses), lt(otherEvent.startAt, endAt), gt(otherEvent.endAt, startAt)))
    .orderBy(asc(users.name), asc(otherEvent.startAt));
}
