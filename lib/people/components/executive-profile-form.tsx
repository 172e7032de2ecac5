"use client";

import { seniorities } from "@/db/enums";
import { SelectField, TextField } from "@/lib/ui/fields";
import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { saveExecutiveProfileAction } from "../actions";
import { seniorityLabels } from "../labels";
import { executiveProfileSchema } from "../schema";

export type ExecutiveProfileValues = { department: string; seniority: string; cadencePerQuarter: string; monthlyCap: string };

const seniorityOptions = seniorities.map((value) => ({ value, label: seniorityLabels[value] }));

/** The CX team's part of an executive's profile; saving creates the profile when there is none yet. */
export function ExecutiveProfileForm({ executiveId, initial }: { executiveId: string; initial: ExecutiveProfileValues }) {
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(executiveProfileSchema, saveExecutiveProfileAction);
  const value = (name: keyof ExecutiveProfileValues) => values[name] ?? initial[name];
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="card flex flex-col gap-4">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      <input type="hidden" name="executiveId" value={executiveId} />
      <TextField name="department" label="Department" maxLength={80} defaultValue={value("department")} errors={errors.department} />
      <SelectField name="seniority" label="Seniority" options={seniorityOptions} defaultValue={value("seniority")} errors={errors.seniority} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="cadencePerQuarter"
          label="Safaris per quarter (target)"
          hint="0 to 12: how many safaris a quarter we expect of this executive."
          type="number"
          inputMode="numeric"
          min={0}
          max={12}
          defaultValue={value("cadencePerQuarter")}
          errors={errors.cadencePerQuarter}
        />
        <TextField
          name="monthlyCap"
          label="Safaris per month at most (cap)"
          hint="0 to 31, counted in the executive's time zone."
          type="number"
          inputMode="numeric"
          min={0}
          max={31}
          defaultValue={value("monthlyCap")}
          errors={errors.monthlyCap}
        />
      </div>
      <div>
        <SubmitButton>Save profile</SubmitButton>
      </div>
    </form>
  );
}
