import { z } from "zod";
import { languageCodes } from "@/lib/people/languages";

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

/*
 * The host and persona forms. A host holds only what running a safari needs (GDPR): a name, a way to reach
 * them, their persona and the language the safari is held in.
 */

const optionalText = (max: number, message: string) => z.string().trim().max(max, message).default("");

// A phone number as people write it: digits, spaces, "+", "/", "-", "(", ")" and dots, with at least 5 digits.
const phoneRegex = /^\+?[0-9 ()./-]{5,40}$/;

const hostFields = z.object({
  firstName: z
    .string({ error: "Enter the host's first name." })
    .trim()
    .min(1, "Enter the host's first name.")
    .max(60, "Keep the first name to 60 characters or fewer."),
  lastName: optionalText(80, "Keep the last name to 80 characters or fewer."),
  contactEmail: optionalText(254, "Keep the e-mail address to 254 characters or fewer.").pipe(
    z.union([z.literal(""), z.email("Enter an e-mail address such as name@example.com, or leave it empty.")]),
  ),
  contactPhone: optionalText(40, "Keep the phone number to 40 characters or fewer.").refine(
    (value) => value === "" || (phoneRegex.test(value) && value.replace(/\D/g, "").length >= 5),
    "Enter a phone number such as +49 30 5550 1234, or leave it empty.",
  ),
  // "" is no persona.
  personaId: z.union([z.literal(""), z.uuid("Choose a persona from the list.")], { error: "Choose a persona from the list." }).default(""),
  // The language the safari is held in: the same short list of ISO 639-1 codes as executives' profiles.
  language: z.enum(languageCodes, { error: "Choose the language from the list." }),
});

/** The host form: a new host. */
export const hostFormSchema = hostFields;
/** The same form for one host. */
export const hostEditSchema = hostFields.extend({ hostId: z.uuid("Unknown host.") });
export type HostInput = z.output<typeof hostFormSchema>;

/** Archiving takes a host out of the choices for new events; restoring offers them again. */
export const archiveHostSchema = z.object({
  hostId: z.uuid("Unknown host."),
  archived: z.enum(["true", "false"], { error: "Choose whether to archive or restore the host." }),
});

/** The consent form of one host, as consentSchema with the host named. */
export const recordConsentSchema = (knownTypes: readonly string[], today: string) =>
  consentSchema(knownTypes, today).and(z.object({ hostId: z.uuid("Unknown host.") }));

/** Recording that a host withdrew one consent. */
export const withdrawConsentSchema = z.object({ hostId: z.uuid("Unknown host."), consentId: z.uuid("Unknown consent.") });

const personaFields = z.object({
  name: z
    .string({ error: "Give the persona a name." })
    .trim()
    .min(2, "Give the persona a name of at least 2 characters.")
    .max(80, "Keep the name to 80 characters or fewer."),
  description: optionalText(500, "Keep the description to 500 characters or fewer."),
});
export const personaFormSchema = personaFields;
export const personaEditSchema = personaFields.extend({ personaId: z.uuid("Unknown persona.") });
export type PersonaInput = z.output<typeof personaFormSchema>;

/** Adding a host or a persona to an event, or taking one off. */
export const eventHostSchema = z.object({ eventId: z.uuid("Unknown event."), hostId: z.uuid("Choose a customer host from the list.") });
export const eventPersonaSchema = z.object({ eventId: z.uuid("Unknown event."), personaId: z.uuid("Choose a persona from the list.") });
