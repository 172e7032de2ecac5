import { z } from "zod";
import type { TypeChoice } from "@/lib/event-types/schema";
import { expandSeries, refuseSkippedStarts, seriesFields } from "@/lib/events/recurrence";
import { limitProblems, type EventLimits } from "@/lib/events/rules";
import { checkType, eventFields, typeAndSeatsAreValid } from "@/lib/events/schema";
import { formatInZone } from "@/lib/time/zones";

/*
 * The series form: what every safari of the series shares (type, title, briefing, place, seats) and the
 * dates (lib/events/recurrence.ts). Shared by the browser and the server action, judged at `now` against
 * the same limits as a single event: every date must lie ahead and within the months an event may be
 * planned, and a start the clocks skip is refused unless the organizer chose to move it.
 */

const fields = seriesFields.extend(eventFields.pick({ type: true, title: true, briefing: true, location: true, seats: true }).shape);

type SeriesFields = z.output<typeof fields>;

const dateFields = new Set(["firstDate", "startTime", "durationMinutes", "timeZone", "everyWeeks", "count", "skipped"]);
const datesAreValid = (payload: z.core.ParsePayload) => !payload.issues.some((issue) => dateFields.has(String(issue.path?.[0])));

/** Every date must start after `now` and within the limits; the first that does not is named. */
const checkLimits = (limits: EventLimits, now: Date) => (value: SeriesFields, ctx: z.RefinementCtx<SeriesFields>) => {
  const { occurrences } = expandSeries(value);
  const past = occurrences.find((occurrence) => occurrence.startAt.getTime() <= now.getTime());
  if (past) {
    ctx.addIssue({ code: "custom", path: ["firstDate"], message: `Every date must lie ahead: ${formatInZone(past.startAt, value.timeZone)} has already begun.` });
  }
  for (const occurrence of occurrences) {
    const problems = limitProblems({ ...occurrence, timeZone: value.timeZone }, now, limits);
    if (problems.start) {
      const words = formatInZone(occurrence.startAt, value.timeZone, "EEE d MMM yyyy");
      ctx.addIssue({ code: "custom", path: ["count"], message: `The date of ${words} is too far ahead. ${problems.start} Choose fewer dates.` });
      return;
    }
    if (problems.end) {
      ctx.addIssue({ code: "custom", path: ["durationMinutes"], message: problems.end });
      return;
    }
  }
};

/** The new-series form, judged at `now` against `limits` and the catalogue of types. */
export function seriesFormSchema(limits: EventLimits, now: Date, types: readonly TypeChoice[]) {
  return fields
    .superRefine(refuseSkippedStarts, { when: datesAreValid })
    .superRefine(checkLimits(limits, now), { when: datesAreValid })
    .superRefine(checkType(types), { when: typeAndSeatsAreValid });
}

export type SeriesFormOutput = z.output<ReturnType<typeof seriesFormSchema>>;

/** "Publish all drafts" on a series page. */
export const publishSeriesSchema = z.object({ seriesId: z.uuid("Unknown series.") });
