import "server-only";
import { z } from "zod";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, count, desc, eq, getTableColumns, gt, gte, inArray, lt, lte, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { eventTypeName } from "@/lib/event-types/data";
import type { EventStatus, EventType } from "@/db/enums";
import { readPage } from "@/lib/paging/keyset";
import type { Cursor } from "@/lib/paging/params";
import { containsText, cursorFound } from "@/lib/paging/sql";
import { personasOfEvent } from "@/lib/hosts/data";
import type { EventListTab } from "./list";
import { type Event, customerHosts, eventHosts, events, executiveProfiles, participations, reflections, seatHoldingStatuses, users } from "@/db/schema";

/*
 * Reads for the CX team's screens. Organizers share the whole programme, so these are not scoped to
 * the organizer who created an event; the caller has checked the role.
 */

const listColumns = {
  id: events.id,
  type: events.type,
  typeName: eventTypeName,
  title: events.title,
  startAt: events.startAt,
  endAt: events.endAt,
  timeZone: events.timeZone,
  status: events.status,
  seats: events.seats,
  seatsTaken: events.seatsTaken,
  consentFlaggedAt: events.consentFlaggedAt,
};

export type EventListItem = Pick<Event, Exclude<keyof typeof listColumns, "typeName">> & { typeName: string };

export type EventListQuery = {
  /** Upcoming: not over yet at `now`, soonest first. Past: over, latest first. */
  when: EventListTab;
  now: Date;
  status?: EventStatus;
  type?: EventType;
  /** Starting in [start, end). */
  start?: Date;
  end?: Date;
  /** Part of the title, any case. */
  title?: string;
};

function eventListFilter(query: EventListQuery): SQL | undefined {
  return and(
    query.when === "upcoming" ? gt(events.endAt, query.now) : lte(events.endAt, query.now),
    query.status ? eq(events.status, query.status) : undefined,
    query.type ? eq(events.type, query.type) : undefined,
    query.start ? gte(events.startAt, query.start) : undefined,
    query.end ? lt(events.startAt, query.end) : undefined,
    query.title ? containsText(events.title, query.title) : undefined,
  );
}

/**
 * One page of the programme's events, with how many match in all; null when the cursor names no event the
 * filter matches (the page then starts again at the first).
 */
export async function listEventsForOrganizer(query: EventListQuery, cursor: Cursor, pageSize: number) {
  const db = await getDb();
  const filter = eventListFilter(query);
  const [page, [total]] = await Promise.all([
    readPage({
      cursor,
      pageSize,
      ascending: query.when === "upcoming",
      key: sql`(${events.startAt}, ${events.id})`,
      keyOf: (id) => sql`(select c.start_at, c.id from ${events} c where c.id = ${id})`,
      read: (beyond, order, limit) =>
        db
          .select(listColumns)
          .from(events)
          .where(and(filter, beyond))
          .orderBy(...(order === "asc" ? [asc(events.startAt), asc(events.id)] : [desc(events.startAt), desc(events.id)]))
          .limit(limit),
      id: (row) => row.id,
    }),
    db
      .select({ count: count(), cursorFound: cursorFound(events.id, cursor) })
      .from(events)
      .where(filter),
  ]);
  return total?.cursorFound ? { ...page, count: total.count } : null;
}

/** One event with its personas, hosts and participants, or undefined. */
export async function findEventForOrganizer(eventId: string) {
  const db = await getDb();
  const [event] = await db
    .select({ ...getTableColumns(events), typeName: eventTypeName })
    .from(events)
    .where(eq(events.id, eventId));
  if (!event) return undefined;
  const [personaRows, hostRows, participants] = await Promise.all([
    personasOfEvent(eventId),
    db
      .select({ name: sql<string>`btrim(${customerHosts.firstName} || ' ' || ${customerHosts.lastName})` })
      .from(eventHosts)
      .innerJoin(customerHosts, eq(customerHosts.id, eventHosts.hostId))
      .where(eq(eventHosts.eventId, eventId))
      .orderBy(asc(customerHosts.lastName), asc(customerHosts.firstName)),
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

/** The type of one event, or null (the id is checked for its form first: a malformed one is no event). */
export async function typeOfEvent(eventId: string): Promise<string | null> {
  if (!z.uuid().safeParse(eventId).success) return null;
  const db = await getDb();
  const [row] = await db.select({ type: events.type }).from(events).where(eq(events.id, eventId));
  return row?.type ?? null;
}
