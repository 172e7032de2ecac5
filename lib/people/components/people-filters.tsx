import { seniorities, userRoles } from "@/db/enums";
import type { FieldErrors } from "@/lib/forms";
import { SelectField, TextField } from "@/lib/ui/fields";
import { FilterActions, PageSizeField } from "@/lib/ui/list-filter";
import { roleLabels } from "@/lib/ui/nav";
import { seniorityLabels } from "../labels";

type Values = Record<string, string | undefined>;

const SearchField = ({ values, errors }: { values: Values; errors?: FieldErrors }) => (
  <TextField name="q" label="Name or e-mail contains" type="search" defaultValue={values.q ?? ""} errors={errors?.q} maxLength={120} />
);

/** The admin's accounts: role and a search; plain GET, so the view lives in the URL. */
export function PeopleFilter({ values, errors }: { values: Values; errors?: FieldErrors }) {
  return (
    <form method="get" action="/people" className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filter the accounts">
      <SearchField values={values} errors={errors} />
      <SelectField
        name="role"
        label="Role"
        defaultValue={values.role ?? ""}
        errors={errors?.role}
        options={[{ value: "", label: "Any role" }, ...userRoles.map((role) => ({ value: role, label: roleLabels[role] }))]}
      />
      <PageSizeField value={values.size} errors={errors} />
      <FilterActions clearHref="/people" />
    </form>
  );
}

/** Department and seniority of executives, for the filters of the lists of executives. */
export function ExecutiveFields({ departments, values, errors }: { departments: string[]; values: Values; errors?: FieldErrors }) {
  const department = values.department ?? "";
  // A department no executive has any more still shows as chosen rather than silently as "All".
  const departmentOptions = department && !departments.includes(department) ? [...departments, department] : departments;
  return (
    <>
      <SelectField
        name="department"
        label="Department"
        defaultValue={department}
        errors={errors?.department}
        options={[{ value: "", label: "All departments" }, ...departmentOptions.map((name) => ({ value: name, label: name }))]}
      />
      <SelectField
        name="seniority"
        label="Seniority"
        defaultValue={values.seniority ?? ""}
        errors={errors?.seniority}
        options={[{ value: "", label: "All levels" }, ...seniorities.map((level) => ({ value: level, label: seniorityLabels[level] }))]}
      />
    </>
  );
}

/** The organizers' executives: department, seniority and a search. */
export function ExecutiveFilter({ departments, values, errors }: { departments: string[]; values: Values; errors?: FieldErrors }) {
  return (
    <form method="get" action="/organize/executives" className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Filter the executives">
      <SearchField values={values} errors={errors} />
      <ExecutiveFields departments={departments} values={values} errors={errors} />
      <PageSizeField value={values.size} errors={errors} />
      <FilterActions clearHref="/organize/executives" />
    </form>
  );
}
