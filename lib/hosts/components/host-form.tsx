"use client";

import { languageCodes, languageLabel } from "@/lib/people/languages";
import { SelectField, TextField } from "@/lib/ui/fields";
import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { createHostAction, updateHostAction } from "../actions";
import { hostEditSchema, hostFormSchema } from "../schema";

export type HostValues = { firstName: string; lastName: string; contactEmail: string; contactPhone: string; personaId: string; language: string };

export const blankHost: HostValues = { firstName: "", lastName: "", contactEmail: "", contactPhone: "", personaId: "", language: "de" };

const languageOptions = languageCodes.map((code) => ({ value: code, label: languageLabel(code) }));

/** A customer host: only what running a safari needs. Without `hostId` it adds one. */
export function HostForm({ hostId, initial, personas }: { hostId?: string; initial: HostValues; personas: { id: string; name: string }[] }) {
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(
    hostId ? hostEditSchema : hostFormSchema,
    hostId ? updateHostAction : createHostAction,
  );
  const value = (name: keyof HostValues) => values[name] ?? initial[name];
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="card flex flex-col gap-4">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      {hostId ? <input type="hidden" name="hostId" value={hostId} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="firstName" label="First name" hint="Executives see only this and the persona." maxLength={60} defaultValue={value("firstName")} errors={errors.firstName} />
        <TextField name="lastName" label="Last name" maxLength={80} defaultValue={value("lastName")} errors={errors.lastName} />
        <TextField name="contactEmail" label="E-mail" type="email" maxLength={254} defaultValue={value("contactEmail")} errors={errors.contactEmail} />
        <TextField name="contactPhone" label="Phone" type="tel" maxLength={40} defaultValue={value("contactPhone")} errors={errors.contactPhone} />
        <SelectField
          name="personaId"
          label="Persona"
          options={[{ value: "", label: "No persona" }, ...personas.map((persona) => ({ value: persona.id, label: persona.name }))]}
          defaultValue={value("personaId")}
          errors={errors.personaId}
        />
        <SelectField name="language" label="Language of the safari" options={languageOptions} defaultValue={value("language")} errors={errors.language} />
      </div>
      <div>
        <SubmitButton>{hostId ? "Save host" : "Add host"}</SubmitButton>
      </div>
    </form>
  );
}
