"use client";

import { defaultRespondWithinDays, maxRespondWithinDays } from "@/lib/participation/rules";
import { ActionButton, ActionForm } from "@/lib/ui/action-form";
import { SelectField, TextField } from "@/lib/ui/fields";
import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { addProposalAction, publishMatchRunAction, rerunMatchRunAction } from "../actions";
import { addProposalSchema, publishRunSchema } from "../schema";

/** Publishes the run: an invitation for each proposal that still fits, answered within the days given. */
export function PublishRunForm({ runId }: { runId: string }) {
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(publishRunSchema, publishMatchRunAction);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      <input type="hidden" name="runId" value={runId} />
      <TextField
        name="respondWithinDays"
        label="Answer within (days)"
        hint={`1 to ${maxRespondWithinDays}; never later than a day before the safari starts.`}
        type="number"
        inputMode="numeric"
        min={1}
        max={maxRespondWithinDays}
        defaultValue={values.respondWithinDays ?? String(defaultRespondWithinDays)}
        errors={errors.respondWithinDays}
      />
      <div>
        <SubmitButton pendingLabel="Publishing…">Publish run</SubmitButton>
      </div>
    </form>
  );
}

/** A new run over the same period and safaris that keeps the removals and the executives added by hand. */
export function RerunButton({ runId }: { runId: string }) {
  return (
    <ActionForm action={rerunMatchRunAction} fields={{ runId }}>
      <ActionButton variant="secondary">Re-run, keeping my changes</ActionButton>
    </ActionForm>
  );
}

type Choice = { value: string; label: string };

/** Adds an executive to a safari of the run by hand; the server checks the hard rules with today's data. */
export function AddProposalForm({ runId, executives, events }: { runId: string; executives: Choice[]; events: Choice[] }) {
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(addProposalSchema, addProposalAction);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      <input type="hidden" name="runId" value={runId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="executiveId"
          label="Executive"
          options={[{ value: "", label: "Choose an executive" }, ...executives]}
          defaultValue={values.executiveId ?? ""}
          errors={errors.executiveId}
        />
        <SelectField
          name="eventId"
          label="Safari"
          options={[{ value: "", label: "Choose a safari of this run" }, ...events]}
          defaultValue={values.eventId ?? ""}
          errors={errors.eventId}
        />
      </div>
      <div>
        <SubmitButton pendingLabel="Checking…">Add to the run</SubmitButton>
      </div>
    </form>
  );
}
