import type { FieldErrors } from "@/lib/forms";
import { SelectField, TextField } from "@/lib/ui/fields";
import { FilterActions, PageSizeField } from "@/lib/ui/list-filter";
import { commitmentFilterOptions } from "../list";

type Values = Record<string, string | undefined>;

function StatusField({ values, errors }: { values: Values; errors?: FieldErrors }) {
  return (
    <SelectField name="status" label="Status" defaultValue={values.status ?? ""} errors={errors?.status} options={[{ value: "", label: "Any status" }, ...commitmentFilterOptions]} />
  );
}

/** The executive's own list: by status, overdue included. Plain GET, so the view lives in the URL. */
export function MyCommitmentFilter({ values, errors }: { values: Values; errors?: FieldErrors }) {
  return (
    <form method="get" action="/commitments" className="card mb-6 grid gap-4 sm:grid-cols-3" aria-label="Filter my commitments">
      <StatusField values={values} errors={errors} />
      <PageSizeField value={values.size} errors={errors} />
      <FilterActions clearHref="/commitments" />
    </form>
  );
}

/** The organizers' list: status (overdue included), a search and a department. */
export function SharedCommitmentFilter({ departments, values, errors }: { departments: string[]; values: Values; errors?: FieldErrors }) {
  return (
    <form method="get" action="/organize/commitments" className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filter the commitments">
      <TextField name="q" label="Commitment, executive or safari contains" type="search" defaultValue={values.q ?? ""} errors={errors?.q} maxLength={120} />
      <StatusField values={values} errors={errors} />
      <SelectField
        name="department"
        label="Department"
        defaultValue={values.department ?? ""}
        errors={errors?.department}
        options={[{ value: "", label: "Any department" }, ...departments.map((department) => ({ value: department, label: department }))]}
      />
      <PageSizeField value={values.size} errors={errors} />
      <FilterActions clearHref="/organize/commitments" />
    </form>
  );
}
