import { TZDate } from "@date-fns/tz";
import { addWeeks, format } from "date-fns";
import { z } from "zod";
import { formatInZone, instantToLocal, isValidTimeZone, localToInstant } from "@/lib/time/zones";

/*
 * A series of safaris: the same wall-clock start in one zone, every N weeks, e.g. call listening every
 * Tuesday 09:00–10:00 Europe/Berlin for 8 weeks. Pure (no database, no clock).
 *
 * The wall-clock start is what people plan by, so it stays put across daylight-saving changes and the
 * instants move (09:00 Berlin is 08:00Z in winter, 07:00Z in summer). The duration is elapsed time.
 * A start the clocks skip is never shifted silently: it is refused, or moved to the first minute after the
 * change when the organizer asked for that, and either way reported as a problem for that date.
 */

export const maxOccurrences = 52;
export const durationLimits = { min: 15, max: 720 } as const;
export const everyWeeksLimits = { min: 1, max: 4 } as const;
// Four-digit years from first date to last occurrence (52 × 4 weeks later), and zone data for all of them.
const firstDateYears = { min: 1900, max: 2999 } as const;

export const skippedTimePolicies = ["refuse", "moveForward"] as const;
/** What happens to a date whose start time the clocks skip: refuse the series, or start at the end of the gap. */
export type SkippedTimePolicy = (typeof skippedTimePolicies)[number];

export type SeriesInput = {
  /** The first date, yyyy-MM-dd, a calendar date in `timeZone`. */
  firstDate: string;
  /** The wall-clock start, HH:mm, the same on every date. */
  startTime: string;
  durationMinutes: number;
  timeZone: string;
  everyWeeks: number;
  /** How many dates; more than `maxOccurrences` are cut to that many. */
  count: number;
  /** "refuse" when left out. */
  skipped?: SkippedTimePolicy;
};

export type Occurrence = {
  /** Place in the series from 0: the date is first date + index × everyWeeks weeks, even when an earlier one was refused. */
  index: number;
  /** The wall-clock start in the series' zone, yyyy-MM-ddTHH:mm (after a move, the moved time). */
  localStart: string;
  startAt: Date;
  endAt: Date;
};

export type SeriesProblem = {
  index: number;
  /** The occurrence's date, yyyy-MM-dd. */
  date: string;
  /** "refused": the date is left out and the series is invalid; "moved": it starts at the end of the gap instead. */
  kind: "refused" | "moved";
  message: string;
};

export type SeriesExpansion = {
  /** False when any date was refused: such a series is not to be created. */
  ok: boolean;
  /** In order; refused dates are missing. */
  occurrences: Occurrence[];
  problems: SeriesProblem[];
};

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const minuteMs = 60_000;

/** The calendar date as midnight UTC: weeks are added on the calendar, where no zone changes clocks. */
function calendarDate(value: string): TZDate | null {
  if (!datePattern.test(value)) return null;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  if (y < firstDateYears.min || y > firstDateYears.max) return null;
  const date = new TZDate(y, m - 1, d, "UTC");
  // new TZDate rolls 30 February over to March; a real date survives the round trip.
  return format(date, "yyyy-MM-dd") === value ? date : null;
}

/** Wall-clock minutes since 1970-01-01T00:00, so that two wall-clock times compare as numbers. */
function wallMinutes(local: string): number {
  const [datePart, timePart] = local.split("T") as [string, string];
  const [y, m, d] = datePart.split("-").map(Number) as [number, number, number];
  const [h, min] = timePart.split(":").map(Number) as [number, number];
  return new TZDate(y, m - 1, d, h, min, "UTC").getTime() / minuteMs;
}

/** The first instant whose wall clock in `zone` lies past `local`, a time the clocks skipped: the end of the gap. */
function endOfGap(local: string, zone: string): Date {
  const target = wallMinutes(local);
  const wallAt = (minutes: number) => wallMinutes(instantToLocal(new Date(minutes * minuteMs), zone));
  // UTC offsets lie between −12 h and +14 h, so the answer is inside this window; within a day of a clock
  // going forward no clock goes back, so the wall clock only rises across it and halving finds the jump.
  let before = target - 15 * 60;
  let after = target + 13 * 60;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (wallAt(middle) > target) after = middle;
    else before = middle;
  }
  return new Date(after * minuteMs);
}

function assertSeriesInput(input: SeriesInput): TZDate {
  const first = calendarDate(input.firstDate);
  // Callers parse with seriesSchema first; reaching these is a programming error, not a user's.
  if (!first) throw new RangeError(`Series first date is not a supported calendar date: ${input.firstDate}`);
  if (!timePattern.test(input.startTime)) throw new RangeError(`Series start time is not HH:mm: ${input.startTime}`);
  if (!isValidTimeZone(input.timeZone)) throw new RangeError(`Series time zone is unknown: ${input.timeZone}`);
  const { durationMinutes: minutes, everyWeeks } = input;
  if (!Number.isInteger(minutes) || minutes < durationLimits.min || minutes > durationLimits.max) {
    throw new RangeError(`Series duration is out of range: ${minutes}`);
  }
  if (!Number.isInteger(everyWeeks) || everyWeeks < everyWeeksLimits.min || everyWeeks > everyWeeksLimits.max) {
    throw new RangeError(`Series interval in weeks is out of range: ${everyWeeks}`);
  }
  return first;
}

/** How many dates to expand: never more than `maxOccurrences`, whatever was asked. */
function occurrenceCount(count: number): number {
  if (Number.isNaN(count)) return 0;
  return Math.max(0, Math.min(maxOccurrences, Math.floor(count)));
}

/** The dates and instants of a series, with what happened to starts the clocks skip. */
export function expandSeries(input: SeriesInput): SeriesExpansion {
  const first = assertSeriesInput(input);
  const { startTime, timeZone: zone } = input;
  const policy = input.skipped ?? "refuse";
  const durationMs = input.durationMinutes * minuteMs;
  const occurrences: Occurrence[] = [];
  const problems: SeriesProblem[] = [];

  for (let index = 0; index < occurrenceCount(input.count); index++) {
    const day = addWeeks(first, index * input.everyWeeks);
    const date = format(day, "yyyy-MM-dd");
    const local = `${date}T${startTime}`;
    // A time that happens twice (clocks going back) is its first instant: localToInstant decides that.
    const startAt = localToInstant(local, zone);
    if (startAt) {
      occurrences.push({ index, localStart: local, startAt, endAt: new Date(startAt.getTime() + durationMs) });
      continue;
    }
    const skipped = `${format(day, "EEE d MMM yyyy")}: ${startTime} does not exist in ${zone} (clocks go forward)`;
    if (policy === "refuse") {
      problems.push({
        index,
        date,
        kind: "refused",
        message: `${skipped}; choose another start time, or let such dates move to the first minute after the change.`,
      });
      continue;
    }
    const movedAt = endOfGap(local, zone);
    const movedLocal = instantToLocal(movedAt, zone);
    // A gap may swallow the rest of the day (Pacific/Apia skipped 30 December 2011), so say the date when it changes.
    const movedWords = movedLocal.startsWith(date) ? formatInZone(movedAt, zone, "HH:mm") : formatInZone(movedAt, zone, "EEE d MMM yyyy, HH:mm");
    occurrences.push({ index, localStart: movedLocal, startAt: movedAt, endAt: new Date(movedAt.getTime() + durationMs) });
    problems.push({ index, date, kind: "moved", message: `${skipped}; this safari moves to ${movedWords}, the first minute after the change.` });
  }

  return { ok: !problems.some((problem) => problem.kind === "refused"), occurrences, problems };
}

/*
 * The series form. Fields arrive as FormData strings; numbers are coerced, and a blank optional field
 * takes its default. Once the fields are each valid, dates whose start the clocks skip are refused on the
 * start time unless the organizer chose to move them.
 */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const wholeNumber = (message: string) => z.coerce.number({ error: message }).int(message);

export const seriesFields = z.object({
  firstDate: z
    .string({ error: "Enter the first date." })
    .regex(datePattern, { error: "Enter the first date as yyyy-MM-dd, e.g. 2026-03-03.", abort: true })
    .refine((value) => calendarDate(value) !== null, `Enter a real calendar date between ${firstDateYears.min} and ${firstDateYears.max}.`),
  startTime: z.string({ error: "Enter the start time." }).regex(timePattern, "Enter the start time as HH:mm, e.g. 09:00."),
  durationMinutes: z.preprocess(
    blankToUndefined,
    wholeNumber("Enter the duration in minutes, as a whole number.")
      .min(durationLimits.min, `A safari in a series lasts at least ${durationLimits.min} minutes.`)
      .max(durationLimits.max, `A safari in a series lasts at most ${durationLimits.max} minutes (12 hours).`),
  ),
  timeZone: z
    .string({ error: "Choose a time zone." })
    .refine(isValidTimeZone, "Choose a time zone from the list (an IANA name such as Europe/Berlin)."),
  everyWeeks: z.preprocess(
    blankToUndefined,
    wholeNumber("Enter how many weeks apart the dates are, as a whole number.")
      .min(everyWeeksLimits.min, `Repeat every ${everyWeeksLimits.min} to ${everyWeeksLimits.max} weeks.`)
      .max(everyWeeksLimits.max, `Repeat every ${everyWeeksLimits.min} to ${everyWeeksLimits.max} weeks.`)
      .default(everyWeeksLimits.min),
  ),
  count: z.preprocess(
    blankToUndefined,
    wholeNumber("Enter the number of dates, as a whole number.")
      .min(1, "A series needs at least 1 occurrence.")
      .max(maxOccurrences, `A series has at most ${maxOccurrences} occurrences.`),
  ),
  skipped: z.preprocess(
    blankToUndefined,
    z.enum(skippedTimePolicies, { error: "Choose what happens to a date whose start time the clocks skip." }).default("refuse"),
  ),
});

export const refuseSkippedStarts = <T extends SeriesInput>(value: T, ctx: z.RefinementCtx<T>) => {
  for (const problem of expandSeries(value).problems) {
    if (problem.kind === "refused") ctx.addIssue({ code: "custom", path: ["startTime"], message: problem.message });
  }
};

const fieldsAreValid = (payload: z.core.ParsePayload) => payload.issues.length === 0;

/** The series form: each field, then the dates the clocks skip. Its output goes to expandSeries. */
export const seriesSchema = seriesFields.superRefine(refuseSkippedStarts, { when: fieldsAreValid });

export type SeriesFormInput = z.output<typeof seriesSchema>;
