"use client";

import { TextArea } from "@/lib/ui/fields";
import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { saveExpectationAction } from "../actions";
import { expectationMaxLength, expectationSchema } from "../schema";

/** "What do you expect to hear?", written before the safari and kept for the reflection. */
export function ExpectationForm({ participationId, initial }: { participationId: string; initial: string }) {
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(expectationSchema, saveExpectationAction);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      <input type="hidden" name="participationId" value={participationId} />
      <TextArea
        name="expectation"
        label="What do you expect to hear?"
        hint="Before you go: what you think this customer will say, and what will frustrate or please them. After the safari you will set it beside what you heard."
        maxLength={expectationMaxLength}
        rows={4}
        defaultValue={values.expectation ?? initial}
        errors={errors.expectation}
      />
      <div>
        <SubmitButton>Keep my expectation</SubmitButton>
      </div>
    </form>
  );
}
