import { z } from "zod";

/*
 * The organizer's consent form, shared by the browser (instant feedback) and the server action (the last
 * word). Dates are calendar days (yyyy-MM-dd) in the organisation's zone; lib/hosts/consent.ts turns them
 * into the instants a consent holds. The schema takes the known event types (the organisation may define
 * its own) and "today" in that zone, so the browser and the server judge alike.
 */

/** A consent lasts at most this many years: long enough for a programme, short enough to be asked again. */
export const maxConsentYears = 3;

const dayRegex = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) => dayRegex.test(value) && new Date(`${value}T12:00:00Z`).toISOString().slice(0, 10) === value;

const day = (message: string) => z.string({ error: message }).refine(isDay, message);

/** `day` plus whole years, as a calendar day; 29 February becomes 28 February in a common year. */
export function addYearsToDay(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return new Date(Date.UTC(y + years, m - 1, Math.min(d, lastOfMonth))).toISOString().slice(0, 10);
}

/** A ticked checkbox sends "on"; an unticked one sends nothing. */
const checkbox = z
  .literal("on", { error: "This checkbox is broken: reload the page." })
  .optional()
  .transform((value) => value === "on");

const dayFields = new Set(["givenOn", "validUntil"]);
const daysAreValid = (payload: z.core.ParsePayload) => !payload.issues.some((issue) => dayFields.has(String(issue.path?.[0])));

/** The consent form, with types from `knownTypes` and a given-on day no later than `today` (yyyy-MM-dd). */
export function consentSchema(knownTypes: readonly string[], today: string) {
  const known = new Set(knownTypes);
  return z
    .object({
      // Ticked types arrive as one string, joined by line feeds (lib/forms.ts formValues).
      types: z
        .string({ error: "Choose at least one type of safari the consent covers." })
        .transform((value) => [...new Set(value.split("\n").map((line) => line.trim()).filter(Boolean))])
        .pipe(
          z
            .array(z.string())
            .min(1, "Choose at least one type of safari the consent covers.")
            .refine((types) => types.every((type) => known.has(type)), "Choose types of safari from the list."),
        ),
      givenOn: day("Enter the day the host gave consent (as 2026-07-01)."),
      validUntil: day("Enter the last day the consent is valid (as 2026-07-01)."),
      executivesMayObserve: checkbox,
      recordingAllowed: checkbox,
    })
    .superRefine(
      (value, ctx) => {
        if (value.givenOn > today) {
          ctx.addIssue({ code: "custom", path: ["givenOn"], message: `Consent cannot be given in the future: enter ${today} or earlier.` });
        }
        const latest = addYearsToDay(value.givenOn, maxConsentYears);
        if (value.validUntil <= value.givenOn) {
          ctx.addIssue({ code: "custom", path: ["validUntil"], message: "The consent must be valid until a day after the day it was given." });
        } else if (value.validUntil > latest) {
          ctx.addIssue({
            code: "custom",
            path: ["validUntil"],
            message: `A consent can be valid for at most ${maxConsentYears} years: choose ${latest} or earlier.`,
          });
        }
      },
      { when: daysAreValid },
    );
}

export type ConsentFormInput = z.output<ReturnType<typeof consentSchema>>;
