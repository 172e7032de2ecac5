import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";
import { z } from "zod";
import type { AuditAction } from "@/db/enums";
import { fieldErrorsOf, type FieldErrors } from "@/lib/forms";
import type { AuditEntry } from "./mutations";

/*
 * The audit trail's filter, read from the URL (/audit?actor=…&who=…&type=…&object=…&from=…&to=…), and the
 * words the page uses for what it lists. No database code: the filter form renders from it too.
 */

export const auditObjectTypes = ["event", "participation", "user", "reflection", "account", "match_run", "event_type", "series", "customer_host", "persona"] as const satisfies readonly AuditEntry["objectType"][];
export type AuditObjectType = (typeof auditObjectTypes)[number];

export const objectTypeLabels: Record<AuditObjectType, string> = {
  event: "Event",
  participation: "Participation",
  user: "Person",
  reflection: "Reflection",
  account: "Sign-in account",
  match_run: "Match run",
  event_type: "Type of safari",
  series: "Series of safaris",
  customer_host: "Customer host",
  persona: "Persona",
};

export const actionLabels: Record<AuditAction, string> = {
  "event.create": "Created an event",
  "event.publish": "Published an event",
  "event.edit": "Edited an event",
  "event.cancel": "Cancelled an event",
  "event.complete": "Completed an event",
  "participation.attendance": "Recorded attendance",
  "user.role_change": "Changed a role",
  "user.password_change": "Changed a password",
  "user.sessions_ended": "Ended all sessions",
  "auth.sign_in": "Signed in",
  "auth.sign_out": "Signed out",
  "auth.lockout": "Locked out after failed sign-ins",
  "reflection.visibility_change": "Changed who may read a reflection",
  "reflection.edit": "Edited a reflection",
  "profile.edit": "Edited an executive's profile",
  "match_run.create": "Ran the matcher",
  "match_run.publish": "Published a match run's invitations",
  "event_type.create": "Added a type of safari",
  "event_type.edit": "Changed a type of safari",
  "event_type.archive": "Archived a type of safari",
  "event_type.restore": "Offered an archived type again",
  "series.create": "Planned a series of events",
  "mail.resend": "Sent a failed mail again",
  "host.create": "Added a customer host",
  "host.edit": "Changed a customer host",
  "host.archive": "Archived a customer host",
  "host.restore": "Offered an archived customer host again",
  "host.consent_record": "Recorded a host's consent",
  "host.consent_withdraw": "Recorded a host's withdrawal of consent",
  "persona.create": "Added a persona",
  "persona.edit": "Changed a persona",
  "event.hosts_change": "Changed an event's hosts or personas",
  "commitment.update": "Updated a commitment",
  "commitment.loop_closed": "Closed the loop on a commitment",
};

/** An action stored before it had a label here still reads as something. */
export function actionLabel(action: string): string {
  return (actionLabels as Record<string, string>)[action] ?? action;
}

/** The actor filter's value for entries without a person: the system, or someone not signed in. */
export const systemActor = "system";
export const systemActorLabel = "System / not signed in";

export const auditPageSize = 25;

const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/;
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Write the date as yyyy-mm-dd.", abort: true })
  .refine((value) => {
    const [year, month, day] = value.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return year >= 2000 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, "This is not a date on the calendar.");

const brokenLink = "This link to a page of the trail is broken.";

/** "" is "not filtered". */
const param = <T extends z.ZodType<unknown, string>>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const auditFilterSchema = z
  .object({
    actor: param(z.string().refine((value) => value === systemActor || z.uuid().safeParse(value).success, "Choose a person from the list.")),
    who: param(
      z
        .string()
        .trim()
        .max(120, "The name search has at most 120 characters.")
        .refine((value) => !controlCharacter.test(value), "Remove the invisible control characters from the name search."),
    ),
    type: param(z.enum(auditObjectTypes, { error: "Choose a kind of object from the list." })),
    object: param(
      z
        .string()
        .trim()
        .max(320, "An object id has at most 320 characters.")
        .refine((value) => !controlCharacter.test(value), "Remove the invisible control characters from the object id."),
    ),
    from: param(calendarDate),
    to: param(calendarDate),
    older: param(z.uuid({ error: brokenLink })),
    newer: param(z.uuid({ error: brokenLink })),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, { path: ["to"], message: "The end date is before the start date." })
  .refine((filter) => !filter.older || !filter.newer, { path: ["older"], message: brokenLink });

export type AuditFilterParams = z.output<typeof auditFilterSchema>;

/** The URL's filter, or what is wrong with it, field by field. */
export function parseAuditFilter(searchParams: Record<string, string | string[] | undefined>):
  | { success: true; data: AuditFilterParams }
  | { success: false; fieldErrors: FieldErrors } {
  // A parameter given twice is refused, not guessed at.
  const repeated = Object.entries(searchParams).filter(([, value]) => Array.isArray(value));
  if (repeated.length > 0) return { success: false, fieldErrors: Object.fromEntries(repeated.map(([key]) => [key, ["Give this filter once."]])) };
  const parsed = auditFilterSchema.safeParse(searchParams);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, fieldErrors: fieldErrorsOf(parsed.error) };
}

/** The first instant of a calendar day in `zone`, whatever its clocks do at midnight. */
function dayStart(date: string, zone: string, plusDays = 0): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(startOfDay(addDays(new TZDate(year, month - 1, day, 12, 0, zone), plusDays)).getTime());
}

/** The filter's days as the half-open range of instants [from, to) they cover in `zone`, both ends included as days. */
export function auditPeriod(filter: Pick<AuditFilterParams, "from" | "to">, zone: string): { from: Date | null; to: Date | null } {
  return { from: filter.from ? dayStart(filter.from, zone) : null, to: filter.to ? dayStart(filter.to, zone, 1) : null };
}

/** The /audit URL of a filter, optionally at a page (`older` / `newer` than an entry's id). */
export function auditHref(filter: Partial<AuditFilterParams>, page: { older?: string; newer?: string } = {}): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "who", "type", "object", "from", "to"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (page.older) params.set("older", page.older);
  if (page.newer) params.set("newer", page.newer);
  const query = params.toString();
  return query ? `/audit?${query}` : "/audit";
}
