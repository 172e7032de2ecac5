"use client";

import { TextArea, TextField } from "@/lib/ui/fields";
import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { createPersonaAction, updatePersonaAction } from "../actions";
import { personaEditSchema, personaFormSchema } from "../schema";

/** A persona (a customer segment); without `personaId` it adds one. */
export function PersonaForm({ personaId, initial }: { personaId?: string; initial: { name: string; description: string } }) {
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(
    personaId ? personaEditSchema : personaFormSchema,
    personaId ? updatePersonaAction : createPersonaAction,
  );
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      {personaId ? <input type="hidden" name="personaId" value={personaId} /> : null}
      <TextField name="name" label="Name" maxLength={80} defaultValue={values.name ?? initial.name} errors={errors.name} />
      <TextArea name="description" label="Description" rows={3} maxLength={500} defaultValue={values.description ?? initial.description} errors={errors.description} />
      <div>
        <SubmitButton>{personaId ? "Save persona" : "Add persona"}</SubmitButton>
      </div>
    </form>
  );
}
