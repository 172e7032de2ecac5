import { z } from "zod";
import { seniorities } from "@/db/enums";
import { parseQuarter } from "@/lib/engagement/summary";
import { fieldErrorsOf, type FieldErrors } from "@/lib/forms";

/*
 * The cadence board's state, read from the URL (/organize/cadence?quarter=…&department=…&seniority=…
 * &sort=…&size=…&after=…|before=…), and the words the page uses for it. No database code: the filter form
 * renders from it too.
 */

export const cadenceSorts = ["contact", "shortfall", "name"] as const;
export type CadenceSort = (typeof cadenceSorts)[number];

export const cadenceSortLabels: Record<CadenceSort, string> = {
  contact: "Longest without customer contact",
  shortfall: "Furthest behind target",
  name: "Name",
};

export const cadencePageSizes = ["10", "25", "50"] as const;
export const defaultCadencePageSize = 25;

const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/;
const brokenLink = "This link to a page of the board is broken.";

/** "" is "not filtered". */
const param = <T extends z.ZodType<unknown, string>>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const cadenceFilterSchema = z
  .object({
    // The zone does not decide whether a key names a quarter; the page resolves it in the organisation's.
    quarter: param(z.string().refine((value) => parseQuarter(value, "UTC") !== null, "Choose a quarter from the list (written like 2026-Q3).")),
    department: param(
      z
        .string()
        .trim()
        .max(80, "A department has at most 80 characters.")
        .refine((value) => !controlCharacter.test(value), "Remove the invisible control characters from the department."),
    ),
    seniority: param(z.enum(seniorities, { error: "Choose a seniority from the list." })),
    sort: param(z.enum(cadenceSorts, { error: "Choose an order from the list." })),
    size: param(z.enum(cadencePageSizes, { error: "Choose 10, 25 or 50 rows a page." })),
    after: param(z.uuid({ error: brokenLink })),
    before: param(z.uuid({ error: brokenLink })),
  })
  .refine((filter) => !filter.after || !filter.before, { path: ["after"], message: brokenLink });

export type CadenceFilterParams = z.output<typeof cadenceFilterSchema>;

/** The URL's state, or what is wrong with it, field by field. */
export function parseCadenceFilter(searchParams: Record<string, string | string[] | undefined>):
  | { success: true; data: CadenceFilterParams }
  | { success: false; fieldErrors: FieldErrors } {
  // A parameter given twice is refused, not guessed at.
  const repeated = Object.entries(searchParams).filter(([, value]) => Array.isArray(value));
  if (repeated.length > 0) return { success: false, fieldErrors: Object.fromEntries(repeated.map(([key]) => [key, ["Give this filter once."]])) };
  const parsed = cadenceFilterSchema.safeParse(searchParams);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, fieldErrors: fieldErrorsOf(parsed.error) };
}

/** The board's URL for a filter, optionally at the page after or before an executive's row. */
export function cadenceHref(filter: Partial<CadenceFilterParams>, page: { after?: string; before?: string } = {}): string {
  const params = new URLSearchParams();
  for (const key of ["quarter", "department", "seniority", "sort", "size"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (page.after) params.set("after", page.after);
  if (page.before) params.set("before", page.before);
  const query = params.toString();
  return query ? `/organize/cadence?${query}` : "/organize/cadence";
}

/** "never", "today", "1 day", "12 days". */
export function daysSinceLabel(days: number | null): string {
  if (days === null) return "never";
  if (days <= 0) return "today";
  return days === 1 ? "1 day" : `${days} days`;
}
