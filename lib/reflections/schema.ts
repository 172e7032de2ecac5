import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { z } from "zod";
import { journeyStages, momentEmotions, momentKinds, type MomentEmotion, type reflectionVisibilities } from "@/db/enums";

/*
 * The reflection form, shared by the browser and the server action. It imports no database code so it
 * can ship to the client; the lists below are checked against the database enums by type.
 */

export const emotionOptions = [
  { value: "frustrated", label: "Frustrated" },
  { value: "worried", label: "Worried" },
  { value: "embarrassed", label: "Embarrassed" },
  { value: "angry", label: "Angry" },
  { value: "surprised", label: "Surprised" },
  { value: "curious", label: "Curious" },
  { value: "moved", label: "Moved" },
  { value: "hopeful", label: "Hopeful" },
  { value: "inspired", label: "Inspired" },
  { value: "proud", label: "Proud" },
] as const satisfies readonly { value: MomentEmotion; label: string }[];
export type Emotion = (typeof emotionOptions)[number]["value"];
// Every emotion the database allows has its label here: a missing one fails the type check.
const _everyEmotionLabelled: readonly Emotion[] = momentEmotions;

export function emotionLabel(value: string): string {
  return emotionOptions.find((option) => option.value === value)?.label ?? value;
}

type Visibility = (typeof reflectionVisibilities)[number];
export const visibilityOptions = [
  { value: "private", label: "Only me", description: "Nobody else reads it; it is not counted in the emotions of the summary." },
  { value: "cx_team", label: "Me and the CX team", description: "The CX team may read it to follow up with you." },
  { value: "anonymised", label: "Only anonymised in the summary", description: "Nobody reads it; its emotions count in the summary without your name." },
] as const satisfies readonly { value: Visibility; label: string; description: string }[];
const visibilityValues = visibilityOptions.map((option) => option.value) as [Visibility, ...Visibility[]];

export function visibilityLabel(value: Visibility): string {
  return visibilityOptions.find((option) => option.value === value)?.label ?? value;
}

/** Today's date ("yyyy-MM-dd") on the calendar of `zone`: a due date is "not in the past" for its author. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return format(now, "yyyy-MM-dd", { in: tz(zone) });
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The latest allowed due date: one year after `today`. Dates in this format compare as strings. */
export function latestDueOn(today: string): string {
  return `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
}

/** Why a due date is not acceptable relative to `today`, or null when it is. */
export function dueDateProblem(dueOn: string, today: string): string | null {
  if (!isCalendarDate(dueOn)) return "Enter the date you will have done it by.";
  if (dueOn < today) return "Pick a date from today on: a commitment cannot be due in the past.";
  if (dueOn > latestDueOn(today)) return "Pick a date within one year: commit to something you can do soon.";
  return null;
}

/*
 * The structured reflection: What? (moments), So what? (empathy map, surprise, the empathy items again),
 * Now what? (commitments). The form posts flat names ("moments.0.body", "commitments.1.moments"); the
 * schema nests them, and reports each problem under the flat name of the input it belongs to, so every
 * field error lands beside its own control (lib/forms.ts keys errors by the path's first element).
 */

export const maxMoments = 20;
export const maxCommitments = 5;
export const reflectionLimits = { momentBody: 500, quote: 500, map: 1000, surprise: 2000, commitmentMin: 5, commitment: 500, helpers: 300 } as const;
export const intensityScale = { min: 1, max: 5 } as const;
export const surpriseScale = { min: 1, max: 5 } as const;
/** The briefing's three empathy items use the same 1–7 scale (lib/briefing/schema.ts). */
export const empathyItemScale = { min: 1, max: 7 } as const;
export const empathyItemCount = 3;

/** The names of the form's inputs: one place, so the form, the schema and the drafts agree. */
export const momentFields = ["id", "kind", "body", "quote", "journeyStage", "emotion", "intensity"] as const;
export const commitmentFields = ["id", "body", "dueOn", "helpers", "moments"] as const;
export type MomentField = (typeof momentFields)[number];
export type CommitmentField = (typeof commitmentFields)[number];
export const momentName = (index: number, field: MomentField) => `moments.${index}.${field}`;
export const commitmentName = (index: number, field: CommitmentField) => `commitments.${index}.${field}`;
export const empathyAfterName = (index: number) => `empathyAfter.${index}`;
export const mapFields = [
  { name: "mapSaid", label: "What the customer said" },
  { name: "mapDid", label: "What the customer did" },
  { name: "mapThought", label: "What the customer thought" },
  { name: "mapFelt", label: "What the customer felt" },
] as const;

const trimmed = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim());

const text = (max: number, message: string) => trimmed.pipe(z.string().max(max, message));

/** A whole number on a scale, sent as text by a radio group; "" or nothing is "not chosen". */
function scale({ min, max }: { min: number; max: number }, message: string) {
  return trimmed.pipe(z.string().regex(/^\d+$/, message).transform(Number).pipe(z.number().int(message).min(min, message).max(max, message)));
}

function optionalScale(range: { min: number; max: number }, message: string) {
  return z.union([z.literal("").transform(() => null), scale(range, message)], { error: message }).optional().transform((value) => value ?? null);
}

/** A hidden id input: "" or absent for a new row. */
const optionalId = trimmed.pipe(z.union([z.literal("").transform(() => undefined), z.uuid("This form refers to a row that is not part of this reflection.")]));

const momentSchema = z.object({
  id: optionalId,
  kind: z.enum(momentKinds, { error: "Choose ouch (pain) or aah (delight)." }),
  body: trimmed.pipe(
    z
      .string()
      .min(1, "Say what happened in this moment.")
      .max(reflectionLimits.momentBody, `Keep the moment to ${reflectionLimits.momentBody} characters or fewer.`),
  ),
  quote: text(reflectionLimits.quote, `Keep the quote to ${reflectionLimits.quote} characters or fewer.`),
  journeyStage: z.enum(journeyStages, { error: "Choose where in the customer's journey it happened." }),
  emotion: z.enum(momentEmotions, { error: "Choose the emotion this moment stirred in you." }),
  intensity: scale(intensityScale, "Choose how strongly you felt it, from 1 to 5."),
});

export type MomentInput = z.output<typeof momentSchema>;

/**
 * `keptDueOn`: an existing commitment's due date by its id. Editing may keep a date that has passed
 * since; only a new or changed date must be from today on.
 */
function commitmentSchema(today: string, keptDueOn: Readonly<Record<string, string>>) {
  return z
    .object({
      id: optionalId,
      body: trimmed.pipe(
        z
          .string()
          .min(reflectionLimits.commitmentMin, `Say what you will change, in at least ${reflectionLimits.commitmentMin} characters.`)
          .max(reflectionLimits.commitment, `Keep your commitment to ${reflectionLimits.commitment} characters or fewer.`),
      ),
      dueOn: trimmed,
      helpers: text(reflectionLimits.helpers, `Keep who else is needed to ${reflectionLimits.helpers} characters or fewer.`),
      // Ticked checkboxes of one name arrive joined by new lines (lib/forms.ts): the moments' positions.
      moments: trimmed
        .transform((value) => value.split(/\s+/).filter(Boolean))
        .pipe(
          z
            .array(z.string().regex(/^\d{1,2}$/, "Tick the moments this commitment answers.").transform(Number))
            .min(1, "Tick at least one moment this commitment answers.")
            .transform((positions) => [...new Set(positions)].sort((a, b) => a - b)),
        ),
    })
    .superRefine((commitment, context) => {
      if (commitment.id && keptDueOn[commitment.id] === commitment.dueOn) return;
      const problem = dueDateProblem(commitment.dueOn, today);
      if (problem) context.addIssue({ code: "custom", message: problem, path: ["dueOn"] });
    });
}

export type CommitmentInput = z.output<ReturnType<typeof commitmentSchema>>;

const empathyItemMessage = `Rate each statement from ${empathyItemScale.min} to ${empathyItemScale.max}.`;

/** The three items after the safari: all three rated, or none (then there is no shift to show). */
const empathyAfterSchema = z.array(z.string().optional()).transform((values, context): [number, number, number] | null => {
  const given = values.map((value) => (value ?? "").trim());
  if (given.every((value) => value === "")) return null;
  const ratings = given.map((value, index) => {
    const rating = /^\d+$/.test(value) ? Number(value) : NaN;
    if (value === "") context.addIssue({ code: "custom", message: "Rate all three statements, or none of them.", path: [index] });
    else if (!(rating >= empathyItemScale.min && rating <= empathyItemScale.max)) context.addIssue({ code: "custom", message: empathyItemMessage, path: [index] });
    return rating;
  });
  return ratings.length === empathyItemCount ? (ratings as [number, number, number]) : null;
});

function contentSchema(today: string, keptDueOn: Readonly<Record<string, string>>) {
  return z
    .object({
      moments: z
        .array(momentSchema)
        .min(1, "Add at least one moment: what hurt or delighted the customer?")
        .max(maxMoments, `Keep to ${maxMoments} moments or fewer.`),
      mapSaid: text(reflectionLimits.map, `Keep what they said to ${reflectionLimits.map} characters or fewer.`),
      mapDid: text(reflectionLimits.map, `Keep what they did to ${reflectionLimits.map} characters or fewer.`),
      mapThought: text(reflectionLimits.map, `Keep what they thought to ${reflectionLimits.map} characters or fewer.`),
      mapFelt: text(reflectionLimits.map, `Keep what they felt to ${reflectionLimits.map} characters or fewer.`),
      surprise: text(reflectionLimits.surprise, `Keep what surprised you to ${reflectionLimits.surprise} characters or fewer.`),
      surpriseScore: optionalScale(surpriseScale, "Rate how far it differed from your prediction, from 1 to 5."),
      empathyAfter: empathyAfterSchema,
      commitments: z
        .array(commitmentSchema(today, keptDueOn))
        .min(1, "Add at least one commitment: what will you change?")
        .max(maxCommitments, `Keep to ${maxCommitments} commitments or fewer.`),
      visibility: z.enum(visibilityValues, { error: "Choose who may read this reflection." }),
    })
    .superRefine((content, context) => {
      // A written surprise needs its score: the summary compares scores, the text alone says nothing to count.
      // A score without words is allowed ("it went as I predicted" needs no text).
      if (content.surprise !== "" && content.surpriseScore === null) {
        context.addIssue({ code: "custom", message: "Rate how far it differed from your prediction, from 1 to 5.", path: ["surpriseScore"] });
      }
      content.commitments.forEach((commitment, index) => {
        if (commitment.moments.some((position) => position >= content.moments.length)) {
          context.addIssue({ code: "custom", message: "Tick only moments written above.", path: ["commitments", index, "moments"] });
        }
      });
    });
}

const listKey = /^(moments|commitments)\.(\d{1,2})\.([A-Za-z]+)$/;
const empathyKey = /^empathyAfter\.([0-2])$/;

/** The flat form values as the nested shape the schema checks: lists in the order of their indexes. */
export function nestFormValues(values: Record<string, string>): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  const lists: Record<"moments" | "commitments", Record<string, string>[]> = { moments: [], commitments: [] };
  const empathyAfter: (string | undefined)[] = [undefined, undefined, undefined];
  for (const [key, value] of Object.entries(values)) {
    const item = listKey.exec(key);
    const empathy = empathyKey.exec(key);
    if (item) (lists[item[1] as "moments" | "commitments"][Number(item[2])] ??= {})[item[3]!] = value;
    else if (empathy) empathyAfter[Number(empathy[1])] = value;
    else nested[key] = value;
  }
  // A gap in the indexes is a row with nothing filled in: its required fields say so under their own names.
  for (const name of ["moments", "commitments"] as const) nested[name] = Array.from(lists[name], (row) => row ?? {});
  nested.empathyAfter = empathyAfter;
  return nested;
}

/** The input an issue belongs to: "moments.0.body" for any deeper path inside it (one ticked moment, say). */
function inputNameOf(path: readonly PropertyKey[]): string {
  const depth = path[0] === "moments" || path[0] === "commitments" ? 3 : path[0] === "empathyAfter" ? 2 : 1;
  return path.slice(0, depth).map(String).join(".") || "form";
}

/** `schema` applied to flat form values, each issue under the flat name of its input ("moments.0.body"). */
function flatForm<S extends z.ZodType>(schema: S) {
  return z.record(z.string(), z.string()).transform((values, context): z.output<S> => {
    const parsed = schema.safeParse(nestFormValues(values));
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) context.addIssue({ code: "custom", message: issue.message, path: [inputNameOf(issue.path)] });
    return z.NEVER;
  });
}

/**
 * The form's schema for an author whose calendar shows `today` ("yyyy-MM-dd" in their own zone):
 * the page computes it for the browser and the action computes it again on the server.
 */
export function reflectionSchema(today: string) {
  return flatForm(contentSchema(today, {}).safeExtend({ participationId: z.uuid({ error: "This form is not linked to one of your safaris." }) }));
}

export type ReflectionInput = z.output<ReturnType<typeof reflectionSchema>>;

/** Editing: the same form, for an existing reflection whose commitments have the due dates `keptDueOn`. */
export function reflectionEditSchema(today: string, keptDueOn: Readonly<Record<string, string>> = {}) {
  return flatForm(contentSchema(today, keptDueOn).safeExtend({ reflectionId: z.uuid({ error: "Unknown reflection." }) }));
}

export type ReflectionEditInput = z.output<ReturnType<typeof reflectionEditSchema>>;

const draftKey = /^(participationId|visibility|mapSaid|mapDid|mapThought|mapFelt|surprise|surpriseScore|empathyAfter\.[0-2]|moments\.\d{1,2}\.(id|kind|body|quote|journeyStage|emotion|intensity)|commitments\.\d\.(id|body|dueOn|helpers|moments))$/;
/** A draft's longest value: the longest text field of the form (the surprise). */
const draftValueLimit = reflectionLimits.surprise;
export const maxDraftBytes = 65_536;

/**
 * A draft: what the form holds while its author types, checked loosely (anything may still be missing)
 * but within the same names and limits, and small enough for the table's 64 KB check.
 */
export const draftSchema = z
  .record(z.string(), z.string())
  .superRefine((values, context) => {
    for (const [key, value] of Object.entries(values)) {
      if (!draftKey.test(key)) context.addIssue({ code: "custom", message: "This draft holds a field the form does not have.", path: ["form"] });
      else if (value.length > draftValueLimit) context.addIssue({ code: "custom", message: "This field is too long to keep.", path: [key] });
    }
    if (new TextEncoder().encode(JSON.stringify(values)).length > maxDraftBytes) context.addIssue({ code: "custom", message: "This draft is too large to keep.", path: ["form"] });
  })
  .transform((values) => {
    const { participationId, ...content } = values;
    return { participationId: participationId ?? "", content };
  })
  .pipe(z.object({ participationId: z.uuid({ error: "This form is not linked to one of your safaris." }), content: z.record(z.string(), z.string()) }));

export type DraftContent = Record<string, string>;

/** For how long after it was written its author may still change a reflection's visibility. */
export const editWindowDays = 14;

/** Whether a reflection written at `createdAt` may still be changed at `now`. */
export const withinEditWindow = (createdAt: Date, now: Date) => now.getTime() < createdAt.getTime() + editWindowDays * 86_400_000;

export const visibilityChangeSchema = z.object({
  reflectionId: z.uuid("Unknown reflection."),
  visibility: z.enum(visibilityValues, { error: "Choose who may read this reflection." }),
});
