import "server-only";
import { and, asc, eq, gt, inArray, isNotNull, ne } from "drizzle-orm";
import { getDb, transaction, type Transaction } from "@/db";
import { customerHosts, eventHosts, eventPersonas, events, eventTypes, hostConsents, personas } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { safariDetails } from "@/lib/notifications/messages";
import { notify } from "@/lib/notifications/mutations";
import { affectedByWithdrawal, consentVerdict, givenOnInstant, validUntilInstant, type Consent, type ConsentedEvent } from "./consent";
import type { ConsentFormInput, HostInput, PersonaInput } from "./schema";

/*
 * Changes to hosts, their consents and personas, and to the hosts and personas of an event, each in one
 * transaction with its audit line. Consent decides publishing (consentProblems, called inside the event's
 * own transaction) and a withdrawal flags the safaris it leaves uncovered, in the same transaction.
 */

const hostColumns = (input: HostInput) => ({
  firstName: input.firstName,
  lastName: input.lastName,
  contactEmail: input.contactEmail || null,
  contactPhone: input.contactPhone || null,
  personaId: input.personaId || null,
  language: input.language,
});

/** Adds a host; returns their id. */
export async function createHost(actorId: string, input: HostInput): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(customerHosts).values(hostColumns(input)).returning({ id: customerHosts.id });
    await recordAudit(tx, { actorId, action: "host.create", objectType: "customer_host", objectId: row!.id });
    return row!.id;
  });
}

/** Changes a host's name, contact, persona and language. The audit line names the fields, never their values (personal data). */
export async function updateHost(actorId: string, hostId: string, input: HostInput): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(customerHosts).where(eq(customerHosts.id, hostId)).for("update");
    if (!before) throw new AppError("NOT_FOUND");
    const after = hostColumns(input);
    await tx.update(customerHosts).set(after).where(eq(customerHosts.id, hostId));
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((field) => before[field] !== after[field]);
    await recordAudit(tx, { actorId, action: "host.edit", objectType: "customer_host", objectId: hostId, details: { changed } });
  });
}

/** Archives a host (offered for no new event; events keep them) or offers them again. */
export async function setHostArchived(actorId: string, hostId: string, archived: boolean, now: Date): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(customerHosts)
      .set({ archivedAt: archived ? now : null })
      .where(eq(customerHosts.id, hostId))
      .returning({ id: customerHosts.id });
    if (!row) throw new AppError("NOT_FOUND");
    await recordAudit(tx, { actorId, action: archived ? "host.archive" : "host.restore", objectType: "customer_host", objectId: hostId });
  });
}

/**
 * Records a consent the host gave, its days read in `zone` (the organisation's). Safaris flagged after an
 * earlier withdrawal that every host's consents now cover again lose their flag.
 */
export async function recordConsent(actorId: string, hostId: string, input: ConsentFormInput, zone: string, now: Date): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [host] = await tx.select({ id: customerHosts.id }).from(customerHosts).where(eq(customerHosts.id, hostId)).for("update");
    if (!host) throw new AppError("NOT_FOUND");
    const [row] = await tx
      .insert(hostConsents)
      .values({
        hostId,
        givenAt: givenOnInstant(input.givenOn, zone),
        eventTypes: input.types,
        validUntil: validUntilInstant(input.validUntil, zone),
        executivesMayObserve: input.executivesMayObserve,
        recordingAllowed: input.recordingAllowed,
      })
      .returning({ id: hostConsents.id });
    const flagged = await tx
      .select({ id: events.id })
      .from(events)
      .innerJoin(eventHosts, and(eq(eventHosts.eventId, events.id), eq(eventHosts.hostId, hostId)))
      .where(isNotNull(events.consentFlaggedAt));
    const cleared = await clearCoveredFlags(
      tx,
      flagged.map((event) => event.id),
      now,
    );
    await recordAudit(tx, {
      actorId,
      action: "host.consent_record",
      objectType: "customer_host",
      objectId: hostId,
      details: { consentId: row!.id, types: input.types, givenOn: input.givenOn, validUntil: input.validUntil, flagsCleared: cleared },
    });
    return row!.id;
  });
}

/**
 * Records that the host withdrew a consent, now. In the same transaction every safari not yet started
 * and not cancelled that it covered and no other consent of theirs covers is flagged, and its organizer
 * told (a "consent_withdrawn" notice).
 */
export async function withdrawConsent(actorId: string, hostId: string, consentId: string, now: Date): Promise<{ flagged: string[] }> {
  return transaction(async (tx) => {
    // Events first, then the consent: the order publishing locks them in, so the two never deadlock.
    const planned = await tx
      .select({
        id: events.id,
        type: events.type,
        status: events.status,
        title: events.title,
        startAt: events.startAt,
        endAt: events.endAt,
        timeZone: events.timeZone,
        organizerId: events.organizerId,
        consentFlaggedAt: events.consentFlaggedAt,
      })
      .from(events)
      .innerJoin(eventHosts, and(eq(eventHosts.eventId, events.id), eq(eventHosts.hostId, hostId)))
      .where(and(gt(events.startAt, now), ne(events.status, "cancelled")))
      .orderBy(asc(events.id))
      .for("update", { of: events });
    const [consent] = await tx
      .select()
      .from(hostConsents)
      .where(and(eq(hostConsents.id, consentId), eq(hostConsents.hostId, hostId)))
      .for("update");
    if (!consent) throw new AppError("NOT_FOUND");
    if (consent.withdrawnAt !== null) throw new AppError("INVALID_STATE", "This consent was withdrawn already.");
    await tx.update(hostConsents).set({ withdrawnAt: now }).where(eq(hostConsents.id, consentId));
    const consents = await tx.select().from(hostConsents).where(eq(hostConsents.hostId, hostId));
    const affected = affectedByWithdrawal(consents, consentId, planned, now);
    const [host] = await tx.select({ firstName: customerHosts.firstName, lastName: customerHosts.lastName }).from(customerHosts).where(eq(customerHosts.id, hostId));
    const name = `${host!.firstName} ${host!.lastName}`.trim();
    if (affected.length > 0) {
      const fresh = affected.filter((event) => event.consentFlaggedAt === null).map((event) => event.id);
      if (fresh.length > 0) await tx.update(events).set({ consentFlaggedAt: now }).where(inArray(events.id, fresh));
      await notify(
        tx,
        affected.map((event) => ({
          userId: event.organizerId,
          kind: "consent_withdrawn" as const,
          eventId: event.id,
          details: { ...safariDetails(event), hostName: name },
        })),
      );
    }
    const flagged = affected.map((event) => event.id);
    await recordAudit(tx, { actorId, action: "host.consent_withdraw", objectType: "customer_host", objectId: hostId, details: { consentId, flaggedEvents: flagged } });
    return { flagged };
  });
}

/** The consents of `hostIds`, locked against a withdrawal until the transaction ends. */
async function lockedConsents(tx: Transaction, hostIds: string[]): Promise<Map<string, Consent[]>> {
  const byHost = new Map<string, Consent[]>();
  if (hostIds.length === 0) return byHost;
  const rows = await tx.select().from(hostConsents).where(inArray(hostConsents.hostId, hostIds)).for("share");
  for (const row of rows) byHost.set(row.hostId, [...(byHost.get(row.hostId) ?? []), row]);
  return byHost;
}

/** Why each host in `hostIds` (all of `eventId`'s when omitted) may not be on the safari `event` describes: "Name: why", empty when all may. */
export async function consentProblems(tx: Transaction, eventId: string, event: ConsentedEvent, now: Date, hostIds?: string[]): Promise<string[]> {
  const hosts = await tx
    .select({ id: customerHosts.id, firstName: customerHosts.firstName, lastName: customerHosts.lastName })
    .from(customerHosts)
    .where(
      hostIds
        ? inArray(customerHosts.id, hostIds)
        : inArray(customerHosts.id, tx.select({ id: eventHosts.hostId }).from(eventHosts).where(eq(eventHosts.eventId, eventId))),
    )
    .orderBy(customerHosts.lastName, customerHosts.firstName);
  if (hosts.length === 0) return [];
  const consents = await lockedConsents(
    tx,
    hosts.map((host) => host.id),
  );
  const [type] = await tx.select({ name: eventTypes.name }).from(eventTypes).where(eq(eventTypes.key, event.type));
  const wording = { timeZone: getEnv().ORG_TIME_ZONE, typeLabel: () => type?.name ?? event.type };
  return hosts.flatMap((host) => {
    const verdict = consentVerdict(consents.get(host.id) ?? [], event, now, wording);
    return verdict.ok ? [] : [`${`${host.firstName} ${host.lastName}`.trim()}: ${verdict.why}`];
  });
}

/** Refuses with CONSENT_MISSING, the problems as field errors on `field`, unless there are none. */
export function refuseConsentProblems(problems: string[], field: string): void {
  if (problems.length === 0) return;
  throw new AppError("CONSENT_MISSING", `Nothing was changed. ${problems.join(" ")}`, { [field]: problems });
}

/** Clears the consent flag of those of `eventIds` whose hosts all have a consent covering them now; returns how many. */
async function clearCoveredFlags(tx: Transaction, eventIds: string[], now: Date): Promise<number> {
  let cleared = 0;
  for (const eventId of eventIds) {
    const [event] = await tx
      .select({ type: events.type, startAt: events.startAt, endAt: events.endAt })
      .from(events)
      .where(and(eq(events.id, eventId), isNotNull(events.consentFlaggedAt)))
      .for("update");
    if (!event) continue;
    if ((await consentProblems(tx, eventId, event, now)).length > 0) continue;
    await tx.update(events).set({ consentFlaggedAt: null }).where(eq(events.id, eventId));
    cleared++;
  }
  return cleared;
}

/** The event, locked, if its hosts and personas may still change: not started, not cancelled or completed. */
async function lockChangeableEvent(tx: Transaction, eventId: string, now: Date) {
  const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
  if (!event) throw new AppError("NOT_FOUND");
  if (event.status === "cancelled" || event.status === "completed" || event.startAt.getTime() <= now.getTime()) {
    throw new AppError("INVALID_STATE", "This safari has started or is over: its hosts and personas stay as they were.");
  }
  return event;
}

/** Puts a host on an event. A published event takes only a host whose consent covers it. */
export async function addHostToEvent(actorId: string, eventId: string, hostId: string, now: Date): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const event = await lockChangeableEvent(tx, eventId, now);
    const [host] = await tx.select({ archivedAt: customerHosts.archivedAt }).from(customerHosts).where(eq(customerHosts.id, hostId));
    if (!host || host.archivedAt) throw new AppError("NOT_FOUND", "Choose a customer host from the list.");
    if (event.status === "published") refuseConsentProblems(await consentProblems(tx, eventId, event, now, [hostId]), "hostId");
    await tx.insert(eventHosts).values({ eventId, hostId }).onConflictDoNothing();
    await recordAudit(tx, { actorId, action: "event.hosts_change", objectType: "event", objectId: eventId, details: { addedHost: hostId } });
  });
}

/** Takes a host off an event; a consent flag the host caused clears once the others are covered. */
export async function removeHostFromEvent(actorId: string, eventId: string, hostId: string, now: Date): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockChangeableEvent(tx, eventId, now);
    const removed = await tx
      .delete(eventHosts)
      .where(and(eq(eventHosts.eventId, eventId), eq(eventHosts.hostId, hostId)))
      .returning({ hostId: eventHosts.hostId });
    if (removed.length === 0) throw new AppError("NOT_FOUND");
    await clearCoveredFlags(tx, [eventId], now);
    await recordAudit(tx, { actorId, action: "event.hosts_change", objectType: "event", objectId: eventId, details: { removedHost: hostId } });
  });
}

/** Gives an event a persona, or takes it off. */
export async function setEventPersona(actorId: string, eventId: string, personaId: string, on: boolean, now: Date): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockChangeableEvent(tx, eventId, now);
    if (on) {
      const [persona] = await tx.select({ id: personas.id }).from(personas).where(eq(personas.id, personaId));
      if (!persona) throw new AppError("NOT_FOUND", "Choose a persona from the list.");
      await tx.insert(eventPersonas).values({ eventId, personaId }).onConflictDoNothing();
    } else {
      const removed = await tx
        .delete(eventPersonas)
        .where(and(eq(eventPersonas.eventId, eventId), eq(eventPersonas.personaId, personaId)))
        .returning({ personaId: eventPersonas.personaId });
      if (removed.length === 0) throw new AppError("NOT_FOUND");
    }
    const details = on ? { addedPersona: personaId } : { removedPersona: personaId };
    await recordAudit(tx, { actorId, action: "event.hosts_change", objectType: "event", objectId: eventId, details });
  });
}

/** Adds a persona; returns its id. A name already taken is refused by the database (PERSONA_NAME_TAKEN). */
export async function createPersona(actorId: string, input: PersonaInput): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(personas).values(input).returning({ id: personas.id });
    await recordAudit(tx, { actorId, action: "persona.create", objectType: "persona", objectId: row!.id, details: { name: input.name } });
    return row!.id;
  });
}

/** Changes a persona's name and description. */
export async function updatePersona(actorId: string, personaId: string, input: PersonaInput): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.update(personas).set(input).where(eq(personas.id, personaId)).returning({ id: personas.id });
    if (!row) throw new AppError("NOT_FOUND");
    await recordAudit(tx, { actorId, action: "persona.edit", objectType: "persona", objectId: personaId, details: { name: input.name } });
  });
}
