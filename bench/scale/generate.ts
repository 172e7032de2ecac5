import { type EventStatus, type MomentEmotion, type ParticipationStatus, builtInEventTypes, momentEmotions } from "@/db/enums";
import { emotionsOfMoments } from "@/lib/reflections/moments";
import { todayIn } from "@/lib/reflections/schema";
import { localToInstant } from "@/lib/time/zones";
import { chance, int, mulberry32, sample, weighted, type Rng } from "../matching/generate";
import * as text from "./texts";

type EventType = (typeof builtInEventTypes)[number];

/*
 * A large company for the scale benchmark, from a fixed seed: 2,020 executives, a few organizers,
 * reviewers and an admin, and (by default) 50,015 safaris over about three years with their
 * participations, reflections with their moments (about 375,000), emotions, commitments and the moments they answer, inbox notices and audit lines. Every row keeps the
 * database's rules: no event holds more seat-holding participations than seats, no executive holds two
 * overlapping seats, and every check constraint of db/schema.ts holds.
 *
 * Safaris are generated day by day from the furthest future day backwards, and every random draw is made
 * in that order, so a smaller load (--events 10000) is exactly the most recent part of a larger one: the
 * same current and previous quarter, with less history behind them. Dates are relative to `now`.
 */

export type Value = string | number | boolean | Date | null | string[] | Record<string, unknown>;
export type TableRows = { table: string; columns: string[]; rows: Value[][] };

export const defaultEventCount = 50_015;
export const defaultSeed = 20_261_123;
const executiveCount = 2_020;
const domain = "scale.example";

/** Safaris per weekday (weekends get a tenth): 50,015 of them fill about three years. */
const weekdayEvents = 62;
/** How far ahead safaris are planned; the density falls to 30 % towards the end. */
const futureDays = 60;

const dayMs = 86_400_000;
const hourMs = 3_600_000;
const minuteMs = 60_000;

type Staff = { key: string; name: string; role: "organizer" | "reviewer" | "admin" };
const staff: Staff[] = [
  { key: "lena.hoffmann", name: "Lena Hoffmann", role: "organizer" },
  { key: "jonas.weber", name: "Jonas Weber", role: "organizer" },
  { key: "amira.haddad", name: "Amira Haddad", role: "organizer" },
  { key: "tom.becker", name: "Tom Becker", role: "organizer" },
  { key: "ioanna.pappa", name: "Ioanna Pappa", role: "organizer" },
  { key: "grace.lee", name: "Grace Lee", role: "organizer" },
  { key: "katrin.albers", name: "Dr. Katrin Albers", role: "reviewer" },
  { key: "robert.stein", name: "Robert Stein", role: "reviewer" },
  { key: "helen.park", name: "Helen Park", role: "reviewer" },
  { key: "tobias.krueger", name: "Tobias Krüger", role: "admin" },
];

/** The accounts the benchmark signs in with (all share the demo password). */
export const scaleSignIns = {
  organizer: `lena.hoffmann@${domain}`,
  reviewer: `katrin.albers@${domain}`,
  admin: `tobias.krueger@${domain}`,
} as const;

const zones: [string, number][] = [
  ["Europe/Berlin", 60],
  ["Europe/Athens", 15],
  ["America/New_York", 15],
  ["Asia/Singapore", 10],
];

type Slot = { starts: [number, number]; minutes: [number, number]; seats: [number, number]; weight: number };
/** Local start (minutes after midnight, every half hour in the range), length and seats by type. */
const slots: Record<EventType, Slot> = {
  call_listening: { starts: [8 * 60, 15 * 60], minutes: [60, 120], seats: [1, 4], weight: 30 },
  customer_breakfast: { starts: [7 * 60 + 30, 9 * 60], minutes: [120, 120], seats: [4, 8], weight: 12 },
  service_desk_day: { starts: [8 * 60, 9 * 60], minutes: [480, 480], seats: [1, 3], weight: 12 },
  customer_event: { starts: [17 * 60 + 30, 19 * 60], minutes: [150, 180], seats: [6, 16], weight: 10 },
  home_visit: { starts: [10 * 60, 16 * 60], minutes: [90, 120], seats: [1, 2], weight: 12 },
  store_visit: { starts: [9 * 60, 14 * 60], minutes: [180, 180], seats: [2, 6], weight: 18 },
  other: { starts: [9 * 60, 16 * 60], minutes: [60, 240], seats: [2, 6], weight: 6 },
};
const typeWeights = builtInEventTypes.map((type) => [type, slots[type].weight] as const);

/** Deterministic, distinct UUIDs: a 32-bit mix is a bijection, so (tag, index) → first word is unique. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}
function makeId(seed: number, tag: number, index: number): string {
  const first = mix32(((tag << 24) | index) ^ seed);
  const words = [first, mix32(first + 1), mix32(first + 2), mix32(first + 3)];
  const hex = words.map((w) => w.toString(16).padStart(8, "0")).join("");
  // Version 4 and the RFC 4122 variant, so it reads as an ordinary random UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
const tags = { user: 1, blackout: 2, persona: 3, host: 4, event: 5, participation: 6, reflection: 7, commitment: 8, notification: 9, audit: 10, consent: 11, moment: 12 } as const;

const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z]/g, "");

const between = (rng: Rng, from: number, to: number) => from + Math.floor(rng() * Math.max(0, to - from));
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Instants of wall-clock times in a zone; the offset at noon serves the whole day (clocks change at night). */
function zonedClock() {
  const offsets = new Map<string, number>();
  return (date: string, minutes: number, zone: string): number => {
    const key = `${zone} ${date}`;
    let delta = offsets.get(key);
    if (delta === undefined) {
      const noon = localToInstant(`${date}T12:00`, zone)!;
      delta = noon.getTime() - Date.parse(`${date}T12:00:00Z`);
      offsets.set(key, delta);
    }
    return Date.parse(`${date}T00:00:00Z`) + minutes * minuteMs + delta;
  };
}

type Executive = { id: string; email: string; zone: string; weight: number };

/** A participation's answer and its times (milliseconds), where it has them. */
type Answer = {
  withdrawnAt?: number;
  late?: boolean;
  respondBy?: number;
  respondedAt?: number;
  reason?: string | null;
  expiredAt?: number;
  waitlistedAt?: number;
  promotedAt?: number;
};

export type Company = {
  tables: TableRows[];
  /** The sign-ins: fixed staff accounts, and the executive with the most participations. */
  signIns: { organizer: string; reviewer: string; admin: string; executive: string };
  busiestExecutive: { email: string; participations: number; notifications: number };
  /** The event with the most participations, for its organizer page. */
  busiestEventId: string;
  /** The first and the last safari's start. */
  span: { first: Date; last: Date };
  counts: Record<string, number>;
};

export function generateCompany(options: { events: number; seed: number; now: Date; passwordHash: string }): Company {
  const { seed, now: nowDate, passwordHash } = options;
  const now = nowDate.getTime();
  const id = (tag: number, index: number) => makeId(seed, tag, index);
  const clock = zonedClock();

  // People first, from a stream of their own, so that they do not depend on the number of events.
  const peopleRng = mulberry32(seed);
  const users: Value[][] = [];
  const profiles: Value[][] = [];
  const blackouts: Value[][] = [];
  const joined = new Date(now - 4 * 365 * dayMs);
  const staffIds = new Map<string, string>();
  for (const person of staff) {
    const userId = id(tags.user, users.length);
    staffIds.set(person.key, userId);
    users.push([userId, `${person.key}@${domain}`, person.name, passwordHash, person.role, "Europe/Berlin", joined]);
  }
  const organizerIds = staff.filter((p) => p.role === "organizer").map((p) => staffIds.get(p.key)!);

  const names = sample(
    peopleRng,
    text.firstNames.flatMap((first) => text.lastNames.map((last) => [first, last] as const)),
    executiveCount,
  );
  const executives: Executive[] = [];
  const cLevelTaken = new Set<string>();
  for (const [first, last] of names) {
    const userId = id(tags.user, users.length);
    const email = `${ascii(first)}.${ascii(last)}@${domain}`;
    const zone = weighted(peopleRng, zones);
    users.push([userId, email, `${first} ${last}`, passwordHash, "executive", zone, joined]);
    // Some leaders never go out, most now and then, a few very often.
    const weight = chance(peopleRng, 0.07) ? 0 : (0.2 + peopleRng()) ** 2;
    executives.push({ id: userId, email, zone, weight });
    // A few have no profile yet (the summary shows them apart).
    if (chance(peopleRng, 0.01)) continue;
    const department = weighted(peopleRng, text.departments);
    const seniority = !cLevelTaken.has(department) && chance(peopleRng, 0.05) ? "c_level" : chance(peopleRng, 0.18) ? "vp" : "director";
    if (seniority === "c_level") cLevelTaken.add(department);
    profiles.push([
      userId,
      department,
      seniority,
      [...new Set(["en", zone === "Europe/Athens" ? "el" : zone === "Europe/Berlin" ? "de" : "en", ...(chance(peopleRng, 0.2) ? ["fr"] : [])])],
      weighted(peopleRng, [[1, 60], [2, 30], [3, 10]]),
      int(peopleRng, 2, 6),
      sample(peopleRng, builtInEventTypes.slice(0, 6), weighted(peopleRng, [[0, 40], [1, 40], [2, 20]])),
    ]);
    for (let k = weighted(peopleRng, [[0, 60], [1, 30], [2, 10]]); k > 0; k--) {
      const start = now + int(peopleRng, -120, 180) * dayMs;
      blackouts.push([id(tags.blackout, blackouts.length), userId, new Date(start), new Date(start + int(peopleRng, 1, 14) * dayMs), zone]);
    }
  }
  const cumulative: number[] = [];
  let totalWeight = 0;
  for (const e of executives) cumulative.push((totalWeight += e.weight));
  const pickExecutive = (rng: Rng) => {
    const r = rng() * totalWeight;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  const personaIds = text.personaNames.map((_, i) => id(tags.persona, i));
  const personas = text.personaNames.map(([name, description], i): Value[] => [personaIds[i]!, name, description, joined]);
  const hosts: Value[][] = [];
  const consents: Value[][] = [];
  const hostsByPersona = personas.map(() => [] as string[]);
  for (let i = 0; i < 400; i++) {
    const persona = i % personas.length;
    const hostId = id(tags.host, i);
    const given = now - int(peopleRng, 30, 3 * 365) * dayMs;
    const withdrawn = chance(peopleRng, 0.05) ? new Date(given + int(peopleRng, 1, 20) * dayMs) : null;
    const validUntil = new Date(given + int(peopleRng, 180, 3 * 365) * dayMs);
    const email = chance(peopleRng, 0.5) ? `host${i + 1}@example.net` : null;
    hosts.push([hostId, "Host", `${i + 1} (${text.personaNames[persona]![0]})`, email, personaIds[persona]!, "de", new Date(given)]);
    consents.push([id(tags.consent, i), hostId, new Date(given), [...builtInEventTypes], validUntil, true, false, withdrawn, new Date(given)]);
    hostsByPersona[persona]!.push(hostId);
  }

  // Safaris, from the last planned day backwards; one stream for everything that hangs off them.
  const rng = mulberry32(seed ^ 0x5a5a5a5a);
  const events: Value[][] = [];
  const eventPersonas: Value[][] = [];
  const eventHosts: Value[][] = [];
  const participations: Value[][] = [];
  const reflections: Value[][] = [];
  const moments: Value[][] = [];
  const emotions: Value[][] = [];
  const commitments: Value[][] = [];
  const commitmentMoments: Value[][] = [];
  const notifications: Value[][] = [];
  const audit: Value[][] = [];
  /** Per executive: [start, end, walk day] of every seat they hold (and no-shows), to keep seats apart. */
  const booked: number[][] = executives.map(() => []);
  const participationsOf = new Array<number>(executives.length).fill(0);
  const notificationsOf = new Array<number>(executives.length).fill(0);
  const eventSize = new Map<string, number>();
  const emotionValues = [...momentEmotions];
  const todayMs = Date.parse(`${todayIn("Europe/Berlin", nowDate)}T00:00:00Z`);
  let firstStart = Infinity;
  let lastStart = -Infinity;

  const isFree = (executive: number, start: number, end: number, day: number) => {
    const mine = booked[executive]!;
    // Entries are in walk order, nearest days last; only the same and the next calendar day can overlap.
    for (let k = mine.length - 3; k >= 0; k -= 3) {
      if (mine[k + 2]! < day - 1) break;
      if (mine[k]! < end && start < mine[k + 1]!) return false;
    }
    return true;
  };

  const notify = (executive: number, kind: string, eventId: string, details: Record<string, unknown>, at: number) => {
    const read = at < now - 3 * dayMs && chance(rng, 0.9) ? new Date(Math.min(now, at + int(rng, 1, 48) * hourMs)) : null;
    notifications.push([id(tags.notification, notifications.length), executives[executive]!.id, kind, eventId, details, null, new Date(at), read, "skipped"]);
    notificationsOf[executive]!++;
  };

  for (let day = futureDays; events.length < options.events; day--) {
    const date = isoDate(todayMs + day * dayMs);
    const weekday = new Date(todayMs + day * dayMs).getUTCDay();
    const density = weekday === 0 || weekday === 6 ? 0.1 : 1;
    const ramp = day > 0 ? 1 - (0.7 * day) / futureDays : 1;
    const count = Math.round(weekdayEvents * density * ramp * (0.7 + 0.6 * rng()));
    for (let n = 0; n < count && events.length < options.events; n++) {
      const type = weighted(rng, typeWeights);
      const slot = slots[type];
      const zone = weighted(rng, zones);
      const startMinutes = slot.starts[0] + 30 * int(rng, 0, (slot.starts[1] - slot.starts[0]) / 30);
      const start = clock(date, startMinutes, zone);
      const end = start + 30 * int(rng, slot.minutes[0] / 30, slot.minutes[1] / 30) * minuteMs;
      const seats = int(rng, slot.seats[0], slot.seats[1]);
      const eventId = id(tags.event, events.length);
      const organizerId = organizerIds[int(rng, 0, organizerIds.length - 1)]!;
      const future = start > now;
      const recent = end > now - 14 * dayMs;
      const status: EventStatus = future
        ? weighted(rng, [["published", 85], ["draft", 10], ["cancelled", 5]])
        : end > now
          ? weighted(rng, [["published", 96], ["cancelled", 4]])
          : recent
          ? weighted(rng, [["completed", 60], ["published", 36], ["cancelled", 4]])
          : weighted(rng, [["completed", 96], ["cancelled", 4]]);
      const created = Math.min(start - int(rng, 14, 60) * dayMs, now - int(rng, 1, 72) * hourMs);
      const cancelledAt = status === "cancelled" ? between(rng, created, Math.min(start, now)) : null;
      const cancellationReason = status === "cancelled" ? text.cancellationReasons[int(rng, 0, text.cancellationReasons.length - 1)]! : null;
      const title = `${text.typeTitles[type]}: ${text.topics[int(rng, 0, text.topics.length - 1)]}`;
      events.push([
        eventId, type, title, text.briefings[int(rng, 0, text.briefings.length - 1)]!, text.locations[int(rng, 0, text.locations.length - 1)]!,
        new Date(start), new Date(end), zone, seats, status, cancelledAt === null ? null : new Date(cancelledAt), cancellationReason, organizerId,
        new Date(created), new Date(cancelledAt ?? created),
      ]);
      firstStart = Math.min(firstStart, start);
      lastStart = Math.max(lastStart, start);
      const personaIndexes = sample(rng, personas.map((_, i) => i), int(rng, 1, 2));
      for (const p of personaIndexes) eventPersonas.push([eventId, personaIds[p]!]);
      if (type !== "call_listening" && type !== "service_desk_day" && chance(rng, 0.7)) {
        for (const hostId of sample(rng, hostsByPersona[personaIndexes[0]!]!, int(rng, 1, 2))) eventHosts.push([eventId, hostId]);
      }
      const details = { title, startAt: new Date(start).toISOString(), endAt: new Date(end).toISOString(), timeZone: zone };
      audit.push([id(tags.audit, audit.length), new Date(created), organizerId, "event.create", "event", eventId, { ...details, seats }]);
      if (status !== "draft") audit.push([id(tags.audit, audit.length), new Date(created + hourMs), organizerId, "event.publish", "event", eventId, {}]);
      if (status === "draft") continue;

      // Seat holders: the nearer the safari, the fuller; past ones mostly full.
      const daysAhead = (start - now) / dayMs;
      const fill = future ? Math.min(1, Math.max(0.15, 0.95 - daysAhead * 0.012) * (0.6 + 0.5 * rng())) : 0.8 + 0.2 * rng();
      const holders = Math.max(future ? 0 : 1, Math.min(seats, Math.round(seats * fill)));
      const here = new Set<number>();
      const pickFor = (needsTime: boolean) => {
        for (let tries = 0; tries < 30; tries++) {
          const e = pickExecutive(rng);
          if (here.has(e) || (needsTime && !isFree(e, start, end, -day))) continue;
          here.add(e);
          return e;
        }
        return -1;
      };
      let held = 0;
      const add = (e: number, status: ParticipationStatus, source: string, extra: Answer, at: number) => {
        const participationId = id(tags.participation, participations.length);
        const time = (key: "withdrawnAt" | "respondBy" | "respondedAt" | "expiredAt" | "waitlistedAt" | "promotedAt") =>
          extra[key] === undefined ? null : new Date(extra[key]);
        const changed = Math.max(at, extra.withdrawnAt ?? 0, extra.respondedAt ?? 0, extra.expiredAt ?? 0, extra.promotedAt ?? 0);
        participations.push([
          participationId, eventId, executives[e]!.id, status, source, time("withdrawnAt"), extra.late ?? false, time("respondBy"), time("respondedAt"),
          extra.reason ?? null, time("expiredAt"), time("waitlistedAt"), time("promotedAt"), new Date(at), new Date(Math.min(now, changed)),
        ]);
        participationsOf[e]!++;
        if (source === "matched") {
          const respondBy = new Date(extra.respondBy ?? Math.min(at + 5 * dayMs, start - dayMs));
          notify(e, "invitation", eventId, { ...details, respondBy: respondBy.toISOString() }, at);
        }
        if (extra.promotedAt !== undefined) notify(e, "promotion", eventId, details, extra.promotedAt);
        if (status === "cancelled") notify(e, "cancellation", eventId, { ...details, reason: cancellationReason }, cancelledAt!);
        return participationId;
      };
      const signedUpAt = () => between(rng, created + hourMs, Math.min(start, now) - hourMs);

      for (let k = 0; k < holders; k++) {
        const cancelled = status === "cancelled";
        const e = pickFor(!cancelled);
        if (e < 0) continue;
        held++;
        const source = weighted(rng, [["signed_up", 50], ["matched", 35], ["assigned", 15]]);
        const at = signedUpAt();
        if (!cancelled) booked[e]!.push(start, end, -day);
        if (cancelled) {
          add(e, "cancelled", source, {}, Math.min(at, cancelledAt!));
        } else if (future || status === "published") {
          // An open invitation holds its seat; its deadline lies ahead, so no job lapses it during the bench.
          const invitedAt = Math.max(created + hourMs, now - int(rng, 0, 48) * hourMs);
          const respondBy = Math.min(invitedAt + 5 * dayMs, start - dayMs);
          if (future && respondBy > now + 2 * dayMs && chance(rng, 0.2)) add(e, "invited", "matched", { respondBy }, invitedAt);
          else if (source === "signed_up" && chance(rng, 0.05)) {
            const waitlistedAt = at - int(rng, 1, 72) * hourMs;
            add(e, "confirmed", source, { waitlistedAt, promotedAt: at }, waitlistedAt);
          } else add(e, "confirmed", source, source === "matched" ? { respondedAt: at + hourMs } : {}, at);
        } else {
          const outcome = chance(rng, 0.05) ? "no_show" : "attended";
          const participationId = add(e, outcome, source, source === "matched" ? { respondedAt: at + hourMs } : {}, at);
          if (outcome === "attended" && end < now - 2 * hourMs && chance(rng, 0.945)) reflect(e, participationId, eventId, end, zone);
        }
      }
      // Those who are not (or no longer) on it: declined, withdrew, let the invitation lapse, or wait.
      const full = held >= seats;
      const extras = chance(rng, 0.32) ? int(rng, 1, 2) : 0;
      for (let k = 0; k < extras; k++) {
        const e = pickFor(false);
        if (e < 0) continue;
        const at = signedUpAt();
        const kind = weighted(rng, [["declined", 35], ["withdrawn", 25], ["expired", 15], ["waitlisted", full && status !== "cancelled" ? 25 : 0]]);
        if (kind === "declined") {
          const respondedAt = Math.min(now, at + int(rng, 1, 96) * hourMs);
          const reason = chance(rng, 0.5) ? text.declineReasons[int(rng, 0, 3)]! : null;
          add(e, "declined", "matched", { respondBy: at + 5 * dayMs, respondedAt, reason }, at);
        } else if (kind === "withdrawn") {
          const withdrawnAt = between(rng, at, Math.min(start, now));
          add(e, "declined", "signed_up", { withdrawnAt, late: withdrawnAt > start - dayMs }, at);
        } else if (kind === "expired") {
          const respondBy = Math.min(at + 5 * dayMs, start - dayMs);
          if (respondBy >= now || respondBy <= at) continue;
          add(e, "declined", "matched", { respondBy, expiredAt: respondBy }, at);
        } else {
          add(e, "waitlisted", "signed_up", { waitlistedAt: at }, at);
        }
      }
      eventSize.set(eventId, here.size);
      if (status === "completed") {
        const at = new Date(Math.min(now, end + int(rng, 1, 48) * hourMs));
        audit.push([id(tags.audit, audit.length), at, organizerId, "event.complete", "event", eventId, {}]);
      }
      if (status === "cancelled") {
        const cancelDetails = { reason: cancellationReason, participationsCancelled: held };
        audit.push([id(tags.audit, audit.length), new Date(cancelledAt!), organizerId, "event.cancel", "event", eventId, cancelDetails]);
      }
    }
  }

  /**
   * A reflection written within days of the safari: its moments (two to four, ouch first, in the safari's
   * language), the emotions derived from them as the app derives them, its commitments, each answering one
   * or two of its moments, the empathy map and scores. The moments' copies (author, event, visibility,
   * start, summary_at) are left to the database's trigger, which COPY fires like any insert.
   */
  function reflect(executive: number, participationId: string, eventId: string, end: number, zone: string) {
    const reflectionId = id(tags.reflection, reflections.length);
    const authorId = executives[executive]!.id;
    const written = Math.min(now, end + int(rng, 2, 120) * hourMs);
    const items = () => [int(rng, 1, 7), int(rng, 1, 7), int(rng, 1, 7)];
    const before = chance(rng, 0.1) ? null : items();
    const after = before === null || chance(rng, 0.05) ? null : before.map((v) => String(Math.min(7, v + int(rng, 0, 2))));
    const note = (list: readonly string[], p: number) => (chance(rng, p) ? list[int(rng, 0, list.length - 1)]! : "");
    reflections.push([
      reflectionId, participationId, authorId, eventId,
      chance(rng, 0.6) ? text.surprises[int(rng, 0, text.surprises.length - 1)]! : "",
      note(text.mapNotes.said, 0.5), note(text.mapNotes.did, 0.4), note(text.mapNotes.thought, 0.3), note(text.mapNotes.felt, 0.3),
      chance(rng, 0.1) ? null : int(rng, 1, 5),
      before === null ? null : before.map(String), after,
      weighted(rng, [["private", 15], ["cx_team", 60], ["anonymised", 25]]),
      new Date(written),
    ]);
    const language = zone === "Europe/Athens" ? "el" : zone === "Europe/Berlin" ? "de" : "en";
    const texts = text.momentTexts[language];
    const total = weighted(rng, [[2, 50], [3, 45], [4, 5]]);
    const ouches = total === 2 ? 1 : int(rng, 1, total - 1);
    const felt: { emotion: MomentEmotion; intensity: number }[] = [];
    const momentIds: string[] = [];
    for (let position = 0; position < total; position++) {
      const kind = position < ouches ? "ouch" : "aah";
      const moment = chance(rng, 0.001) ? text.rareMoment : sample(rng, kind === "ouch" ? texts.ouch : texts.aah, 1)[0]!;
      const emotion = kind === "ouch" ? emotionValues[int(rng, 0, 4)]! : emotionValues[int(rng, 4, emotionValues.length - 1)]!;
      const intensity = int(rng, 1, 5);
      const momentId = id(tags.moment, moments.length);
      moments.push([momentId, reflectionId, position, kind, moment.body, position === 0 && chance(rng, 0.6) ? texts.quotes[int(rng, 0, texts.quotes.length - 1)]! : "", moment.stage, emotion, intensity]);
      momentIds.push(momentId);
      felt.push({ emotion, intensity });
    }
    for (const { emotion, intensity } of emotionsOfMoments(felt)) emotions.push([reflectionId, emotion, intensity]);
    for (let k = weighted(rng, [[0, 5], [1, 25], [2, 45], [3, 15], [4, 10]]); k > 0; k--) {
      const due = written + int(rng, 14, 120) * dayMs;
      const overdue = due < now;
      const status = weighted(rng, overdue ? [["done", 55], ["dropped", 10], ["open", 35]] : [["done", 15], ["open", 80], ["dropped", 5]]);
      const doneAt = status === "done" ? new Date(between(rng, written, Math.min(due, now))) : null;
      const body = text.commitmentBodies[int(rng, 0, text.commitmentBodies.length - 1)]!;
      const commitmentId = id(tags.commitment, commitments.length);
      commitments.push([commitmentId, reflectionId, authorId, body, isoDate(due), status, doneAt, new Date(written)]);
      for (const momentId of sample(rng, momentIds, chance(rng, 0.3) ? 2 : 1)) commitmentMoments.push([commitmentId, momentId]);
    }
  }

  let busiest = 0;
  for (let e = 1; e < executives.length; e++) if (participationsOf[e]! > participationsOf[busiest]!) busiest = e;
  let busiestEventId = "";
  for (const [eventId, size] of eventSize) if (size > (eventSize.get(busiestEventId) ?? -1)) busiestEventId = eventId;

  const tables: TableRows[] = [
    { table: "users", columns: ["id", "email", "name", "password_hash", "role", "time_zone", "created_at"], rows: users },
    { table: "executive_profiles", columns: ["user_id", "department", "seniority", "languages", "cadence_per_quarter", "monthly_cap", "preferred_types"], rows: profiles },
    { table: "executive_blackouts", columns: ["id", "user_id", "start_at", "end_at", "time_zone"], rows: blackouts },
    { table: "personas", columns: ["id", "name", "description", "created_at"], rows: personas },
    { table: "customer_hosts", columns: ["id", "first_name", "last_name", "contact_email", "persona_id", "language", "created_at"], rows: hosts },
    { table: "host_consents", columns: ["id", "host_id", "given_at", "event_types", "valid_until", "executives_may_observe", "recording_allowed", "withdrawn_at", "created_at"], rows: consents },
    { table: "events", columns: ["id", "type", "title", "briefing", "location", "start_at", "end_at", "time_zone", "seats", "status", "cancelled_at", "cancellation_reason", "organizer_id", "created_at", "updated_at"], rows: events },
    { table: "event_personas", columns: ["event_id", "persona_id"], rows: eventPersonas },
    { table: "event_hosts", columns: ["event_id", "host_id"], rows: eventHosts },
    {
      table: "participations",
      columns: ["id", "event_id", "executive_id", "status", "source", "withdrawn_at", "withdrawn_late", "respond_by", "responded_at", "decline_reason", "expired_at", "waitlisted_at", "promoted_at", "created_at", "updated_at"],
      rows: participations,
    },
    {
      table: "reflections",
      columns: ["id", "participation_id", "author_id", "event_id", "surprise", "map_said", "map_did", "map_thought", "map_felt", "surprise_score", "empathy_items_before", "empathy_items_after", "visibility", "created_at"],
      rows: reflections,
    },
    // After their reflections, so that the triggers find what they copy.
    { table: "reflection_moments", columns: ["id", "reflection_id", "position", "kind", "body", "quote", "journey_stage", "emotion", "intensity"], rows: moments },
    { table: "reflection_emotions", columns: ["reflection_id", "emotion", "intensity"], rows: emotions },
    { table: "commitments", columns: ["id", "reflection_id", "owner_id", "body", "due_on", "status", "done_at", "created_at"], rows: commitments },
    { table: "commitment_moments", columns: ["commitment_id", "moment_id"], rows: commitmentMoments },
    // Mailed long ago: the delivery job has nothing of the history left to send.
    { table: "notifications", columns: ["id", "user_id", "kind", "event_id", "details", "dedupe_key", "created_at", "read_at", "mail_status"], rows: notifications },
    { table: "audit_log", columns: ["id", "at", "actor_id", "action", "object_type", "object_id", "details"], rows: audit },
  ];
  return {
    tables,
    signIns: { ...scaleSignIns, executive: executives[busiest]!.email },
    busiestExecutive: { email: executives[busiest]!.email, participations: participationsOf[busiest]!, notifications: notificationsOf[busiest]! },
    busiestEventId,
    span: { first: new Date(firstStart), last: new Date(lastStart) },
    counts: Object.fromEntries(tables.map((t) => [t.table, t.rows.length])),
  };
}
