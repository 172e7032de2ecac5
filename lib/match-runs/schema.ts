import { z } from "zod";
import { eventTypeKeyRegex } from "@/db/enums";
import { defaultRespondWithinDays, maxRespondWithinDays } from "@/lib/participation/rules";

/*
 * The match-run forms, shared by the browser (instant feedback) and the server actions (the last word),
 * and the run pages' URL state. No database code.
 */

const dateRegex = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (value: string) => {
  if (!dateRegex.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};
const day = (what: string) => z.string({ error: `Enter the ${what} date.` }).refine(validDate, `Enter the ${what} date (as 2026-07-01).`);

/** A period may be up to a year: more would ask the matcher about safaris nobody has planned yet. */
export const maxPeriodDays = 366;

const daysBetween = (from: string, to: string) => (Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000;

export const periodFields = z.object({ from: day("first"), to: day("last") });

const checkPeriod = (value: { from: string; to: string }, ctx: z.RefinementCtx) => {
  if (!validDate(value.from) || !validDate(value.to)) return;
  const days = daysBetween(value.from, value.to);
  if (days < 0) ctx.addIssue({ code: "custom", path: ["to"], message: "The last day must not come before the first." });
  else if (days >= maxPeriodDays) ctx.addIssue({ code: "custom", path: ["to"], message: `A period can be at most ${maxPeriodDays} days long.` });
};

export const periodSchema = periodFields.superRefine(checkPeriod);

const id = (message: string) => z.uuid({ error: message });
const runId = id("This run link is broken.");

/** Checked boxes arrive as one value a box; the form layer joins repeated names with line breaks. */
const eventIdList = z
  .string({ error: "Choose at least one safari." })
  .transform((value) => [...new Set(value.split("\n").map((line) => line.trim()).filter(Boolean))])
  .pipe(z.array(z.uuid("This list of safaris is broken: reload the page.")).min(1, "Choose at least one safari."));

/** Ticked types, for a period with too many safaris to tick one by one. */
const typeList = z
  .string({ error: "Choose at least one type of safari." })
  .transform((value) => [...new Set(value.split("\n").map((line) => line.trim()).filter(Boolean))])
  .pipe(z.array(z.string().regex(eventTypeKeyRegex, "This list of types is broken: reload the page.")).min(1, "Choose at least one type of safari."));

/**
 * Up to this many safaris in the period, the form lists each to tick; beyond it, their types (a list of
 * thousands is neither readable nor light: 578 kB of page at the scale bench's size).
 */
export const maxListedSafaris = 150;

export const createRunSchema = periodFields
  .extend({ eventIds: eventIdList.optional(), types: typeList.optional() })
  .superRefine(checkPeriod)
  .superRefine((value, ctx) => {
    if (!value.eventIds === !value.types) ctx.addIssue({ code: "custom", path: ["eventIds"], message: "Choose at least one safari." });
  });

export const removeProposalSchema = z.object({ runId, proposalId: id("This proposal link is broken.") });

export const addProposalSchema = z.object({
  runId,
  executiveId: id("Choose an executive."),
  eventId: id("Choose a safari of this run."),
});

export const publishRunSchema = z.object({
  runId,
  respondWithinDays: z.coerce
    .number({ error: "Enter a whole number of days." })
    .int("Enter a whole number of days.")
    .min(1, "Give executives at least 1 day to answer.")
    .max(maxRespondWithinDays, `Executives answer within at most ${maxRespondWithinDays} days.`)
    .default(defaultRespondWithinDays),
});

export const rerunSchema = z.object({ runId });

export type CreateRunInput = z.output<typeof createRunSchema>;

/** Keyset page links (?after=<id> or ?before=<id>): a broken one reads as "the first page". */
export function pageCursor(after: unknown, before: unknown): { after: string } | { before: string } | null {
  const uuid = z.uuid();
  if (typeof after === "string" && uuid.safeParse(after).success) return { after };
  if (typeof before === "string" && uuid.safeParse(before).success) return { before };
  return null;
}

export const runPageSize = 20;
