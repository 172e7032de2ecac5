"use client";

import { TextArea, TextField } from "@/lib/ui/fields";
import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { createEventTypeAction, updateEventTypeAction } from "../actions";
import { eventTypeEditSchema, eventTypeFormSchema } from "../schema";

export type EventTypeValues = {
  name: string;
  defaultDurationMinutes: string;
  defaultSeats: string;
  maxSeats: string;
  lateWithdrawalHours: string;
  guidance: string;
};

export const blankEventType: EventTypeValues = { name: "", defaultDurationMinutes: "120", defaultSeats: "2", maxSeats: "", lateWithdrawalHours: "24", guidance: "" };

/** A type of safari and the defaults its new events start from; without `typeKey` it adds one. */
export function EventTypeForm({ typeKey, initial }: { typeKey?: string; initial: EventTypeValues }) {
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(
    typeKey ? eventTypeEditSchema : eventTypeFormSchema,
    typeKey ? updateEventTypeAction : createEventTypeAction,
  );
  const value = (name: keyof EventTypeValues) => values[name] ?? initial[name];
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="card flex flex-col gap-4">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      {typeKey ? <input type="hidden" name="key" value={typeKey} /> : null}
      <TextField name="name" label="Name" maxLength={60} defaultValue={value("name")} errors={errors.name} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="defaultDurationMinutes"
          label="Usual length (minutes)"
          type="number"
          inputMode="numeric"
          min={15}
          max={1440}
          defaultValue={value("defaultDurationMinutes")}
          errors={errors.defaultDurationMinutes}
        />
        <TextField
          name="lateWithdrawalHours"
          label="Late withdrawal window (hours)"
          hint="Giving a seat back this close to the start counts as late."
          type="number"
          inputMode="numeric"
          min={0}
          max={336}
          defaultValue={value("lateWithdrawalHours")}
          errors={errors.lateWithdrawalHours}
        />
        <TextField
          name="defaultSeats"
          label="Usual seats"
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          defaultValue={value("defaultSeats")}
          errors={errors.defaultSeats}
        />
        <TextField
          name="maxSeats"
          label="Most seats"
          hint="No event of this type may have more. Leave empty for no limit."
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          defaultValue={value("maxSeats")}
          errors={errors.maxSeats}
        />
      </div>
      <TextArea
        name="guidance"
        label="Guidance for the executive"
        hint="Starts the briefing of every new event of this type, e.g. “observe, don't interrupt; ask at the end”."
        maxLength={2000}
        rows={4}
        defaultValue={value("guidance")}
        errors={errors.guidance}
      />
      <div>
        <SubmitButton>{typeKey ? "Save type" : "Add type"}</SubmitButton>
      </div>
    </form>
  );
}
