import { z } from "zod";
import type { EventStatus } from "@/db/enums";
import { seatsProblem, type TypeChoice } from "@/lib/event-types/schema";
import { isValidTimeZone, localDateTimeRegex, localToInstant } from "@/lib/time/zones";
import { limitProblems, type EventLimits } from "./rules";

/*
 * The event form, shared by the browser (instant feedback) and the server action (the last word).
 * Start and end are wall-clock times in the chosen zone; the parsed output carries them as instants.
 * The schemas take the configured limits and "now", so the browser and the server judge alike.
 */
export const eventStatusLabels: Record<EventStatus, string> = {
  draft: "Draft",
  published: "Published",
  completed: "Completed",
  cancelled: "Cancelled",
};

const localDateTime = (what: string) =>
  z.string({ error: `Enter the ${what} date and time.` }).regex(localDateTimeRegex, `Enter the ${what} date and time.`);

export const eventFields = z.object({
  type: z.string({ error: "Choose the type of safari." }).min(1, "Choose the type of safari."),
  title: z
    .string({ error: "Enter a title." })
    .trim()
    .min(3, "The title needs at least 3 characters.")
    .max(120, "Keep the title to 120 characters or fewer."),
  briefing: z.string().trim().max(5000, "Keep the briefing to 5000 characters or fewer.").default(""),
  location: z.string().trim().max(300, "Keep the place or link to 300 characters or fewer.").default(""),
  start: localDateTime("start"),
  end: localDateTime("end"),
  timeZone: z.string({ error: "Choose a time zone." }).refine(isValidTimeZone, "Choose a time zone from the list (an IANA name such as Europe/Berlin)."),
  videoUrl: z
    .string()
    .trim()
    .max(500, "Keep the video link to 500 characters or fewer.")
    .default("")
    .refine((value) => value === "" || isHttpsUrl(value), "Enter a video link that starts with https://, or leave it empty."),
  meetingContact: z.string().trim().max(200, "Keep who meets the executives to 200 characters or fewer.").default(""),
  frontlineName: z.string().trim().max(120, "Keep the colleague's name to 120 characters or fewer.").default(""),
  frontlineRole: z.string().trim().max(120, "Keep the colleague's role to 120 characters or fewer.").default(""),
  seats: z.coerce
    .number({ error: "Enter the number of seats as a whole number." })
    .int("Enter the number of seats as a whole number.")
    .min(1, "An event needs at least 1 seat.")
    .max(500, "An event can have at most 500 seats."),
});

type EventFields = z.output<typeof eventFields>;

/** A link a browser opens safely: https with a host name. */
function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** A frontline colleague's role says who they are: it needs their name. */
const frontlineNamed = (value: EventFields, ctx: z.RefinementCtx<EventFields>) => {
  if (value.frontlineRole && !value.frontlineName) {
    ctx.addIssue({ code: "custom", path: ["frontlineName"], message: "Name the frontline colleague whose role you gave." });
  }
};

const timeFields = new Set(["start", "end", "timeZone"]);

const skippedTime = (zone: string) =>
  `That time does not exist in ${zone} because the clocks change then. Choose a time outside the skipped hour.`;

/** Start and end must exist in the zone, be in order and keep to the limits; checked once the three fields are each valid. */
const checkTimes = (limits: EventLimits, now: Date) => (value: EventFields, ctx: z.RefinementCtx<EventFields>) => {
  const startAt = localToInstant(value.start, value.timeZone);
  if (!startAt) {
    ctx.addIssue({ code: "custom", path: ["start"], message: skippedTime(value.timeZone) });
    return;
  }
  const endAt = localToInstant(value.end, value.timeZone);
  if (!endAt) {
    ctx.addIssue({ code: "custom", path: ["end"], message: skippedTime(value.timeZone) });
    return;
  }
  if (endAt.getTime() <= startAt.getTime()) {
    ctx.addIssue({ code: "custom", path: ["end"], message: "The end must be after the start." });
    return;
  }
  const problems = limitProblems({ startAt, endAt, timeZone: value.timeZone }, now, limits);
  if (problems.start) ctx.addIssue({ code: "custom", path: ["start"], message: problems.start });
  if (problems.end) ctx.addIssue({ code: "custom", path: ["end"], message: problems.end });
};

function withInstants<T extends EventFields>(value: T) {
  return {
    ...value,
    // Both exist: checkTimes ran before this and refused times that do not.
    startAt: localToInstant(value.start, value.timeZone)!,
    endAt: localToInstant(value.end, value.timeZone)!,
  };
}

const timesAreValid = (payload: z.core.ParsePayload) => !payload.issues.some((issue) => timeFields.has(String(issue.path?.[0])));

/** The type must be one offered (or, when editing, the event's own), and its seat limit holds. */
export const checkType = (types: readonly TypeChoice[], keep?: string) => <T extends { type: string; seats: number }>(value: T, ctx: z.RefinementCtx<T>) => {
  const type = types.find((candidate) => candidate.key === value.type && (!candidate.archived || candidate.key === keep));
  if (!type) {
    ctx.addIssue({ code: "custom", path: ["type"], message: "Choose the type of safari from the list." });
    return;
  }
  const problem = seatsProblem(type, value.seats);
  if (problem) ctx.addIssue({ code: "custom", path: ["seats"], message: problem });
};

export const typeAndSeatsAreValid = (payload: z.core.ParsePayload) => !payload.issues.some((issue) => ["type", "seats"].includes(String(issue.path?.[0])));

/** The new-event form, judged at `now` against `limits` and the catalogue of types. */
export function eventFormSchema(limits: EventLimits, now: Date, types: readonly TypeChoice[]) {
  return eventFields
    .superRefine(checkTimes(limits, now), { when: timesAreValid })
    .superRefine(checkType(types), { when: typeAndSeatsAreValid })
    .superRefine(frontlineNamed)
    .transform(withInstants);
}

/** The edit form: the same fields and rules, for one event (which may keep a type since archived). */
export function eventEditSchema(limits: EventLimits, now: Date, types: readonly TypeChoice[], currentType?: string) {
  return eventFields
    .extend({ eventId: z.uuid("Unknown event.") })
    .superRefine(checkTimes(limits, now), { when: timesAreValid })
    .superRefine(checkType(types, currentType), { when: typeAndSeatsAreValid })
    .superRefine(frontlineNamed)
    .transform(withInstants);
}

export type EventFormInput = z.output<ReturnType<typeof eventFormSchema>>;

/** The lifecycle buttons of one event: which one was pressed. Cancelling has its own form, with a reason. */
export const eventLifecycleSchema = z.object({
  eventId: z.uuid("Unknown event."),
  to: z.enum(["publish", "complete"], { error: "Choose what to do with the event." }),
});

/** Cancelling: the reason is shown to every executive who was on the safari. */
export const cancelEventSchema = z.object({
  eventId: z.uuid("Unknown event."),
  reason: z
    .string({ error: "Give a reason: the executives on this safari will read it." })
    .trim()
    .min(5, "Give a reason of at least 5 characters: the executives on this safari will read it.")
    .max(500, "Keep the reason to 500 characters or fewer."),
});
