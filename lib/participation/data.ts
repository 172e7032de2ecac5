import "server-only";
import { and, asc, count, desc, eq, gt, gte, inArray, lt, not, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { eventTypeName } from "@/lib/event-types/data";
import type { EventType } from "@/db/enums";
import { eventPersonas, events, participations, personas, reflections } from "@/db/schema";
import { personasOfEvent } from "@/lib/hosts/data";
import { readPage } from "@/lib/paging/keyset";
import type { Cursor } from "@/lib/paging/params";
import { cursorFound } from "@/lib/paging/sql";
import type { MySafariTab } from "./list";

/*
 * Reads for executives, always for one executive by id. What the CX team knows about customer hosts
 * (names, contacts) never appears here: executives see the personas an event shows, not the people.
 */

const safariColumns = {
  id: events.id,
  type: events.type,
  typeName: eventTypeName,
  title: events.title,
  startAt: events.startAt,
  endAt: events.endAt,
  timeZone: events.timeZone,
  seats: events.seats,
  seatsTaken: events.seatsTaken,
};

export type OpenSafariQuery = {
  now: Date;
  type?: EventType;
  /** Events showing this customer persona. */
  personaId?: string;
  /** Starting in [start, end). */
  start?: Date;
  end?: Date;
  /** Only those with a seat free (full ones are listed otherwise, because their waitlist is open). */
  freeSeats?: boolean;
};

function openSafariFilter(query: OpenSafariQuery): SQL | undefined {
  return and(
    // The SQL form of signUpIsOpen (lib/events/rules.ts): published and still to come.
    eq(events.status, "published"),
    gt(events.startAt, query.now),
    query.type ? eq(events.type, query.type) : undefined,
    query.personaId
      ? sql`exists (select 1 from ${eventPersonas} ep where ep.event_id = ${events.id} and ep.persona_id = ${query.personaId})`
      : undefined,
    query.start ? gte(events.startAt, query.start) : undefined,
    query.end ? lt(events.startAt, query.end) : undefined,
    query.freeSeats ? lt(events.seatsTaken, events.seats) : undefined,
  );
}

/**
 * One page of the safaris an executive can sign up for or wait for, soonest first, with their own status at
 * each and how many match in all; null when the cursor names no safari the filter matches.
 */
export async function listOpenSafaris(executiveId: string, query: OpenSafariQuery, cursor: Cursor, pageSize: number) {
  const db = await getDb();
  const filter = openSafariFilter(query);
  const [page, [total]] = await Promise.all([
    readPage({
      cursor,
      pageSize,
      ascending: true,
      key: sql`(${events.startAt}, ${events.id})`,
      keyOf: (id) => sql`(select c.start_at, c.id from ${events} c where c.id = ${id})`,
      read: (beyond, order, limit) =>
        db
          .select({ ...safariColumns, myStatus: participations.status })
          .from(events)
          .leftJoin(participations, and(eq(participations.eventId, events.id), eq(participations.executiveId, executiveId)))
          .where(and(filter, beyond))
          .orderBy(...(order === "asc" ? [asc(events.startAt), asc(events.id)] : [desc(events.startAt), desc(events.id)]))
          .limit(limit),
      id: (row) => row.id,
    }),
    db.select({ count: count(), cursorFound: cursorFound(events.id, cursor) }).from(events).where(filter),
  ]);
  if (!total?.cursorFound) return null;
  return { ...page, rows: page.rows.map((row) => ({ ...row, going: row.myStatus === "confirmed", full: row.seatsTaken >= row.seats })), count: total.count };
}

export type OpenSafari = NonNullable<Awaited<ReturnType<typeof listOpenSafaris>>>["rows"][number];

/** The personas some open safari shows, for the filter's list. */
export async function listPersonaChoices() {
  const db = await getDb();
  return db.select({ id: personas.id, name: personas.name }).from(personas).orderBy(asc(personas.name));
}

/**
 * One safari as an executive may see it, or undefined: drafts are nobody's business yet, and a
 * cancelled event only concerns the executives who were on it.
 */
export async function findSafariForExecutive(eventId: string, executiveId: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      ...safariColumns,
      status: events.status,
      cancelledAt: events.cancelledAt,
      cancellationReason: events.cancellationReason,
      briefing: events.briefing,
      location: events.location,
      videoUrl: events.videoUrl,
      meetingContact: events.meetingContact,
      frontlineName: events.frontlineName,
      frontlineRole: events.frontlineRole,
      participationId: participations.id,
      participationStatus: participations.status,
      respondBy: participations.respondBy,
    })
    .from(events)
    .leftJoin(participations, and(eq(participations.eventId, events.id), eq(participations.executiveId, executiveId)))
    .where(eq(events.id, eventId));
  if (!row || row.status === "draft") return undefined;
  if (row.status === "cancelled" && row.participationStatus === null) return undefined;

  const personaRows = await personasOfEvent(eventId);
  const { participationId, participationStatus, respondBy, ...event } = row;
  return {
    event,
    personas: personaRows.map((p) => p.name),
    participation: participationId && participationStatus ? { id: participationId, status: participationStatus, respondBy } : null,
  };
}

export type ExecutiveSafari = NonNullable<Awaited<ReturnType<typeof findSafariForExecutive>>>;

/**
 * One page of the executive's own participations: the ones still ahead, soonest first, or the rest, latest
 * first. A cancelled safari stays among the upcoming ones until its time has passed, so the executive sees
 * the cancellation and its reason where they would look for the safari. Null when the cursor names no
 * participation of this list.
 */
export async function listMySafaris(executiveId: string, when: MySafariTab, now: Date, cursor: Cursor, pageSize: number) {
  const db = await getDb();
  const ahead = and(gt(events.endAt, now), inArray(participations.status, ["confirmed", "invited", "waitlisted", "cancelled"]));
  const filter = and(eq(participations.executiveId, executiveId), when === "upcoming" ? ahead : not(ahead!));
  const [page, [total]] = await Promise.all([
    readPage({
      cursor,
      pageSize,
      ascending: when === "upcoming",
      key: sql`(${events.startAt}, ${participations.id})`,
      keyOf: (id) => sql`(select e.start_at, p.id from ${participations} p join ${events} e on e.id = p.event_id where p.id = ${id})`,
      read: (beyond, order, limit) =>
        db
          .select({
            participationId: participations.id,
            status: participations.status,
            eventId: events.id,
            eventStatus: events.status,
            type: events.type,
            typeName: eventTypeName,
            title: events.title,
            startAt: events.startAt,
            endAt: events.endAt,
            timeZone: events.timeZone,
            cancelledAt: events.cancelledAt,
            cancellationReason: events.cancellationReason,
            // The executive's own reflection, whoever else may read it.
            reflectionId: reflections.id,
          })
          .from(participations)
          .innerJoin(events, eq(events.id, participations.eventId))
          .leftJoin(reflections, and(eq(reflections.participationId, participations.id), eq(reflections.authorId, executiveId)))
          .where(and(filter, beyond))
          .orderBy(...(order === "asc" ? [asc(events.startAt), asc(participations.id)] : [desc(events.startAt), desc(participations.id)]))
          .limit(limit),
      id: (row) => row.participationId,
    }),
    db
      .select({ count: count(), cursorFound: cursorFound(participations.id, cursor) })
      .from(participations)
      .innerJoin(events, eq(events.id, participations.eventId))
      .where(filter),
  ]);
  return total?.cursorFound ? { ...page, count: total.count } : null;
}

export type MySafari = NonNullable<Awaited<ReturnType<typeof listMySafaris>>>["rows"][number];
