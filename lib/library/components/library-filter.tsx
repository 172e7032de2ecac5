import type { FieldErrors } from "@/lib/forms";
import { journeyStageOptions, momentKindOptions } from "@/lib/reflections/labels";
import { emotionOptions } from "@/lib/reflections/schema";
import { SelectField, TextField, type SelectOption } from "@/lib/ui/fields";
import { FilterActions, PageSizeField } from "@/lib/ui/list-filter";
import { librarySearchMax, type LibraryListParams } from "../schema";

type Values = Partial<Record<keyof LibraryListParams, string>>;

/**
 * The library's filters as a plain GET form: the view lives in the URL, so it can be shared and reloaded.
 * A commitment's view ("open its moments") keeps its commitment as a hidden field until cleared.
 */
export function LibraryFilter({
  values,
  errors,
  typeOptions,
  personaOptions,
}: {
  values: Values;
  errors?: FieldErrors;
  typeOptions: SelectOption[];
  personaOptions: SelectOption[];
}) {
  const any = (label: string, options: readonly SelectOption[]) => [{ value: "", label }, ...options];
  return (
    <form method="get" action="/library" className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Search the moments">
      {values.commitment ? <input type="hidden" name="commitment" value={values.commitment} /> : null}
      <div className="sm:col-span-2">
        <TextField
          name="q"
          label="Words in the moment or quote"
          type="search"
          defaultValue={values.q ?? ""}
          errors={errors?.q}
          maxLength={librarySearchMax}
          hint="German, English or Greek; other forms of a word match too. “Quotes” for a phrase, or for either word, -word to leave out."
        />
      </div>
      <SelectField name="kind" label="Ouch or aah" defaultValue={values.kind ?? ""} errors={errors?.kind} options={any("Both", momentKindOptions)} />
      <SelectField name="emotion" label="Emotion" defaultValue={values.emotion ?? ""} errors={errors?.emotion} options={any("Any emotion", emotionOptions)} />
      <SelectField name="stage" label="Journey stage" defaultValue={values.stage ?? ""} errors={errors?.stage} options={any("Any stage", journeyStageOptions)} />
      <SelectField name="persona" label="Persona" defaultValue={values.persona ?? ""} errors={errors?.persona} options={any("Any persona", personaOptions)} />
      <SelectField name="type" label="Safari type" defaultValue={values.type ?? ""} errors={errors?.type} options={any("Any type", typeOptions)} />
      <TextField name="from" label="Safaris from" type="date" defaultValue={values.from ?? ""} errors={errors?.from} />
      <TextField name="to" label="Safaris until" type="date" defaultValue={values.to ?? ""} errors={errors?.to} />
      <PageSizeField value={values.size} errors={errors} />
      {errors?.commitment ? (
        <p className="field-error" id="commitment-error">
          {errors.commitment.join(" ")}
        </p>
      ) : null}
      <FilterActions clearHref="/library" submitLabel="Search" />
    </form>
  );
}
