"use client";

import { CheckboxGroup } from "@/lib/people/components/checkbox-group";
import { TextField } from "@/lib/ui/fields";
import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { recordConsentAction } from "../actions";
import { addYearsToDay, recordConsentSchema } from "../schema";

/** Records a consent the host gave: days in the organisation's zone, as `today` is. */
export function ConsentForm({ hostId, types, today }: { hostId: string; types: { value: string; label: string }[]; today: string }) {
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(
    recordConsentSchema(
      types.map((type) => type.value),
      today,
    ),
    recordConsentAction,
  );
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      <input type="hidden" name="hostId" value={hostId} />
      <CheckboxGroup
        name="types"
        legend="Types of safari it covers"
        options={types}
        defaultValues={values.types ? values.types.split("\n") : []}
        errors={errors.types}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="givenOn" label="Given on" type="date" max={today} defaultValue={values.givenOn ?? today} errors={errors.givenOn} />
        <TextField
          name="validUntil"
          label="Valid until (included)"
          type="date"
          min={today}
          defaultValue={values.validUntil ?? addYearsToDay(today, 1)}
          errors={errors.validUntil}
        />
      </div>
      <Checkbox name="executivesMayObserve" label="Executives may observe" checked={values.executivesMayObserve === "on" || Object.keys(values).length === 0} errors={errors.executivesMayObserve} />
      <Checkbox name="recordingAllowed" label="Recording is allowed" checked={values.recordingAllowed === "on"} errors={errors.recordingAllowed} />
      <div>
        <SubmitButton>Record consent</SubmitButton>
      </div>
    </form>
  );
}

function Checkbox({ name, label, checked, errors }: { name: string; label: string; checked: boolean; errors?: string[] }) {
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <input id={name} type="checkbox" name={name} defaultChecked={checked} className="accent-brand-600" aria-invalid={errors?.length ? true : undefined} />
        <label htmlFor={name} className="text-sm text-stone-900">
          {label}
        </label>
      </div>
      {errors?.length ? <p className="field-error">{errors.join(" ")}</p> : null}
    </div>
  );
}
