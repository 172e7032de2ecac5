import { z } from "zod";
import { eventTypeKeyRegex } from "@/db/enums";

/*
 * What forms and pages need to know about the catalogue of safari types (event_types), free of database
 * code so client forms can use it: the choices, and the rule that a type's seat limit holds.
 */

/** One type as forms see it. */
export type TypeChoice = {
  key: string;
  name: string;
  defaultDurationMinutes: number;
  defaultSeats: number;
  /** No event of this type may have more seats (null: only the app-wide limit). */
  maxSeats: number | null;
  lateWithdrawalHours: number;
  guidance: string;
  archived: boolean;
};

/** Select options for the types still offered, and for archived ones in `keep` (an event's or a profile's own). */
export function typeOptions(types: readonly TypeChoice[], keep: readonly string[] = []) {
  return types.filter((type) => !type.archived || keep.includes(type.key)).map((type) => ({ value: type.key, label: type.name }));
}

/** The name of `key`, or the key itself for a type no longer in the list. */
export function typeName(types: readonly TypeChoice[], key: string): string {
  return types.find((type) => type.key === key)?.name ?? key;
}

/** Why `seats` is too many for `type`, or null. */
export function seatsProblem(type: TypeChoice | undefined, seats: number): string | null {
  if (!type || type.maxSeats === null || seats <= type.maxSeats) return null;
  return `A ${type.name.toLowerCase()} takes at most ${type.maxSeats} executive${type.maxSeats === 1 ? "" : "s"}.`;
}

const whole = (min: number, max: number, message: string) =>
  z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);

const typeFields = z.object({
  name: z
    .string({ error: "Give the type a name." })
    .trim()
    .min(2, "Give the type a name of at least 2 characters.")
    .max(60, "Keep the name to 60 characters or fewer."),
  defaultDurationMinutes: whole(15, 1440, "Give the usual length in minutes, from 15 to 1440 (a day)."),
  defaultSeats: whole(1, 500, "Give the usual seats as a whole number from 1 to 500."),
  // Left empty: no limit of its own.
  maxSeats: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value?.trim()) return null;
      const seats = Number(value);
      if (!Number.isInteger(seats) || seats < 1 || seats > 500) {
        ctx.addIssue({ code: "custom", message: "Give the most seats as a whole number from 1 to 500, or leave it empty for no limit." });
        return z.NEVER;
      }
      return seats;
    }),
  lateWithdrawalHours: whole(0, 336, "Give the late-withdrawal window in whole hours, from 0 to 336 (two weeks)."),
  guidance: z.string().trim().max(2000, "Keep the guidance to 2000 characters or fewer.").default(""),
});

type TypeFields = z.output<typeof typeFields>;

const maxNotBelowUsual = (value: TypeFields, ctx: z.RefinementCtx<TypeFields>) => {
  if (value.maxSeats !== null && value.maxSeats < value.defaultSeats) {
    ctx.addIssue({ code: "custom", path: ["maxSeats"], message: "The most seats cannot be fewer than the usual seats." });
  }
};

/** The catalogue's form: a new type. */
export const eventTypeFormSchema = typeFields.superRefine(maxNotBelowUsual);

/** The same form for one existing type, named by its key. */
export const eventTypeEditSchema = typeFields.extend({ key: z.string().regex(eventTypeKeyRegex, "Unknown type.") }).superRefine(maxNotBelowUsual);

export type EventTypeInput = z.output<typeof eventTypeFormSchema>;

/** Archiving hides a type from new events; restoring offers it again. */
export const archiveEventTypeSchema = z.object({
  key: z.string().regex(eventTypeKeyRegex, "Unknown type."),
  archived: z.enum(["true", "false"], { error: "Choose whether to archive or restore the type." }),
});

/** A key for a new type's name: lowercase ASCII letters, digits and underscores ("Café-Besuch" → "cafe_besuch"). */
export function keyFromName(name: string): string {
  const key = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 32);
  return key.length >= 2 ? key : `type_${key}`.replace(/_$/, "");
}
