import "server-only";
import { and, asc, eq, gt, inArray, lt, lte, ne, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db";
import { eventPersonas, events, executiveBlackouts, executiveProfiles, participations, personas, seatHoldingStatuses, users } from "@/db/schema";
import type { Interval, MatchEvent, MatchExecutive, MatchingInput } from "@/lib/matching/types";
import { periodTarget, quartersTouching } from "./period";

/*
 * The matcher's input, read from the database in a fixed handful of set-based queries (never one per
 * executive), so that 2,000 executives × 500 events gather in well under a second:
 *
 *   executives  every user with role executive and a profile (without one there is no target to meet)
 *   blackouts   those reaching into the period
 *   bookings    participations holding a seat (invited, confirmed, attended) on safaris not cancelled,
 *               around the quarters the period touches: they block their time, count toward the monthly cap,
 *               and those outside the period but inside its quarters toward the quarter's target
 *   history     attended safaris that have ended: the last contact, the personas and event types met
 *   events      the chosen ones with their personas; free seats are seats minus seats taken (none when the
 *               safari is no longer published); an executive who declined a safari is excluded from it
 *               (their "no" stands; an organizer can still ask them by hand)
 *
 * Events carry no language yet, so `language` is null.
 */

type Queryable = Database | Transaction;

const dayMs = 86_400_000;

export type Gathered = {
  input: MatchingInput;
  /** Each executive's name, for messages. */
  names: Map<string, string>;
};

export async function gatherInput(
  db: Queryable,
  options: { period: Interval; now: Date; zone: string; eventIds: string[] },
): Promise<Gathered> {
  const { period, now, zone, eventIds } = options;
  const quarters = quartersTouching(period, zone);
  // Bookings from two days either side of the touched quarters: enough for every calendar month an event
  // of the period falls in, in any executive's zone.
  const window = { start: new Date(quarters[0]!.start.getTime() - 2 * dayMs), end: new Date(quarters[quarters.length - 1]!.end.getTime() + 2 * dayMs) };

  const [people, blackouts, bookings, history, met, chosen, eventPersonaRows, declined] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        timeZone: users.timeZone,
        department: executiveProfiles.department,
        seniority: executiveProfiles.seniority,
        languages: executiveProfiles.languages,
        preferredTypes: executiveProfiles.preferredTypes,
        cadencePerQuarter: executiveProfiles.cadencePerQuarter,
        monthlyCap: executiveProfiles.monthlyCap,
      })
      .from(users)
      .innerJoin(executiveProfiles, eq(executiveProfiles.userId, users.id))
      .where(eq(users.role, "executive"))
      .orderBy(asc(users.id)),
    db
      .select({ userId: executiveBlackouts.userId, start: executiveBlackouts.startAt, end: executiveBlackouts.endAt })
      .from(executiveBlackouts)
      .where(and(lt(executiveBlackouts.startAt, period.end), gt(executiveBlackouts.endAt, period.start))),
    db
      .select({ executiveId: participations.executiveId, eventId: participations.eventId, start: events.startAt, end: events.endAt })
      .from(participations)
      .innerJoin(events, eq(events.id, participations.eventId))
      .where(
        and(
          inArray(participations.status, [...seatHoldingStatuses]),
          ne(events.status, "cancelled"),
          lt(events.startAt, window.end),
          gt(events.endAt, window.start),
        ),
      ),
    db
      .select({
        executiveId: participations.executiveId,
        lastContactAt: sql<Date>`max(${events.endAt})`.mapWith(events.endAt),
        types: sql<string[]>`array_agg(distinct ${events.type}::text)`,
      })
      .from(participations)
      .innerJoin(events, eq(events.id, participations.eventId))
      .where(and(eq(participations.status, "attended"), ne(events.status, "cancelled"), lte(events.endAt, now)))
      .groupBy(participations.executiveId),
    db
      .selectDistinct({ executiveId: participations.executiveId, personaId: eventPersonas.personaId })
      .from(participations)
      .innerJoin(events, eq(events.id, participations.eventId))
      .innerJoin(eventPersonas, eq(eventPersonas.eventId, events.id))
      .where(and(eq(participations.status, "attended"), ne(events.status, "cancelled"), lte(events.endAt, now))),
    eventIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: events.id, type: events.type, status: events.status, start: events.startAt, end: events.endAt, seats: events.seats, seatsTaken: events.seatsTaken })
          .from(events)
          .where(inArray(events.id, eventIds)),
    eventIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ eventId: eventPersonas.eventId, id: personas.id, name: personas.name })
          .from(eventPersonas)
          .innerJoin(personas, eq(personas.id, eventPersonas.personaId))
          .where(inArray(eventPersonas.eventId, eventIds)),
    eventIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ eventId: participations.eventId, executiveId: participations.executiveId })
          .from(participations)
          .where(and(inArray(participations.eventId, eventIds), eq(participations.status, "declined"))),
  ]);

  const known = new Set(people.map((person) => person.id));
  const group = <T, K>(rows: T[], key: (row: T) => K) => {
    const map = new Map<K, T[]>();
    for (const row of rows) {
      const k = key(row);
      const list = map.get(k);
      if (list) list.push(row);
      else map.set(k, [row]);
    }
    return map;
  };
  const blackoutsOf = group(blackouts, (row) => row.userId);
  const bookingsOf = group(bookings, (row) => row.executiveId);
  const historyOf = new Map(history.map((row) => [row.executiveId, row]));
  const personasMetOf = group(met, (row) => row.executiveId);

  const executives: MatchExecutive[] = people.map((person) => {
    const booked = bookingsOf.get(person.id) ?? [];
    const heldOutside = quarters.map(
      (quarter) => booked.filter((b) => b.start >= quarter.start && b.start < quarter.end && !(b.start >= period.start && b.start < period.end)).length,
    );
    const past = historyOf.get(person.id);
    return {
      id: person.id,
      department: person.department,
      seniority: person.seniority,
      languages: person.languages,
      blackouts: (blackoutsOf.get(person.id) ?? []).map(({ start, end }) => ({ start, end })),
      preferredTypes: person.preferredTypes,
      timeZone: person.timeZone,
      cadenceTarget: periodTarget(person.cadencePerQuarter, period, now, quarters, (i) => heldOutside[i]!),
      monthlyCap: person.monthlyCap,
      lastContactAt: past?.lastContactAt ?? null,
      personasMet: (personasMetOf.get(person.id) ?? []).map((row) => row.personaId),
      typesMet: past?.types ?? [],
      booked: booked.map(({ start, end }) => ({ start, end })),
    };
  });

  const attendeesOf = group(bookings, (row) => row.eventId);
  const personasOf = group(eventPersonaRows, (row) => row.eventId);
  const declinedOf = group(declined, (row) => row.eventId);
  const matchEvents: MatchEvent[] = chosen.map((event) => ({
    id: event.id,
    start: event.start,
    end: event.end,
    freeSeats: event.status === "published" ? Math.max(0, event.seats - event.seatsTaken) : 0,
    type: event.type,
    personas: (personasOf.get(event.id) ?? []).map(({ id, name }) => ({ id, name })),
    language: null,
    // Seat holders without a profile are not the matcher's executives; their seat is already not free.
    attendeeIds: (attendeesOf.get(event.id) ?? []).map((row) => row.executiveId).filter((id) => known.has(id)),
    excludedExecutiveIds: (declinedOf.get(event.id) ?? []).map((row) => row.executiveId).filter((id) => known.has(id)),
  }));

  return {
    input: { period, now, events: matchEvents, executives },
    names: new Map(people.map((person) => [person.id, person.name])),
  };
}
