import "server-only";
import { and, asc, desc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db";
import { eventPersonas, events, participations, personas, reflections } from "@/db/schema";

/*
 * Reads for executives, always for one executive by id. What the CX team knows about customer hosts
 * (names, contacts) never appears here: executives see the personas an event shows, not the people.
 */

const safariColumns = {
  id: events.id,
  type: events.type,
  title: events.title,
  startAt: events.startAt,
  endAt: events.endAt,
  timeZone: events.timeZone,
  seats: events.seats,
  seatsTaken: events.seatsTaken,
};

/**
 * Published events still to come, soonest first: the SQL form of signUpIsOpen (lib/events/rules.ts). Full
 * ones are listed too, because their waitlist is open.
 */
export async function listOpenSafaris(executiveId: string, now: Date) {
  const db = await getDb();
  const rows = await db
    .select({ ...safariColumns, myStatus: participations.status })
    .from(events)
    .leftJoin(participations, and(eq(participations.eventId, events.id), eq(participations.executiveId, executiveId)))
    .where(and(eq(events.status, "published"), gt(events.startAt, now)))
    .orderBy(asc(events.startAt), asc(events.title));
  return rows.map((row) => ({ ...row, going: row.myStatus === "confirmed", full: row.seatsTaken >= row.seats }));
}

export type OpenSafari = Awaited<ReturnType<typeof listOpenSafaris>>[number];

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
      participationId: participations.id,
      participationStatus: participations.status,
      respondBy: participations.respondBy,
    })
    .from(events)
    .leftJoin(participations, and(eq(participations.eventId, events.id), eq(participations.executiveId, executiveId)))
    .where(eq(events.id, eventId));
  if (!row || row.status === "draft") return undefined;
  if (row.status === "cancelled" && row.participationStatus === null) return undefined;

  const personaRows = await db
    .select({ name: personas.name })
    .from(eventPersonas)
    .innerJoin(personas, eq(personas.id, eventPersonas.personaId))
    .where(eq(eventPersonas.eventId, eventId))
    .orderBy(asc(personas.name));
  const { participationId, participationStatus, respondBy, ...event } = row;
  return {
    event,
    personas: personaRows.map((p) => p.name),
    participation: participationId && participationStatus ? { id: participationId, status: participationStatus, respondBy } : null,
  };
}

export type ExecutiveSafari = NonNullable<Awaited<ReturnType<typeof findSafariForExecutive>>>;

/**
 * The executive's own participations: the ones still ahead, soonest first, and the rest, latest first.
 * A cancelled safari stays among the upcoming ones until its time has passed, so the executive sees the
 * cancellation and its reason where they would look for the safari.
 */
export async function listMySafaris(executiveId: string, now: Date) {
  const db = await getDb();
  const rows = await db
    .select({
      participationId: participations.id,
      status: participations.status,
      eventId: events.id,
      eventStatus: events.status,
      type: events.type,
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
    .where(eq(participations.executiveId, executiveId))
    .orderBy(desc(events.startAt));
  const isAhead = (row: (typeof rows)[number]) =>
    row.endAt > now && (row.status === "confirmed" || row.status === "invited" || row.status === "waitlisted" || row.status === "cancelled");
  return {
    upcoming: rows.filter(isAhead).reverse(),
    past: rows.filter((row) => !isAhead(row)),
  };
}

export type MySafari = Awaited<ReturnType<typeof listMySafaris>>["upcoming"][number];
