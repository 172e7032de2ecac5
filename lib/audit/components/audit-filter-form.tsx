import type { FieldErrors } from "@/lib/forms";
import { SelectField, TextField } from "@/lib/ui/fields";
import { FilterActions } from "@/lib/ui/list-filter";
import { auditObjectTypes, objectTypeLabels, systemActor, systemActorLabel } from "../schema";

/**
 * A plain GET form: the filter lives in the URL, so a filtered view can be shared and reloaded, and it
 * works without JavaScript. A new filter starts again at the newest entry.
 */
export function AuditFilterForm({
  actors,
  values,
  errors,
}: {
  actors: { id: string; name: string }[];
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  return (
    <form method="get" action="/audit" className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Filter the audit trail">
      <SelectField
        name="actor"
        label="Person"
        defaultValue={values.actor ?? ""}
        errors={errors?.actor}
        options={[{ value: "", label: "Anyone" }, { value: systemActor, label: systemActorLabel }, ...actors.map((actor) => ({ value: actor.id, label: actor.name }))]}
      />
      <TextField name="who" label="Name or e-mail contains" type="search" defaultValue={values.who ?? ""} errors={errors?.who} maxLength={120} />
      <SelectField
        name="type"
        label="Kind of object"
        defaultValue={values.type ?? ""}
        errors={errors?.type}
        options={[{ value: "", label: "Any" }, ...auditObjectTypes.map((type) => ({ value: type, label: objectTypeLabels[type] }))]}
      />
      <TextField name="object" label="Object id" defaultValue={values.object ?? ""} errors={errors?.object} maxLength={320} autoComplete="off" />
      <TextField name="from" label="From (date)" type="date" defaultValue={values.from ?? ""} errors={errors?.from} />
      <TextField name="to" label="To (date, included)" type="date" defaultValue={values.to ?? ""} errors={errors?.to} />
      <FilterActions clearHref="/audit" submitLabel="Filter" />
    </form>
  );
}
