"use client";

import { useMemo } from "react";
import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { SelectField, TextArea, TextField } from "@/lib/ui/fields";
import { RadioGroup } from "@/lib/ui/radio-group";
import { createReflectionAction } from "../actions";
import { emotionOptions, latestDueOn, maxMomentLength, maxMoments, reflectionSchema, scaleOptions, visibilityOptions } from "../schema";

const choose = { value: "", label: "Choose…" };
const notRecorded = { value: "", label: "Not recorded" };

/** `today` is the author's date in their own zone, computed on the server so both sides agree. */
export function ReflectionForm({ participationId, today }: { participationId: string; today: string }) {
  const schema = useMemo(() => reflectionSchema(today), [today]);
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(schema, createReflectionAction);
  const hasFieldErrors = Object.keys(errors).length > 0;

  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {/* Field errors get one summary here, whether the browser or the server found them. */}
      <FormStatus state={state} />
      {hasFieldErrors ? (
        <p role="alert" className="alert-error">
          Some fields need your attention: see the messages below each one.
        </p>
      ) : null}
      <input type="hidden" name="participationId" value={participationId} />
      {errors.participationId ? <p className="alert-error">{errors.participationId.join(" ")}</p> : null}

      <section className="card flex flex-col gap-4" aria-labelledby="what-happened">
        <h2 id="what-happened" className="text-lg font-semibold">
          What happened
        </h2>
        <TextArea
          name="ouchMoments"
          label="Ouch moments"
          hint={`What hurt the customer? One moment per line, up to ${maxMoments}, each up to ${maxMomentLength} characters.`}
          defaultValue={values.ouchMoments}
          errors={errors.ouchMoments}
        />
        <TextArea
          name="aahMoments"
          label="Aah moments"
          hint={`What delighted the customer? One moment per line, up to ${maxMoments}.`}
          defaultValue={values.aahMoments}
          errors={errors.aahMoments}
        />
      </section>

      <section className="card flex flex-col gap-4" aria-labelledby="how-you-felt">
        <h2 id="how-you-felt" className="text-lg font-semibold">
          How you felt
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="emotion" label="Strongest emotion" options={[choose, ...emotionOptions]} defaultValue={values.emotion ?? ""} errors={errors.emotion} />
          <SelectField name="intensity" label="How strongly" options={[choose, ...scaleOptions]} defaultValue={values.intensity ?? ""} errors={errors.intensity} />
          <SelectField
            name="empathyBefore"
            label="Empathy with this customer before"
            hint="1 = I did not see their side, 5 = I felt what they feel."
            options={[notRecorded, ...scaleOptions]}
            defaultValue={values.empathyBefore ?? ""}
            errors={errors.empathyBefore}
          />
          <SelectField
            name="empathyAfter"
            label="Empathy with this customer after"
            hint="The same scale, after the safari."
            options={[notRecorded, ...scaleOptions]}
            defaultValue={values.empathyAfter ?? ""}
            errors={errors.empathyAfter}
          />
        </div>
      </section>

      <section className="card flex flex-col gap-4" aria-labelledby="in-their-words">
        <h2 id="in-their-words" className="text-lg font-semibold">
          In the customer&apos;s words
        </h2>
        <TextArea name="customerQuote" label="A customer quote (optional)" maxLength={1000} defaultValue={values.customerQuote} errors={errors.customerQuote} />
        <TextArea
          name="surprise"
          label="What surprised you? (optional)"
          hint="Compare with what you expected to hear: the surprise is the lesson."
          defaultValue={values.surprise}
          errors={errors.surprise}
        />
      </section>

      <section className="card flex flex-col gap-4" aria-labelledby="what-you-will-change">
        <h2 id="what-you-will-change" className="text-lg font-semibold">
          What you will change
        </h2>
        <TextArea name="commitment" label="Your commitment" hint="One concrete change you will make, 5 to 500 characters." defaultValue={values.commitment} errors={errors.commitment} />
        <TextField
          name="commitmentDueOn"
          label="Done by"
          type="date"
          min={today}
          max={latestDueOn(today)}
          hint="From today up to one year ahead."
          defaultValue={values.commitmentDueOn}
          errors={errors.commitmentDueOn}
          className="input sm:max-w-60"
        />
      </section>

      <section className="card" aria-label="Who may read it">
        <RadioGroup
          name="visibility"
          legend="Who may read this reflection?"
          options={visibilityOptions}
          defaultValue={values.visibility ?? "cx_team"}
          errors={errors.visibility}
        />
      </section>

      <div>
        <SubmitButton pendingLabel="Saving your reflection…">Save reflection</SubmitButton>
      </div>
    </form>
  );
}
