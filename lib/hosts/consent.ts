import type { EventStatus } from "@/db/enums";
import { formatInZone, nextDay, startOfDayIn } from "@/lib/time/zones";

/*
 * Whether a customer host's GDPR consents allow a safari with them: no consent, no event. Pure (no
 * database, no clock): callers pass the consents, the event and "now".
 *
 * A consent counts for an event when it covers the event's type, is not withdrawn, was given by now, lasts
 * until the event has ended and allows executives to observe. A withdrawal takes effect at `withdrawnAt`:
 * at or before now the consent is withdrawn. One recorded with a later timestamp should not exist (a host
 * withdraws now, not next week); if one does, the consent still counts now but ends there, like an expiry,
 * so it never covers a safari that runs past it.
 */

export type Consent = {
  id: string;
  givenAt: Date;
  /** The event-type keys it covers, e.g. "home_visit". */
  eventTypes: readonly string[];
  /** Exclusive: the first instant the consent no longer covers. */
  validUntil: Date;
  executivesMayObserve: boolean;
  recordingAllowed: boolean;
  withdrawnAt: Date | null;
};

export type ConsentedEvent = { type: string; startAt: Date; endAt: Date };

export type ConsentVerdict<C extends Consent = Consent> = { ok: true; consent: C } | { ok: false; why: string };

export type ConsentWording = {
  /** The organisation's zone: dates in the messages are written in it. */
  timeZone: string;
  /** What the organizer calls an event type; the key itself when omitted. */
  typeLabel?: (type: string) => string;
};

/** Why one consent does not count for an event, in the order checked: a later one came closer to counting. */
const misses = ["type", "withdrawn", "notYetGiven", "endsTooSoon", "noObservers"] as const;
type Miss = (typeof misses)[number];

const withdrawnBy = (consent: Consent, now: Date) => consent.withdrawnAt !== null && consent.withdrawnAt.getTime() <= now.getTime();

/** When the consent stops covering: its end, or a withdrawal recorded ahead of now if that comes first. */
function effectiveEnd(consent: Consent): Date {
  const { validUntil, withdrawnAt } = consent;
  return withdrawnAt && withdrawnAt.getTime() < validUntil.getTime() ? withdrawnAt : validUntil;
}

function missFor(consent: Consent, event: ConsentedEvent, now: Date): Miss | null {
  if (!consent.eventTypes.includes(event.type)) return "type";
  if (withdrawnBy(consent, now)) return "withdrawn";
  if (consent.givenAt.getTime() > now.getTime()) return "notYetGiven";
  if (effectiveEnd(consent).getTime() < event.endAt.getTime()) return "endsTooSoon";
  if (!consent.executivesMayObserve) return "noObservers";
  return null;
}

/** Whether this consent alone allows the event with its host at `now`. */
export const consentCovers = (consent: Consent, event: ConsentedEvent, now: Date) => missFor(consent, event, now) === null;

/**
 * Whether a host's consents allow publishing `event` with them at `now`: the first consent that counts, or
 * why none does, as a message for the host field. When several consents fall short, the one that came
 * closest is described (a withdrawal before an expiry, an expiry before a missing observer permission).
 */
export function consentVerdict<C extends Consent>(
  consents: readonly C[],
  event: ConsentedEvent,
  now: Date,
  wording: ConsentWording,
): ConsentVerdict<C> {
  if (consents.length === 0) {
    return { ok: false, why: "This customer host has not given consent to take part in a safari. Record their consent first." };
  }
  let closest: { consent: C; miss: Miss } | null = null;
  for (const consent of consents) {
    const miss = missFor(consent, event, now);
    if (miss === null) return { ok: true, consent };
    if (!closest || misses.indexOf(miss) > misses.indexOf(closest.miss) || (miss === closest.miss && isCloser(consent, closest.consent, miss))) {
      closest = { consent, miss };
    }
  }
  // Not null: there was at least one consent, and none counted.
  return { ok: false, why: missMessage(closest!.consent, closest!.miss, event, now, wording) };
}

/** Between two consents that fall short the same way, the one worth describing: the latest withdrawal, the latest end. */
function isCloser(candidate: Consent, current: Consent, miss: Miss): boolean {
  if (miss === "withdrawn") return candidate.withdrawnAt!.getTime() > current.withdrawnAt!.getTime();
  if (miss === "endsTooSoon") return effectiveEnd(candidate).getTime() > effectiveEnd(current).getTime();
  return false;
}

function missMessage(
  consent: Consent,
  miss: Miss,
  event: ConsentedEvent,
  now: Date,
  { timeZone, typeLabel = (type) => type }: ConsentWording,
): string {
  const type = typeLabel(event.type);
  const when = (instant: Date) => formatInZone(instant, timeZone);
  switch (miss) {
    case "type":
      return `This customer host's consent does not cover ${type}. Record their consent for ${type} first.`;
    case "withdrawn":
      return `This customer host withdrew their consent for ${type} on ${when(consent.withdrawnAt!)}.`;
    case "notYetGiven":
      return `This customer host's consent for ${type} counts only from ${when(consent.givenAt)}.`;
    case "endsTooSoon": {
      const end = effectiveEnd(consent);
      if (end !== consent.validUntil) {
        return `This customer host's withdrawal of consent for ${type} takes effect on ${when(end)}, before this safari ends (${when(event.endAt)}).`;
      }
      const until = validityEnd(end, timeZone);
      return end.getTime() <= now.getTime()
        ? `This customer host's consent for ${type} has expired: it was valid until ${until}. Ask them to renew it.`
        : `This customer host's consent for ${type} is valid only until ${until}, before this safari ends (${when(event.endAt)}). Ask them to extend it.`;
    }
    case "noObservers":
      return `This customer host's consent for ${type} does not allow executives to observe. Ask them for that consent first.`;
  }
}

/** "the end of Wed 30 Dec 2026" for an end at a midnight in `zone` (how the form records it), else the exact time. */
function validityEnd(end: Date, zone: string): string {
  const day = formatInZone(end, zone, "yyyy-MM-dd");
  return startOfDayIn(day, zone).getTime() === end.getTime()
    ? `the end of ${formatInZone(new Date(end.getTime() - 1), zone, "EEE d MMM yyyy")}`
    : formatInZone(end, zone);
}

export type PlannedEvent = ConsentedEvent & { id: string; status: EventStatus };

/**
 * The safaris the organizers must be shown after a host withdrew consent `withdrawnConsentId`: those not yet
 * started and not cancelled that the withdrawn consent covered (as if it had not been withdrawn) and no other
 * of the host's consents covers at `now`. Safaris it never covered are not its doing and are not listed.
 * In the order given.
 */
export function affectedByWithdrawal<E extends PlannedEvent>(
  consents: readonly Consent[],
  withdrawnConsentId: string,
  events: readonly E[],
  now: Date,
): E[] {
  const withdrawn = consents.find((consent) => consent.id === withdrawnConsentId);
  if (!withdrawn) return [];
  const asBefore: Consent = { ...withdrawn, withdrawnAt: null };
  const remaining = consents.filter((consent) => consent.id !== withdrawnConsentId);
  return events.filter(
    (event) =>
      event.status !== "cancelled" &&
      event.startAt.getTime() > now.getTime() &&
      consentCovers(asBefore, event, now) &&
      !remaining.some((consent) => consentCovers(consent, event, now)),
  );
}

/*
 * The form records calendar days in the organisation's zone; a consent holds instants. "Given on 2026-07-01"
 * counts from the start of that day, "valid until 2026-12-31" includes that whole day, so it ends at the
 * start of 1 January: days are 23 or 25 hours long when the clocks change, and midnight may not exist.
 */

/** The instant a consent given on `day` counts from: the start of that day in `zone`. */
export const givenOnInstant = (day: string, zone: string): Date => startOfDayIn(day, zone);

/** The exclusive end of a consent valid until `day` (included): the start of the next day in `zone`. */
export const validUntilInstant = (day: string, zone: string): Date => startOfDayIn(nextDay(day), zone);
