import type { FieldErrors } from "@/lib/forms";
import { SelectField, TextField } from "@/lib/ui/fields";
import { FilterActions, PageSizeField } from "@/lib/ui/list-filter";

type Values = Record<string, string | undefined>;

/** The hosts list's filter: a name search, a persona, current or archived. Plain GET, so the view lives in the URL. */
export function HostFilter({ personas, values, errors }: { personas: { id: string; name: string }[]; values: Values; errors?: FieldErrors }) {
  return (
    <form method="get" action="/organize/hosts" className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filter the hosts">
      <TextField name="q" label="Name contains" type="search" defaultValue={values.q ?? ""} errors={errors?.q} maxLength={120} />
      <SelectField
        name="persona"
        label="Persona"
        defaultValue={values.persona ?? ""}
        errors={errors?.persona}
        options={[{ value: "", label: "Any persona" }, ...personas.map((persona) => ({ value: persona.id, label: persona.name }))]}
      />
      <SelectField
        name="archived"
        label="Hosts"
        defaultValue={values.archived ?? ""}
        errors={errors?.archived}
        options={[
          { value: "", label: "Current" },
          { value: "only", label: "Archived" },
        ]}
      />
      <PageSizeField value={values.size} errors={errors} />
      <FilterActions clearHref="/organize/hosts" />
    </form>
  );
}

/** The personas list's search. */
export function PersonaFilter({ values, errors }: { values: Values; errors?: FieldErrors }) {
  return (
    <form method="get" action="/organize/personas" className="card mb-6 grid gap-4 sm:grid-cols-3" aria-label="Filter the personas">
      <TextField name="q" label="Name or description contains" type="search" defaultValue={values.q ?? ""} errors={errors?.q} maxLength={80} />
      <PageSizeField value={values.size} errors={errors} />
      <FilterActions clearHref="/organize/personas" />
    </form>
  );
}
