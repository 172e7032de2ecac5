"use client";

import Link from "next/link";
import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { TextArea } from "@/lib/ui/fields";
import { cancelEventAction } from "../actions";
import { cancelEventSchema } from "../schema";

/** The confirmation step of cancelling: a reason the executives will read, then one deliberate button. */
export function CancelEventForm({ eventId, backHref }: { eventId: string; backHref: string }) {
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(cancelEventSchema, cancelEventAction);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="card flex flex-col gap-4">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      <input type="hidden" name="eventId" value={eventId} />
      <TextArea
        name="reason"
        label="Reason for cancelling"
        hint="Every executive on this safari sees it next to the cancellation. Say why, and what happens next."
        maxLength={500}
        rows={4}
        required
        defaultValue={values.reason ?? ""}
        errors={errors.reason}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Cancelling…">Cancel this safari</SubmitButton>
        <Link href={backHref} className="link">
          Keep the safari
        </Link>
      </div>
    </form>
  );
}
