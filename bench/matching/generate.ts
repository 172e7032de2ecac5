import type { Interval, MatchEvent, MatchExecutive, MatchingInput } from "../../lib/matching/types";

/*
 * Seeded generator of realistic matching instances for one quarter. It has its own PRNG so the same
 * seed gives the same instance on every machine and Node version (Math.random cannot be seeded).
 */

/** mulberry32: tiny, fast, good enough for test data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Rng = () => number;
export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const chance = (rng: Rng, p: number) => rng() < p;
export function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}
export function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return out;
}

export const hourMs = 3_600_000;
export const dayMs = 24 * hourMs;

export const eventTypes = ["call_listening", "customer_breakfast", "service_desk_day", "customer_event", "home_visit", "store_visit"] as const;
/** Typical length in hours per type, so a service-desk day is long and call listening short (all within 1–8 h). */
const typeHours: Record<(typeof eventTypes)[number], [number, number]> = {
  call_listening: [1, 2],
  customer_breakfast: [1, 2],
  service_desk_day: [6, 8],
  customer_event: [2, 4],
  home_visit: [2, 4],
  store_visit: [3, 6],
};
const typeWeights = eventTypes.map((t, i) => [t, [5, 3, 2, 2, 1, 3][i]!] as const);

export const personas = [
  { id: "p-families", name: "Young families" },
  { id: "p-seniors", name: "Seniors" },
  { id: "p-smb", name: "Small business owners" },
  { id: "p-students", name: "Students" },
  { id: "p-commuters", name: "Commuters" },
  { id: "p-premium", name: "Premium customers" },
];

const departmentNames = ["Sales", "Operations", "IT", "Finance", "Marketing", "Customer Service", "HR", "Legal", "Product", "Logistics"];
/** Zone and the language most people there speak besides English. */
const zones = [
  ["Europe/Berlin", "de", 45],
  ["Europe/Athens", "el", 20],
  ["America/New_York", "es", 20],
  ["Asia/Singapore", "zh", 15],
] as const;

export type Size = { executives: number; events: number };
/** Small enough for the exact lexicographic optimum (HiGHS, tier by tier). 300 × 100 is a real quarter. */
export const exactSizes: Size[] = [
  { executives: 50, events: 20 },
  { executives: 100, events: 40 },
  { executives: 300, events: 100 },
];
/** Timed only; events scale along with the executives (one for five). */
export const timedSizes: Size[] = [1000, 5000, 10_000, 20_000].map((executives) => ({ executives, events: executives / 5 }));
export const sizeLabel = (s: Size) => `${s.executives.toLocaleString("en")} × ${s.events.toLocaleString("en")}`;

/** The quarter the instances plan: Q2 2026, proposals made the day before it starts. */
export const periodStart = Date.UTC(2026, 3, 1);
export const periodEnd = Date.UTC(2026, 6, 1);

const overlaps = (a: Interval, start: number, end: number) => a.start.getTime() < end && start < a.end.getTime();

/** Midnight UTC of every Monday to Friday of the quarter. */
export function weekdaysOfPeriod(): number[] {
  const days: number[] = [];
  for (let t = periodStart; t < periodEnd; t += dayMs) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) days.push(t);
  }
  return days;
}

export function generateInstance(size: Size, seed = 20260401): MatchingInput {
  // Mixing the size into the seed keeps instances of different sizes independent.
  const rng = mulberry32(seed ^ Math.imul(size.executives, 2_654_435_761) ^ size.events);
  const weekdays = weekdaysOfPeriod();

  const departmentCount = int(rng, 6, 10);
  // Zipf-ish: department k has weight 1/k, so a few are large and many small.
  const departments = departmentNames.slice(0, departmentCount).map((name, k) => [name, 1 / (k + 1)] as const);

  const executives: MatchExecutive[] = [];
  const blackoutShare = 0.1 + rng() * 0.2;
  for (let i = 0; i < size.executives; i++) {
    const [timeZone, local] = weighted(rng, zones.map(([zone, lang, w]) => [[zone, lang] as const, w] as const));
    const languages = new Set<string>();
    if (chance(rng, 0.92)) languages.add("en");
    if (local !== "es" || chance(rng, 0.3)) languages.add(local);
    if (chance(rng, 0.1)) languages.add("fr");
    if (chance(rng, 0.08)) languages.add("de");
    if (languages.size === 0) languages.add("en");

    const blackouts: Interval[] = [];
    if (chance(rng, blackoutShare)) {
      for (let b = int(rng, 1, 3); b > 0; b--) {
        const start = periodStart + int(rng, -7, 88) * dayMs;
        blackouts.push({ start: new Date(start), end: new Date(start + int(rng, 1, 14) * dayMs) });
      }
    }

    const never = chance(rng, 0.08);
    const historyDepth = never ? 0 : rng();
    executives.push({
      id: `x${String(i + 1).padStart(5, "0")}`,
      department: weighted(rng, departments),
      seniority: weighted(rng, [["c_level", 4], ["vp", 30], ["director", 66]] as const),
      languages: [...languages].sort(),
      blackouts,
      preferredTypes: sample(rng, eventTypes, weighted(rng, [[0, 3], [1, 5], [2, 2]] as const)),
      timeZone,
      cadenceTarget: weighted(rng, [[1, 75], [2, 22], [0, 3]] as const),
      monthlyCap: weighted(rng, [[1, 65], [2, 35]] as const),
      lastContactAt: never ? null : new Date(periodStart - dayMs - int(rng, 0, 700) * dayMs),
      // Longer histories have met more customer groups and formats.
      personasMet: personas.filter(() => chance(rng, 0.5 * historyDepth)).map((p) => p.id),
      typesMet: eventTypes.filter(() => chance(rng, 0.5 * historyDepth)),
      booked: [],
    });
  }

  const events: MatchEvent[] = [];
  for (let j = 0; j < size.events; j++) {
    const type = weighted(rng, typeWeights);
    const [minHours, maxHours] = typeHours[type];
    // Start on a weekday between 06:00 and 14:00 UTC on the quarter hour.
    const start = weekdays[int(rng, 0, weekdays.length - 1)]! + int(rng, 6 * 4, 14 * 4) * (hourMs / 4);
    events.push({
      id: `v${String(j + 1).padStart(5, "0")}`,
      start: new Date(start),
      end: new Date(start + int(rng, minHours, maxHours) * hourMs),
      freeSeats: weighted(rng, [[1, 30], [2, 20], [3, 15], [4, 15], [5, 10], [6, 10]] as const),
      type,
      personas: sample(rng, personas, chance(rng, 0.35) ? 2 : 1),
      language: chance(rng, 0.3) ? weighted(rng, [["de", 40], ["en", 25], ["el", 15], ["fr", 10], ["es", 10]] as const) : null,
      attendeeIds: [],
    });
  }

  // A few events already have attendees; they carry the booking, as the input contract asks.
  for (const event of events) {
    if (!chance(rng, 0.15)) continue;
    for (let k = int(rng, 1, 2); k > 0; k--) {
      const executive = executives[int(rng, 0, executives.length - 1)]!;
      if (event.attendeeIds.includes(executive.id) || executive.booked.some((b) => overlaps(b, event.start.getTime(), event.end.getTime()))) continue;
      event.attendeeIds.push(executive.id);
      executive.booked.push({ start: event.start, end: event.end });
    }
  }
  // Bookings outside this input: earlier safaris of the quarter's first weeks or ones not yet published here.
  for (const executive of executives) {
    if (!chance(rng, 0.1)) continue;
    const start = weekdays[int(rng, 0, weekdays.length - 1)]! + int(rng, 7, 13) * hourMs;
    if (executive.booked.some((b) => overlaps(b, start, start + 2 * hourMs))) continue;
    executive.booked.push({ start: new Date(start), end: new Date(start + 2 * hourMs) });
  }

  return { period: { start: new Date(periodStart), end: new Date(periodEnd) }, now: new Date(periodStart - dayMs), events, executives };
}
