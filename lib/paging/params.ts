import { z } from "zod";
import { fieldErrorsOf, type FieldErrors } from "@/lib/forms";

/*
 * A paged list's state in the URL: its filters, the page size, and where the page starts (`after` a row's
 * id, or `before` one). No database code: filter forms and links render from it in any component.
 */

export const pageSizes = ["10", "25", "50"] as const;
export const defaultPageSize = 25;

const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/;
export const brokenPageLink = "This link to a page of the list is broken.";

/** An optional URL parameter: "" is "not filtered". */
export const param = <T extends z.ZodType<unknown, string>>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** Free text typed into a filter: trimmed, at most `max` characters, no control characters. */
export const textParam = (label: string, max: number) =>
  param(
    z
      .string()
      .trim()
      .max(max, `${label} has at most ${max} characters.`)
      .refine((value) => !controlCharacter.test(value), `Remove the invisible control characters from ${label.toLowerCase()}.`),
  );

/** A calendar day, "2026-03-29", as a date input gives it; one message for what is wrong with it. */
export const dayParam = (label: string) =>
  param(
    z.string().superRefine((value, ctx) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        ctx.addIssue({ code: "custom", message: `${label}: give a date like 2026-03-29.` });
        return;
      }
      const [y, m, d] = value.split("-").map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      if (y < 2000 || y > 2100 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) ctx.addIssue({ code: "custom", message: `${label}: that day does not exist.` });
    }),
  );

/** Page size and position, shared by every paged list. */
export const pageFields = {
  size: param(z.enum(pageSizes, { error: "Choose 10, 25 or 50 rows a page." })),
  after: param(z.uuid({ error: brokenPageLink })),
  before: param(z.uuid({ error: brokenPageLink })),
};

export type PageParams = { size?: (typeof pageSizes)[number]; after?: string; before?: string };

/** A page starts after a row, before one, or at the start: never both. */
export const onePosition: [(value: PageParams) => boolean, { path: string[]; message: string }] = [
  (value) => !value.after || !value.before,
  { path: ["after"], message: brokenPageLink },
];

export type Parsed<T> = { success: true; data: T } | { success: false; fieldErrors: FieldErrors };

/** The URL's state by a list's schema, or what is wrong with it, field by field. */
export function parseListParams<T>(schema: z.ZodType<T>, searchParams: Record<string, string | string[] | undefined>): Parsed<T> {
  // A parameter given twice is refused, not guessed at.
  const repeated = Object.entries(searchParams).filter(([, value]) => Array.isArray(value));
  if (repeated.length > 0) return { success: false, fieldErrors: Object.fromEntries(repeated.map(([key]) => [key, ["Give this filter once."]])) };
  const parsed = schema.safeParse(searchParams);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, fieldErrors: fieldErrorsOf(parsed.error) };
}

/** Where a page of a list starts, from its parsed state. */
export type Cursor = { after: string } | { before: string } | null;
export const cursorOf = (params: PageParams): Cursor => (params.after ? { after: params.after } : params.before ? { before: params.before } : null);
export const pageSizeOf = (params: PageParams) => (params.size ? Number(params.size) : defaultPageSize);

/** A list's URL: its filters in the order given (empty ones left out), then the page's position. */
export function listHref(path: string, values: Record<string, string | undefined>, page: { after?: string; before?: string } = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value && key !== "after" && key !== "before") params.set(key, value);
  if (page.after) params.set("after", page.after);
  if (page.before) params.set("before", page.before);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The raw URL values as strings, to show a refused filter in its form so it can be corrected. */
export const rawValues = (searchParams: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, typeof value === "string" ? value : ""]));
