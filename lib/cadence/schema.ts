import { z } from "zod";
import { seniorities } from "@/db/enums";
import { parseQuarter } from "@/lib/engagement/summary";
import { listHref, onePosition, pageFields, param, parseListParams, textParam } from "@/lib/paging/params";

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

/** "" is "not filtered". */
export const cadenceFilterSchema = z
  .object({
    // The zone does not decide whether a key names a quarter; the page resolves it in the organisation's.
    quarter: param(z.string().refine((value) => parseQuarter(value, "UTC") !== null, "Choose a quarter from the list (written like 2026-Q3).")),
    department: textParam("The department", 80),
    seniority: param(z.enum(seniorities, { error: "Choose a seniority from the list." })),
    sort: param(z.enum(cadenceSorts, { error: "Choose an order from the list." })),
    ...pageFields,
  })
  .refine(...onePosition);

export type CadenceFilterParams = z.output<typeof cadenceFilterSchema>;

/** The URL's state, or what is wrong with it, field by field. */
export const parseCadenceFilter = (searchParams: Record<string, string | string[] | undefined>) => parseListParams(cadenceFilterSchema, searchParams);

/** The board's URL for a filter, optionally at the page after or before an executive's row. */
export function cadenceHref(filter: Partial<CadenceFilterParams>, page: { after?: string; before?: string } = {}): string {
  const { quarter, department, seniority, sort, size } = filter;
  return listHref("/organize/cadence", { quarter, department, seniority, sort, size }, page);
}

/** "never", "today", "1 day", "12 days". */
export function daysSinceLabel(days: number | null): string {
  if (days === null) return "never";
  if (days <= 0) return "today";
  return days === 1 ? "1 day" : `${days} days`;
}

/** "never", "today", "1 day ago", "12 days ago". */
export function lastContactLabel(days: number | null): string {
  return days === null || days <= 0 ? daysSinceLabel(days) : `${daysSinceLabel(days)} ago`;
}
