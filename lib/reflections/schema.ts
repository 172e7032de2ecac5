import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { z } from "zod";
import type { reflectionVisibilities } from "@/db/schema";

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
] as const;
export type Emotion = (typeof emotionOptions)[number]["value"];
const emotionValues = emotionOptions.map((option) => option.value) as [Emotion, ...Emotion[]];

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

export const scaleOptions = [
  { value: "1", label: "1 – barely" },
  { value: "2", label: "2 – a little" },
  { value: "3", label: "3 – clearly" },
  { value: "4", label: "4 – strongly" },
  { value: "5", label: "5 – very strongly" },
] as const;

export const maxMoments = 10;
export const maxMomentLength = 300;

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

const text = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim());

/** A textarea with one moment a line, as a list without blank lines. */
function moments(kind: "ouch" | "aah", missing: string) {
  return z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    )
    .pipe(
      z
        .array(z.string().max(maxMomentLength, `Keep each ${kind} moment to ${maxMomentLength} characters or fewer.`))
        .min(1, missing)
        .max(maxMoments, `Write at most ${maxMoments} ${kind} moments, one per line.`),
    );
}

/** A 1–5 choice where "" means "not recorded". */
const optionalScale = (message: string) =>
  text.transform((value) => (value === "" ? null : Number(value))).pipe(z.number({ error: message }).int(message).min(1, message).max(5, message).nullable());

/**
 * The form's schema for an author whose calendar shows `today` ("yyyy-MM-dd" in their own zone):
 * the page computes it for the browser and the action computes it again on the server.
 */
export function reflectionSchema(today: string) {
  return z.object({
    participationId: z.uuid({ error: "This form is not linked to one of your safaris." }),
    ouchMoments: moments("ouch", "Add at least one ouch moment: what hurt the customer?"),
    aahMoments: moments("aah", "Add at least one aah moment: what delighted the customer?"),
    emotion: z.enum(emotionValues, { error: "Choose the emotion you felt most." }),
    intensity: z.coerce
      .number({ error: "Choose how strongly you felt it, from 1 to 5." })
      .int("Choose how strongly you felt it, from 1 to 5.")
      .min(1, "Choose how strongly you felt it, from 1 to 5.")
      .max(5, "Choose how strongly you felt it, from 1 to 5."),
    empathyBefore: optionalScale("Rate your empathy before the safari from 1 to 5, or leave it empty."),
    empathyAfter: optionalScale("Rate your empathy after the safari from 1 to 5, or leave it empty."),
    customerQuote: text.pipe(z.string().max(1000, "Keep the quote to 1000 characters or fewer.")),
    surprise: text.pipe(z.string().max(2000, "Keep what surprised you to 2000 characters or fewer.")),
    commitment: text.pipe(
      z
        .string()
        .min(5, "Say what you will change, in at least 5 characters.")
        .max(500, "Keep your commitment to 500 characters or fewer."),
    ),
    commitmentDueOn: text.superRefine((value, context) => {
      const problem = dueDateProblem(value, today);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
    visibility: z.enum(visibilityValues, { error: "Choose who may read this reflection." }),
  });
}

export type ReflectionInput = z.output<ReturnType<typeof reflectionSchema>>;

/** For how long after it was written its author may still change a reflection's visibility. */
export const editWindowDays = 14;

/** Whether a reflection written at `createdAt` may still be changed at `now`. */
export const withinEditWindow = (createdAt: Date, now: Date) => now.getTime() < createdAt.getTime() + editWindowDays * 86_400_000;

export const visibilityChangeSchema = z.object({
  reflectionId: z.uuid("Unknown reflection."),
  visibility: z.enum(visibilityValues, { error: "Choose who may read this reflection." }),
});
