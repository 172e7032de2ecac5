"use client";

import { TextArea } from "@/lib/ui/fields";
import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { saveExpectationAction } from "../actions";
import { RatingScale } from "@/lib/ui/rating-scale";
import { empathyItems, empathyScale, expectationMaxLength, expectationSchema } from "../schema";

/** "What do you expect to hear?" and the three empathy items, written before the safari and kept for the reflection. */
export function ExpectationForm({ participationId, initial, empathyBefore }: { participationId: string; initial: string; empathyBefore: number[] | null }) {
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
      {empathyItems.map((item, index) => {
        const name = `empathy${index + 1}`;
        return (
          <RatingScale
            key={name}
            name={name}
            legend={item}
            min={empathyScale.min}
            max={empathyScale.max}
            lowLabel="not at all"
            highLabel="completely"
            defaultValue={values[name] ?? (empathyBefore ? String(empathyBefore[index]) : undefined)}
            errors={errors[name]}
          />
        );
      })}
      <div>
        <SubmitButton>Keep my expectation</SubmitButton>
      </div>
    </form>
  );
}
