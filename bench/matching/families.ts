import type { MatchEvent, MatchExecutive, MatchingInput } from "../../lib/matching/types";
import { chance, dayMs, generateInstance, hourMs, int, mulberry32, periodEnd, periodStart, sample, weekdaysOfPeriod, weighted, type Rng, type Size } from "./generate";

/*
 * Structured families of instances: the seeded quarter of generate.ts, reshaped so one difficulty
 * dominates. Each is deterministic in (size, seed) and keeps the input contract (attendees carry their
 * booking). Targets of 2–3 appear where the family is about several seats, since that is the slow case.
 */

export type Family = { name: string; description: string; build: (size: Size, seed: number) => MatchingInput };

/** The base instance plus a PRNG of its own for the reshaping, so the base stays the same per seed. */
function base(size: Size, seed: number): { input: MatchingInput; rng: Rng } {
  return { input: generateInstance(size, seed), rng: mulberry32(seed * 7919 + size.executives) };
}

const targets23 = [[2, 60], [3, 40]] as const;

/** Re-times events, dropping attendances and bookings that came with them (they would no longer match). */
function retime(input: MatchingInput, at: (event: MatchEvent, index: number) => { start: number; hours: number }): MatchingInput {
  const events = input.events.map((event, index) => {
    const { start, hours } = at(event, index);
    return { ...event, start: new Date(start), end: new Date(start + hours * hourMs), attendeeIds: [] };
  });
  const executives = input.executives.map((executive) => ({ ...executive, booked: [] }));
  return { ...input, events, executives };
}

const mapExecutives = (input: MatchingInput, f: (executive: MatchExecutive, index: number) => MatchExecutive): MatchingInput => ({
  ...input,
  executives: input.executives.map(f),
});

export const families: Family[] = [
  {
    name: "random",
    description: "the seeded quarter as generated: targets mostly 1, a few 2; fewer seats than executives",
    build: (size, seed) => base(size, seed).input,
  },
  {
    name: "one-wanted-event",
    description: "one event (a new type and persona for everyone, preferred by everyone, 5 seats) everyone wants",
    build: (size, seed) => {
      const { input } = base(size, seed);
      const start = periodStart + 30 * dayMs + 9 * hourMs;
      const wanted: MatchEvent = {
        id: "v00000",
        start: new Date(start),
        end: new Date(start + 2 * hourMs),
        freeSeats: 5,
        type: "keynote",
        personas: [{ id: "p-founders", name: "Founders" }],
        language: null,
        attendeeIds: [],
      };
      return mapExecutives({ ...input, events: [wanted, ...input.events] }, (executive) => ({ ...executive, preferredTypes: ["keynote", ...executive.preferredTypes] }));
    },
  },
  {
    name: "one-department",
    description: "every executive in the same department",
    build: (size, seed) => mapExecutives(base(size, seed).input, (executive) => ({ ...executive, department: "Sales" })),
  },
  {
    name: "one-preferred-type",
    description: "every executive prefers call listening, and only that",
    build: (size, seed) => mapExecutives(base(size, seed).input, (executive) => ({ ...executive, preferredTypes: ["call_listening"] })),
  },
  {
    name: "overlap-five",
    description: "events in groups of six, starts 10 min apart and 1 h long, so each overlaps the five others; 4–8 seats, targets 2–3, cap 3",
    build: (size, seed) => {
      const { input, rng } = base(size, seed);
      // A group spans 1 h 50 min; slots two hours apart around the clock never overlap one another.
      const slots = Array.from({ length: (periodEnd - periodStart) / (2 * hourMs) }, (_, k) => periodStart + k * 2 * hourMs);
      const groupSlot = sample(rng, slots, Math.ceil(input.events.length / 6));
      const retimed = retime(input, (_, i) => ({ start: groupSlot[Math.floor(i / 6)]! + (i % 6) * (hourMs / 6), hours: 1 }));
      const events = retimed.events.map((event) => ({ ...event, freeSeats: int(rng, 4, 8) }));
      return mapExecutives({ ...retimed, events }, (executive) => ({ ...executive, cadenceTarget: weighted(rng, targets23), monthlyCap: 3 }));
    },
  },
  {
    name: "most-at-target",
    description: "85% of executives already booked up to a target of 1–3 (bookings in the evening, outside this input)",
    build: (size, seed) => {
      const { input, rng } = base(size, seed);
      const days = weekdaysOfPeriod();
      return mapExecutives(input, (executive) => {
        const target = weighted(rng, [[1, 50], [2, 30], [3, 20]] as const);
        if (!chance(rng, 0.85)) return { ...executive, cadenceTarget: target, monthlyCap: 3 };
        // Evening bookings (20:00 UTC) overlap no generated event; one per month at most, so caps stay open.
        const booked = [0, 1, 2].slice(0, target).map((month) => {
          const inMonth = days.filter((d) => new Date(d).getUTCMonth() === 3 + month);
          const start = inMonth[int(rng, 0, inMonth.length - 1)]! + 20 * hourMs;
          return { start: new Date(start), end: new Date(start + hourMs) };
        });
        return { ...executive, cadenceTarget: target, monthlyCap: 3, booked: [...executive.booked, ...booked] };
      });
    },
  },
  {
    name: "month-edges",
    description: "all events within ten hours of a month's end, so the month depends on the zone; 3–7 seats (fewer than wanted), cap 1, targets 2–3",
    build: (size, seed) => {
      const { input, rng } = base(size, seed);
      const edges = [Date.UTC(2026, 4, 1), Date.UTC(2026, 5, 1)];
      // From 10 hours before midnight UTC to 10 after: New York, Berlin, Athens and Singapore disagree on the month.
      const retimed = retime(input, () => ({ start: edges[int(rng, 0, 1)]! + int(rng, -20, 19) * (hourMs / 2), hours: int(rng, 1, 2) }));
      const events = retimed.events.map((event) => ({ ...event, freeSeats: int(rng, 3, 7) }));
      return mapExecutives({ ...retimed, events }, (executive) => ({ ...executive, cadenceTarget: weighted(rng, targets23), monthlyCap: 1 }));
    },
  },
  {
    name: "tied-urgency",
    description: "every executive last met a customer on the same day",
    build: (size, seed) => mapExecutives(base(size, seed).input, (executive) => ({ ...executive, lastContactAt: new Date(periodStart - 200 * dayMs) })),
  },
  {
    name: "second-seats",
    description: "5–10 seats per event, 1.5 per executive: enough for everyone's first safari and about a third of the further ones; targets 2–3, cap 2",
    build: (size, seed) => {
      const { input, rng } = base(size, seed);
      const events = input.events.map((event) => ({ ...event, freeSeats: int(rng, 5, 10) }));
      return mapExecutives({ ...input, events }, (executive) => ({ ...executive, cadenceTarget: weighted(rng, targets23), monthlyCap: 2 }));
    },
  },
];

export const familyNamed = (name: string): Family => {
  const family = families.find((f) => f.name === name);
  if (!family) throw new Error(`unknown family ${name}; one of ${families.map((f) => f.name).join(", ")}`);
  return family;
};

/** The instance a child process is asked for: `<family> <executives> <events> <seed>`. */
export function instanceFromArgs(args: string[]): MatchingInput {
  const [name, executives, events, seed] = args;
  if (!name || !executives || !events || !seed) throw new Error("arguments: <family> <executives> <events> <seed>");
  return familyNamed(name).build({ executives: Number(executives), events: Number(events) }, Number(seed));
}
