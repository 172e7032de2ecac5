"use client";

import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { markCommitmentDoneAction } from "../actions";
import { markCommitmentDoneSchema } from "../schema";

export function MarkDoneForm({ commitmentId, body }: { commitmentId: string; body: string }) {
  const { state, formAction, onSubmit } = useValidatedForm(markCommitmentDoneSchema, markCommitmentDoneAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col items-start gap-2">
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <SubmitButton pendingLabel="Marking done…">
        {/* The visible label is short; the accessible name says which commitment. */}
        <span aria-hidden="true">Mark done</span>
        <span className="sr-only">Mark done: {body}</span>
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
