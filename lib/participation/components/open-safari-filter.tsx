import type { FieldErrors } from "@/lib/forms";
import { SelectField, TextField, type SelectOption } from "@/lib/ui/fields";
import { FilterActions, PageSizeField } from "@/lib/ui/list-filter";
import type { OpenSafariListParams } from "../list";

/** A plain GET form: the list's state lives in the URL, so a view can be shared and reloaded. */
export function OpenSafariFilter({
  personas,
  typeOptions,
  values,
  errors,
}: {
  personas: { id: string; name: string }[];
  /** The types still offered. */
  typeOptions: SelectOption[];
  values: Partial<Record<keyof OpenSafariListParams, string>>;
  errors?: FieldErrors;
}) {
  return (
    <form method="get" action="/safaris" className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Filter the open safaris">
      <SelectField name="type" label="Type" defaultValue={values.type ?? ""} errors={errors?.type} options={[{ value: "", label: "Any type" }, ...typeOptions]} />
      <SelectField
        name="persona"
        label="Customer persona"
        defaultValue={values.persona ?? ""}
        errors={errors?.persona}
        options={[{ value: "", label: "Any persona" }, ...personas.map((persona) => ({ value: persona.id, label: persona.name }))]}
      />
      <SelectField
        name="seats"
        label="Seats"
        defaultValue={values.seats ?? ""}
        errors={errors?.seats}
        options={[
          { value: "", label: "Also full ones (waitlist)" },
          { value: "free", label: "Only with a free seat" },
        ]}
      />
      <TextField name="from" label="Starting from" type="date" defaultValue={values.from ?? ""} errors={errors?.from} />
      <TextField name="to" label="Starting until" type="date" defaultValue={values.to ?? ""} errors={errors?.to} />
      <PageSizeField value={values.size} errors={errors} />
      <FilterActions clearHref="/safaris" />
    </form>
  );
}
