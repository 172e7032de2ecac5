"use client";

import type { NotificationKind } from "@/db/enums";
import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { saveMailPreferencesAction } from "../actions";
import { mailKindLabels } from "../messages";
import { mailPreferencesSchema } from "../schema";

/** A box per kind of mail the person can get; ticked ones are sent. */
export function MailPreferencesForm({ offered, optedOut }: { offered: readonly NotificationKind[]; optedOut: readonly NotificationKind[] }) {
  const { state, formAction, onSubmit, errors, formKey } = useValidatedForm(mailPreferencesSchema, saveMailPreferencesAction);
  const error = errors.wanted ?? errors.form;
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      <fieldset aria-describedby={error?.length ? "wanted-error" : undefined} className="flex flex-col gap-2">
        <legend className="field-label mb-2">Send me an e-mail when</legend>
        {offered.map((kind) => (
          <label key={kind} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="wanted" value={kind} defaultChecked={!optedOut.includes(kind)} className="mt-1" />
            <span>{mailKindLabels[kind]}</span>
          </label>
        ))}
        {error?.length ? (
          <p id="wanted-error" className="field-error">
            {error.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <div>
        <SubmitButton>Save mail preferences</SubmitButton>
      </div>
    </form>
  );
}
