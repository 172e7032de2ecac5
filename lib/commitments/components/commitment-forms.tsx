"use client";

import type { ReactNode } from "react";
import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { closeCommitmentLoopAction, updateCommitmentAction } from "../actions";
import { closeLoopSchema, commitmentStatusLabels, nextStatuses, updateCommitmentSchema, type CommitmentStatus } from "../schema";

/*
 * A list shows many commitments, so each control's id carries its commitment's id; the labels stay the
 * same and tests find them within the commitment's own region.
 */

export function UpdateCommitmentForm({ commitmentId, status }: { commitmentId: string; status: CommitmentStatus }) {
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(updateCommitmentSchema, updateCommitmentAction);
  const id = (name: string) => `${commitmentId}-${name}`;
  const choices = nextStatuses(status);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      <input type="hidden" name="commitmentId" value={commitmentId} />
      {choices.length > 0 ? (
        <Field id={id("status")} label="New status" errors={errors.status}>
          <select id={id("status")} name="status" className="input" defaultValue={values.status ?? ""} aria-invalid={errors.status ? true : undefined}>
            <option value="">Keep: {commitmentStatusLabels[status]}</option>
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {commitmentStatusLabels[choice]}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field id={id("note")} label="Progress note" errors={errors.note}>
        <textarea id={id("note")} name="note" className="input min-h-20" maxLength={2000} defaultValue={values.note ?? ""} aria-invalid={errors.note ? true : undefined} />
      </Field>
      <div>
        <SubmitButton>Save update</SubmitButton>
      </div>
    </form>
  );
}

export function CloseLoopForm({ commitmentId }: { commitmentId: string }) {
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(closeLoopSchema, closeCommitmentLoopAction);
  const id = (name: string) => `${commitmentId}-loop-${name}`;
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <Field id={id("note")} label="What was done (you told us X; we did Y)" errors={errors.note}>
        <textarea id={id("note")} name="note" className="input min-h-20" maxLength={2000} defaultValue={values.note ?? ""} aria-invalid={errors.note ? true : undefined} />
      </Field>
      <Checkbox id={id("customer")} name="customerTold" label="The customer was told" checked={values.customerTold === "on"} errors={errors.customerTold} />
      <Checkbox id={id("frontline")} name="frontlineTold" label="The frontline host was told" checked={values.frontlineTold === "on"} errors={errors.frontlineTold} />
      <div>
        <SubmitButton>Close the loop</SubmitButton>
      </div>
    </form>
  );
}

function Field({ id, label, errors, children }: { id: string; label: string; errors?: string[]; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      {errors?.length ? <p className="field-error">{errors.join(" ")}</p> : null}
    </div>
  );
}

function Checkbox({ id, name, label, checked, errors }: { id: string; name: string; label: string; checked: boolean; errors?: string[] }) {
  return (
    <div className="flex items-center gap-2">
      <input id={id} type="checkbox" name={name} defaultChecked={checked} className="accent-brand-600" aria-invalid={errors?.length ? true : undefined} />
      <label htmlFor={id} className="text-sm text-stone-900">
        {label}
      </label>
      {errors?.length ? <p className="field-error">{errors.join(" ")}</p> : null}
    </div>
  );
}
