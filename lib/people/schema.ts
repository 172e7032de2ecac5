import { z } from "zod";
import { seniorities, userRoles } from "@/db/enums";
import { isValidTimeZone, localDateTimeRegex, localToInstant } from "@/lib/time/zones";
import { languageCodes } from "./languages";

export const changeRoleSchema = z.object({
  userId: z.uuid("Choose a person."),
  role: z.enum(userRoles, "Choose a role."),
});

export const endAllSessionsSchema = z.object({
  userId: z.uuid("Choose a person."),
});

/*
 * Executive profiles. Multi-valued fields (checkboxes, the blackout rows) arrive as one string with the
 * values joined by line feeds (lib/forms.ts formValues), so each list is split here.
 */
export const maxBlackouts = 50;

const lines = z
  .string()
  .optional()
  .transform((value) => (value ? value.split("\n") : []));

/** A set of choices from `values`: unknown ones are an error, repeats count once. */
const choices = (values: readonly string[], message: string) =>
  lines.pipe(z.array(z.string().refine((value) => values.includes(value), message))).transform((list) => [...new Set(list)]);

export type BlackoutInput = { start: string; end: string; startAt: Date; endAt: Date };

/** The blackout rows' field names: "blackout1" is the first row's error. */
export const blackoutField = (index: number) => `blackout${index + 1}`;

const skipped = (what: string, zone: string) =>
  `The ${what} does not exist in ${zone} because the clocks change then. Choose a time outside the skipped hour.`;

/**
 * The executive's own form: their time zone, languages, preferred safari types and blackout periods.
 * Blackouts are wall-clock times in the zone chosen in the same form; a row left wholly empty is ignored.
 * One that is already over is refused: the form lists only blackouts not yet over, and past ones stay
 * as they were.
 */
export function ownProfileSchema(now: Date, typeKeys: readonly string[]) {
  return z
    .object({
      timeZone: z.string({ error: "Choose a time zone." }).refine(isValidTimeZone, "Choose a time zone from the list (an IANA name such as Europe/Berlin)."),
      languages: choices(languageCodes, "Choose languages from the list."),
      preferredTypes: choices(typeKeys, "Choose safari types from the list."),
      blackoutStart: lines,
      blackoutEnd: lines,
    })
    .transform((value, ctx) => {
      const blackouts: BlackoutInput[] = [];
      const rows = Math.max(value.blackoutStart.length, value.blackoutEnd.length);
      for (let i = 0; i < rows; i++) {
        const start = value.blackoutStart[i]?.trim() ?? "";
        const end = value.blackoutEnd[i]?.trim() ?? "";
        if (!start && !end) continue;
        const problem = blackoutProblem(start, end, value.timeZone, now);
        if (typeof problem === "string") ctx.addIssue({ code: "custom", path: [blackoutField(i)], message: problem });
        else blackouts.push(problem);
      }
      if (blackouts.length > maxBlackouts) {
        ctx.addIssue({ code: "custom", path: ["blackouts"], message: `Keep to ${maxBlackouts} blackout periods or fewer: remove some.` });
      }
      return { timeZone: value.timeZone, languages: value.languages, preferredTypes: value.preferredTypes, blackouts };
    });
}

export type OwnProfileInput = z.output<ReturnType<typeof ownProfileSchema>>;

/** One blackout row: the instants it names, or what is wrong with it. */
function blackoutProblem(start: string, end: string, zone: string, now: Date): BlackoutInput | string {
  if (!localDateTimeRegex.test(start)) return "Enter the start date and time.";
  if (!localDateTimeRegex.test(end)) return "Enter the end date and time.";
  // The zone is checked by its own field; without a valid one no time can be read.
  if (!isValidTimeZone(zone)) return "Choose a valid time zone first.";
  const startAt = localToInstant(start, zone);
  if (!startAt) return skipped("start", zone);
  const endAt = localToInstant(end, zone);
  if (!endAt) return skipped("end", zone);
  if (endAt.getTime() <= startAt.getTime()) return "The end must be after the start.";
  if (endAt.getTime() <= now.getTime()) return "This period is over already: remove it.";
  return { start, end, startAt, endAt };
}

/** A whole number from `min` to `max`; an empty field is an error, not 0. */
const wholeNumber = (min: number, max: number, what: string) => {
  const message = `Enter ${what} as a whole number from ${min} to ${max}.`;
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,3}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));
};

/** The CX team's part of an executive's profile. */
export const executiveProfileSchema = z.object({
  executiveId: z.uuid("Unknown executive."),
  department: z
    .string({ error: "Enter the department." })
    .trim()
    .min(1, "Enter the department.")
    .max(80, "Keep the department to 80 characters or fewer."),
  seniority: z.enum(seniorities, { error: "Choose a seniority." }),
  cadencePerQuarter: wholeNumber(0, 12, "the target"),
  monthlyCap: wholeNumber(0, 31, "the cap"),
});

export type ExecutiveProfileInput = z.output<typeof executiveProfileSchema>;
