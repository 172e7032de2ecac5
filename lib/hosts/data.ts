import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { customerHosts, eventHosts, eventPersonas, events, hostConsents, personas } from "@/db/schema";
import { readPage } from "@/lib/paging/keyset";
import type { Cursor } from "@/lib/paging/params";
import { containsText, cursorFound } from "@/lib/paging/sql";
import { consentVerdict, type Consent } from "./consent";
import type { ConsentState } from "./list";
import { appNow } from "@/lib/time/clock";

/*
 * Reads for the organizers' host and persona screens, and the one read of hosts an executive gets
 * (hostsForExecutive: first name and persona, never contact details). The callers have checked the role.
 */

export const hostName = sql<string>`btrim(${customerHosts.firstName} || ' ' || ${customerHosts.lastName})`;

/** What a host's consents allow at `now`: one valid, else what became of the latest one, or none given. */
const consentState = (now: Date) => sql<ConsentState>`coalesce(
  (select 'valid' from ${hostConsents} c where c.host_id = ${customerHosts.id} and c.withdrawn_at is null
     and c.given_at <= ${now.toISOString()}::timestamptz and c.valid_until > ${now.toISOString()}::timestamptz limit 1),
  (select case when c.withdrawn_at is not null then 'withdrawn' else 'expired' end from ${hostConsents} c
     where c.host_id = ${customerHosts.id} order by c.given_at desc, c.id desc limit 1),
  'none')`;

export type HostListQuery = { now: Date; search?: string; personaId?: string; archived?: boolean };

function hostListFilter(query: HostListQuery): SQL | undefined {
  return and(
    query.archived ? isNotNull(customerHosts.archivedAt) : isNull(customerHosts.archivedAt),
    query.personaId ? eq(customerHosts.personaId, query.personaId) : undefined,
    query.search ? containsText(hostName, query.search) : undefined,
  );
}

/** One page of hosts by last and first name, with persona and consent state; null when the cursor names no host the filter matches. */
export async function listHosts(query: HostListQuery, cursor: Cursor, pageSize: number) {
  const db = await getDb();
  const filter = hostListFilter(query);
  const [page, [total]] = await Promise.all([
    readPage({
      cursor,
      pageSize,
      ascending: true,
      key: sql`(${customerHosts.lastName}, ${customerHosts.firstName}, ${customerHosts.id})`,
      keyOf: (id) => sql`(select c.last_name, c.first_name, c.id from ${customerHosts} c where c.id = ${id})`,
      read: (beyond, order, limit) =>
        db
          .select({
            id: customerHosts.id,
            name: hostName,
            language: customerHosts.language,
            persona: personas.name,
            consent: consentState(query.now),
          })
          .from(customerHosts)
          .leftJoin(personas, eq(personas.id, customerHosts.personaId))
          .where(and(filter, beyond))
          .orderBy(
            ...(order === "asc"
              ? [asc(customerHosts.lastName), asc(customerHosts.firstName), asc(customerHosts.id)]
              : [desc(customerHosts.lastName), desc(customerHosts.firstName), desc(customerHosts.id)]),
          )
          .limit(limit),
      id: (row) => row.id,
    }),
    db.select({ count: count(), cursorFound: cursorFound(customerHosts.id, cursor) }).from(customerHosts).where(filter),
  ]);
  return total?.cursorFound ? { ...page, count: total.count } : null;
}

export type HostListItem = NonNullable<Awaited<ReturnType<typeof listHosts>>>["rows"][number];

/** One host with every consent they gave, newest first; undefined when there is none. */
export async function getHost(hostId: string) {
  const db = await getDb();
  const [host] = await db
    .select({ host: customerHosts, personaName: personas.name })
    .from(customerHosts)
    .leftJoin(personas, eq(personas.id, customerHosts.personaId))
    .where(eq(customerHosts.id, hostId));
  if (!host) return undefined;
  const consents = await db
    .select()
    .from(hostConsents)
    .where(eq(hostConsents.hostId, hostId))
    .orderBy(desc(hostConsents.givenAt), desc(hostConsents.id));
  return { ...host.host, personaName: host.personaName, consents };
}

export type HostDetail = NonNullable<Awaited<ReturnType<typeof getHost>>>;

/** The hosts an event may be given: those not archived, by name. */
export async function hostChoices() {
  const db = await getDb();
  return db
    .select({ id: customerHosts.id, name: hostName })
    .from(customerHosts)
    .where(isNull(customerHosts.archivedAt))
    .orderBy(asc(customerHosts.lastName), asc(customerHosts.firstName), asc(customerHosts.id));
}

/** Every persona, by name, for the choices of the forms. */
export async function personaChoices() {
  const db = await getDb();
  return db.select({ id: personas.id, name: personas.name }).from(personas).orderBy(asc(personas.name));
}

/** One page of personas by name, with how many current hosts have each; null when the cursor names no persona the search matches. */
export async function listPersonas(search: string | undefined, cursor: Cursor, pageSize: number) {
  const db = await getDb();
  const filter = search ? or(containsText(personas.name, search), containsText(personas.description, search)) : undefined;
  const [page, [total]] = await Promise.all([
    readPage({
      cursor,
      pageSize,
      ascending: true,
      key: sql`(${personas.name}, ${personas.id})`,
      keyOf: (id) => sql`(select c.name, c.id from ${personas} c where c.id = ${id})`,
      read: (beyond, order, limit) =>
        db
          .select({
            id: personas.id,
            name: personas.name,
            description: personas.description,
            hosts: sql<number>`(select count(*)::int from ${customerHosts} h where h.persona_id = ${personas.id} and h.archived_at is null)`,
          })
          .from(personas)
          .where(and(filter, beyond))
          .orderBy(...(order === "asc" ? [asc(personas.name), asc(personas.id)] : [desc(personas.name), desc(personas.id)]))
          .limit(limit),
      id: (row) => row.id,
    }),
    db.select({ count: count(), cursorFound: cursorFound(personas.id, cursor) }).from(personas).where(filter),
  ]);
  return total?.cursorFound ? { ...page, count: total.count } : null;
}

export type PersonaListItem = NonNullable<Awaited<ReturnType<typeof listPersonas>>>["rows"][number];

/** One persona, or undefined. */
export async function getPersona(personaId: string) {
  const db = await getDb();
  const [row] = await db.select().from(personas).where(eq(personas.id, personaId));
  return row;
}

/** The personas an event is for, by name: what every view of a safari shows of its customers. */
export async function personasOfEvent(eventId: string) {
  const db = await getDb();
  return db
    .select({ id: personas.id, name: personas.name, description: personas.description })
    .from(eventPersonas)
    .innerJoin(personas, eq(personas.id, eventPersonas.personaId))
    .where(eq(eventPersonas.eventId, eventId))
    .orderBy(asc(personas.name));
}

/** The hosts and personas of one event, with ids, for the organizer's section that changes them. */
export async function hostsAndPersonasOfEvent(eventId: string) {
  const db = await getDb();
  const [hosts, eventPersonaRows] = await Promise.all([
    db
      .select({ id: customerHosts.id, name: hostName, persona: personas.name })
      .from(eventHosts)
      .innerJoin(customerHosts, eq(customerHosts.id, eventHosts.hostId))
      .leftJoin(personas, eq(personas.id, customerHosts.personaId))
      .where(eq(eventHosts.eventId, eventId))
      .orderBy(asc(customerHosts.lastName), asc(customerHosts.firstName)),
    personasOfEvent(eventId),
  ]);
  return { hosts, personas: eventPersonaRows.map(({ id, name }) => ({ id, name })) };
}

/** A host as an executive may see them: first name, persona and language, and what they agreed to. */
export type HostForExecutive = {
  firstName: string;
  persona: string | null;
  language: string;
  /** From the consent that covers this safari; false when none does (the organizers are told). */
  executivesMayObserve: boolean;
  recordingAllowed: boolean;
};

/**
 * The customer hosts of `eventId` as its executives may see them: never a last name or contact details.
 * The caller has checked that the executive may see the event.
 */
export async function hostsForExecutive(eventId: string, now: Date = appNow()): Promise<HostForExecutive[]> {
  const db = await getDb();
  const [event] = await db.select({ type: events.type, startAt: events.startAt, endAt: events.endAt }).from(events).where(eq(events.id, eventId));
  if (!event) return [];
  const hosts = await db
    .select({ id: customerHosts.id, firstName: customerHosts.firstName, persona: personas.name, language: customerHosts.language })
    .from(eventHosts)
    .innerJoin(customerHosts, eq(customerHosts.id, eventHosts.hostId))
    .leftJoin(personas, eq(personas.id, customerHosts.personaId))
    .where(eq(eventHosts.eventId, eventId))
    .orderBy(asc(customerHosts.firstName), asc(customerHosts.id));
  const consents = await consentsOf(hosts.map((host) => host.id));
  return hosts.map(({ id, ...host }) => {
    const verdict = consentVerdict(consents.get(id) ?? [], event, now, { timeZone: "UTC" });
    return {
      ...host,
      executivesMayObserve: verdict.ok && verdict.consent.executivesMayObserve,
      recordingAllowed: verdict.ok && verdict.consent.recordingAllowed,
    };
  });
}

async function consentsOf(hostIds: string[]): Promise<Map<string, Consent[]>> {
  const byHost = new Map<string, Consent[]>();
  if (hostIds.length === 0) return byHost;
  const db = await getDb();
  const rows = await db.select().from(hostConsents).where(inArray(hostConsents.hostId, hostIds));
  for (const row of rows) byHost.set(row.hostId, [...(byHost.get(row.hostId) ?? []), row]);
  return byHost;
}
