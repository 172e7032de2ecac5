import { TZDate, tz } from "@date-fns/tz";
import { addMonths, format, startOfDay, startOfQuarter } from "date-fns";

/*
 * Instants are stored; wall-clock times exist only at the edges, always with a named IANA zone.
 * "Local" below means a wall-clock time written as yyyy-MM-ddTHH:mm (what <input type="datetime-local"> gives).
 */
const localPattern = "yyyy-MM-dd'T'HH:mm";
export const localDateTimeRegex = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zones a form's select offers, with UTC first; labels read "America/New York". */
export function timeZoneOptions(): { value: string; label: string }[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")].map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
}

/**
 * The instant a wall-clock time in `zone` names, or null where that time does not exist there
 * (the hour skipped when clocks go forward). A time that happens twice (clocks going back) is the first.
 */
export function localToInstant(local: string, zone: string): Date | null {
  if (!localDateTimeRegex.test(local) || !isValidTimeZone(zone)) return null;
  const [datePart, timePart] = local.split("T") as [string, string];
  const [y, m, d] = datePart.split("-").map(Number) as [number, number, number];
  const [h, min] = timePart.split(":").map(Number) as [number, number];
  const zoned = new TZDate(y, m - 1, d, h, min, zone);
  if (Number.isNaN(zoned.getTime()) || format(zoned, localPattern) !== local) return null;
  // Of two instants with this wall-clock time, prefer the earlier one.
  const hourEarlier = new TZDate(zoned.getTime() - 3_600_000, zone);
  return format(hourEarlier, localPattern) === local ? new Date(hourEarlier.getTime()) : new Date(zoned.getTime());
}

/** The wall-clock time of `instant` in `zone`, as a datetime-local value. */
export function instantToLocal(instant: Date, zone: string): string {
  return format(instant, localPattern, { in: tz(zone) });
}

/** A readable date and time in `zone`, e.g. "Tue 3 Mar 2026, 09:30 CET". */
export function formatInZone(instant: Date, zone: string, pattern = "EEE d MMM yyyy, HH:mm zzz"): string {
  return format(instant, pattern, { in: tz(zone) });
}

/** "09:30–11:00" in `zone`, with the date when the range spans days. */
export function formatRangeInZone(start: Date, end: Date, zone: string): string {
  const sameDay = format(start, "yyyy-MM-dd", { in: tz(zone) }) === format(end, "yyyy-MM-dd", { in: tz(zone) });
  return sameDay
    ? `${formatInZone(start, zone, "EEE d MMM yyyy, HH:mm")}–${formatInZone(end, zone, "HH:mm zzz")}`
    : `${formatInZone(start, zone)} – ${formatInZone(end, zone)}`;
}

/** The calendar quarter containing `instant`, counted in `zone`, as a half-open [start, end) of instants. */
export function quarterContaining(instant: Date, zone: string): { start: Date; end: Date; label: string } {
  const start = startOfQuarter(instant, { in: tz(zone) });
  const end = addMonths(start, 3, { in: tz(zone) });
  return { start: new Date(start.getTime()), end: new Date(end.getTime()), label: format(start, "QQQ yyyy", { in: tz(zone) }) };
}

/** The instant the calendar day "2026-03-29" begins in `zone` (its first existing minute, whatever the clocks do). */
export function startOfDayIn(day: string, zone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  // Noon exists on every day in every zone; the day's start is taken from there.
  return new Date(startOfDay(new TZDate(y, m - 1, d, 12, 0, zone)).getTime());
}

/** [start, end) of the days `from` to `to` (both included, either open) in `zone`, as instants. */
export function dayRangeIn(from: string | undefined, to: string | undefined, zone: string): { start?: Date; end?: Date } {
  return { start: from ? startOfDayIn(from, zone) : undefined, end: to ? startOfDayIn(nextDay(to), zone) : undefined };
}

/** "2026-03-30" for "2026-03-29": calendar arithmetic, the same in every zone. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
