"use client";

import { useActionState } from "react";
import { idleState, type ActionState } from "@/lib/forms";
import { SelectField } from "@/lib/ui/fields";
import { FormStatus, SubmitButton } from "@/lib/ui/form";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** A select of choices and a button that adds the chosen one to an event; the server's field error shows beside the select. */
export function AddChoiceForm({
  action,
  eventId,
  name,
  label,
  button,
  choices,
}: {
  action: Action;
  eventId: string;
  name: string;
  label: string;
  button: string;
  choices: { id: string; name: string }[];
}) {
  const [state, formAction] = useActionState(action, idleState);
  const errors = state.status === "error" ? state.fieldErrors?.[name] : undefined;
  if (choices.length === 0) return <p className="text-sm text-stone-600">Nothing more to add.</p>;
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <FormStatus state={state} hasFieldErrors={Boolean(errors)} />
      <input type="hidden" name="eventId" value={eventId} />
      <SelectField name={name} label={label} options={choices.map((choice) => ({ value: choice.id, label: choice.name }))} errors={errors} />
      <div>
        <SubmitButton pendingLabel="Adding…">{button}</SubmitButton>
      </div>
    </form>
  );
}
