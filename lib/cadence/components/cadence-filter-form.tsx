import type { Quarter } from "@/lib/engagement/summary";
import { ExecutiveFields } from "@/lib/people/components/people-filters";
import type { FieldErrors } from "@/lib/forms";
import { SelectField } from "@/lib/ui/fields";
import { FilterActions, PageSizeField } from "@/lib/ui/list-filter";
import { cadenceSortLabels, cadenceSorts } from "../schema";

/**
 * A plain GET form: the board's state lives in the URL, so a view can be shared and reloaded, and it
 * works without JavaScript. A new filter or order starts again at the first page.
 */
export function CadenceFilterForm({
  quarters,
  departments,
  values,
  errors,
}: {
  quarters: Quarter[];
  departments: string[];
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  return (
    <form method="get" action="/organize/cadence" className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Filter the cadence board">
      <SelectField
        name="quarter"
        label="Quarter"
        defaultValue={values.quarter ?? ""}
        errors={errors?.quarter}
        options={quarters.map((quarter) => ({ value: quarter.key, label: quarter.label }))}
      />
      <ExecutiveFields departments={departments} values={values} errors={errors} />
      <SelectField
        name="sort"
        label="Order"
        defaultValue={values.sort || "contact"}
        errors={errors?.sort}
        options={cadenceSorts.map((sort) => ({ value: sort, label: cadenceSortLabels[sort] }))}
      />
      <PageSizeField value={values.size} errors={errors} />
      <FilterActions clearHref="/organize/cadence" />
    </form>
  );
}
