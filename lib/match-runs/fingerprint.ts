import { createHash } from "node:crypto";
import type { Interval, MatchingInput } from "@/lib/matching/types";

/*
 * The fingerprint of a matcher input: sha-256 of a canonical JSON. The matcher reads its lists as sets and
 * orders everything by id, so the canonical form does too: executives and events by id, lists of ids and
 * names sorted, intervals by start and end, object keys in alphabetical order, instants as ISO text.
 * Equal fingerprints mean the matcher saw the same input.
 */

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (values: string[]) => [...values].sort(byString);
const intervals = (list: Interval[]) =>
  [...list].sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime()).map(({ start, end }) => ({ end, start }));

export function canonicalInput(input: MatchingInput): unknown {
  return {
    events: [...input.events]
      .sort((a, b) => byString(a.id, b.id))
      .map((event) => ({
        ...event,
        attendeeIds: sorted(event.attendeeIds),
        excludedExecutiveIds: sorted(event.excludedExecutiveIds ?? []),
        personas: [...event.personas].sort((a, b) => byString(a.id, b.id)),
      })),
    executives: [...input.executives]
      .sort((a, b) => byString(a.id, b.id))
      .map((executive) => ({
        ...executive,
        blackouts: intervals(executive.blackouts),
        booked: intervals(executive.booked),
        languages: sorted(executive.languages),
        personasMet: sorted(executive.personasMet),
        preferredTypes: sorted(executive.preferredTypes),
        typesMet: sorted(executive.typesMet),
      })),
    now: input.now,
    period: { end: input.period.end, start: input.period.start },
  };
}

/** JSON with every object's keys sorted (Dates become ISO text through their toJSON). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== "object" || Array.isArray(inner)) return inner;
    return Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => byString(a, b)));
  });
}

export function inputFingerprint(input: MatchingInput): string {
  return createHash("sha256").update(canonicalJson(canonicalInput(input))).digest("hex");
}
