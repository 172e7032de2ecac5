"use client";

import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { RadioGroup } from "@/lib/ui/radio-group";
import { changeReflectionVisibilityAction } from "../actions";
import { visibilityChangeSchema, visibilityOptions } from "../schema";

/** Who may read the reflection: its author changes it within the edit window. */
export function VisibilityForm({ reflectionId, current, until }: { reflectionId: string; current: string; until: string }) {
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(visibilityChangeSchema, changeReflectionVisibilityAction);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      <input type="hidden" name="reflectionId" value={reflectionId} />
      <RadioGroup name="visibility" legend={`Who may read it (you can change this until ${until})`} options={visibilityOptions} defaultValue={values.visibility ?? current} errors={errors.visibility} />
      <div>
        <SubmitButton>Save who may read it</SubmitButton>
      </div>
    </form>
  );
}
