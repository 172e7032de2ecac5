import type { FieldErrors } from "@/lib/forms";
import { defaultPageSize, pageSizes } from "@/lib/paging/params";
import { SelectField } from "./fields";

/** The rows-a-page choice of a paged list's filter form. */
export function PageSizeField({ value, errors }: { value?: string; errors?: FieldErrors }) {
  return (
    <SelectField
      name="size"
      label="Rows a page"
      defaultValue={value || String(defaultPageSize)}
      errors={errors?.size}
      options={pageSizes.map((size) => ({ value: size, label: size }))}
    />
  );
}

/** Submit and "Clear filters" (a link to the list without its filters). */
export function FilterActions({ clearHref, submitLabel = "Show" }: { clearHref: string; submitLabel?: string }) {
  return (
    <div className="flex items-end gap-2">
      <button type="submit" className="btn-primary">
        {submitLabel}
      </button>
      <a href={clearHref} className="btn-secondary">
        Clear filters
      </a>
    </div>
  );
}
