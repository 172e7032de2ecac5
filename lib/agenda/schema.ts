import { z } from "zod";

export const dateOnlyRegex = /^\d{4}-\d{2}-\d{2}$/;

const realDate = (value: string) => {
  if (!dateOnlyRegex.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && date.getUTCFullYear() >= 2000 && date.getUTCFullYear() <= 2100;
};

/** The agenda's URL: ?view=week|month&date=yyyy-MM-dd. */
export const agendaQuerySchema = z.object({
  view: z.enum(["week", "month"], { message: "Choose the week or the month view." }),
  date: z.string().refine(realDate, { message: "That is not a date between 2000 and 2100 (yyyy-MM-dd)." }),
});

export type AgendaQuery = z.output<typeof agendaQuerySchema>;

/**
 * What the URL asks for, with a readable fallback for each part it gets wrong (the week view, today) and
 * the message saying so.
 */
export function parseAgendaQuery(params: { view?: string | string[]; date?: string | string[] }, today: string): AgendaQuery & { errors: Partial<Record<keyof AgendaQuery, string>> } {
  // A repeated parameter is as unreadable as a wrong one.
  const single = (value: string | string[] | undefined) => (Array.isArray(value) ? "" : value);
  const view = single(params.view);
  const date = single(params.date);
  const errors: Partial<Record<keyof AgendaQuery, string>> = {};
  const viewParsed = agendaQuerySchema.shape.view.safeParse(view ?? "week");
  const dateParsed = agendaQuerySchema.shape.date.safeParse(date ?? today);
  if (!viewParsed.success) errors.view = viewParsed.error.issues[0]!.message;
  if (!dateParsed.success) errors.date = dateParsed.error.issues[0]!.message;
  return { view: viewParsed.success ? viewParsed.data : "week", date: dateParsed.success ? dateParsed.data : today, errors };
}
