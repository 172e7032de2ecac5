import { TZDate, tz } from "@date-fns/tz";
import { addDays, format, startOfDay } from "date-fns";
import type { Interval } from "@/lib/matching/types";
import { quarterContaining } from "@/lib/time/zones";

/*
 * A match run's period and each executive's target in it. Pure: the caller passes "now" and the
 * organisation's zone (quarters are counted there, as on the cadence board and the summary).
 */

const dateFormat = "yyyy-MM-dd";

/** The instant a calendar day begins in `zone` (noon exists on every day, whatever the clocks do at midnight). */
export function startOfDayIn(date: string, zone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(startOfDay(new TZDate(y, m - 1, d, 12, 0, zone), { in: tz(zone) }).getTime());
}

/** The period from the start of day `from` to the end of day `to`, both counted in `zone`. */
export function periodOfDays(from: string, to: string, zone: string): Interval {
  const start = startOfDayIn(from, zone);
  const [y, m, d] = to.split("-").map(Number) as [number, number, number];
  const end = startOfDay(addDays(new TZDate(y, m - 1, d, 12, 0, zone), 1), { in: tz(zone) });
  return { start, end: new Date(end.getTime()) };
}

export const dayIn = (instant: Date, zone: string) => format(instant, dateFormat, { in: tz(zone) });

/** Today to the last day of the current quarter, as the form's two dates. */
export function defaultPeriodDays(now: Date, zone: string): { from: string; to: string } {
  const quarter = quarterContaining(now, zone);
  return { from: dayIn(now, zone), to: dayIn(new Date(quarter.end.getTime() - 1), zone) };
}

/** The calendar quarters (in `zone`) a period touches, in order. */
export function quartersTouching(period: Interval, zone: string): Interval[] {
  const quarters: Interval[] = [];
  let at = period.start;
  while (at < period.end) {
    const { start, end } = quarterContaining(at, zone);
    quarters.push({ start, end });
    at = end;
  }
  return quarters;
}

const overlap = (a: Interval, b: Interval) => Math.max(0, Math.min(a.end.getTime(), b.end.getTime()) - Math.max(a.start.getTime(), b.start.getTime()));

/**
 * An executive's cadence target for a period. The target is per calendar quarter; for each quarter the
 * period touches:
 *
 *   still owed  = cadence per quarter − safaris they hold in that quarter outside the period
 *                 (attended, confirmed or invited: what they did before, or are booked for after)
 *   period share = the part of the quarter's remaining time (from now, or its start if later) the period covers
 *   target      += still owed × period share, rounded up
 *
 * So the default period (the rest of the current quarter) asks exactly for what is still owed this quarter;
 * a whole future quarter asks for the full cadence; one month of a quarter a third of it, rounded up. Safaris
 * held inside the period are not subtracted here: the matcher counts them against the target itself.
 */
export function periodTarget(cadencePerQuarter: number, period: Interval, now: Date, quarters: Interval[], heldOutside: (quarterIndex: number) => number): number {
  let target = 0;
  quarters.forEach((quarter, i) => {
    const owed = Math.max(0, cadencePerQuarter - heldOutside(i));
    if (owed === 0) return;
    const remaining: Interval = { start: new Date(Math.max(quarter.start.getTime(), now.getTime())), end: quarter.end };
    const length = remaining.end.getTime() - remaining.start.getTime();
    if (length <= 0) return;
    const share = overlap(period, remaining) / length;
    // A share a hair over a whole number (rounding of milliseconds) must not ask for one more.
    target += Math.ceil(owed * share - 1e-9);
  });
  return target;
}
