"use client";

import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { createMatchRunAction } from "../actions";
import { createRunSchema } from "../schema";

export type MatchableEvent = { id: string; title: string; when: string; type: string; free: number };

/**
 * Starts a run over the period's safaris: every one is ticked, untick those to leave out; in a period
 * with more than can be listed, every type is ticked instead. The server checks again that each safari
 * can still be matched.
 */
export function RunCreateForm({
  from,
  to,
  events,
  types,
}: {
  from: string;
  to: string;
  /** Each safari to tick, or, in a period with too many to list, */
  events: MatchableEvent[] | null;
  /** their types, with how many safaris of each. */
  types: { value: string; label: string; count: number }[] | null;
}) {
  const { state, formAction, onSubmit, errors, formKey } = useValidatedForm(createRunSchema, createMatchRunAction);
  const problems = [...(errors.eventIds ?? []), ...(errors.types ?? []), ...(errors.from ?? []), ...(errors.to ?? [])];
  const total = events ? events.length : (types ?? []).reduce((sum, type) => sum + type.count, 0);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormStatus state={state} hasFieldErrors={problems.length > 0} />
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value={to} />
      <fieldset aria-describedby={problems.length ? "eventIds-error" : undefined}>
        <legend className="field-label mb-2">{events ? `Safaris to match (${total})` : `Types of safari to match (${total} safaris)`}</legend>
        <ul className="grid max-h-96 gap-1 overflow-y-auto rounded-lg border border-stone-200 p-3">
          {(types ?? []).map((type) => (
            <li key={type.value}>
              <label className="flex items-baseline gap-2">
                <input type="checkbox" name="types" value={type.value} defaultChecked />
                <span>
                  <span className="font-medium">{type.label}</span>{" "}
                  <span className="text-sm text-stone-600">{type.count === 1 ? "1 safari" : `${type.count} safaris`}</span>
                </span>
              </label>
            </li>
          ))}
          {(events ?? []).map((event) => (
            <li key={event.id}>
              <label className="flex items-baseline gap-2">
                <input type="checkbox" name="eventIds" value={event.id} defaultChecked />
                <span>
                  <span className="font-medium">{event.title}</span>{" "}
                  <span className="text-sm text-stone-600">
                    {event.type}, {event.when}, {event.free === 1 ? "1 seat free" : `${event.free} seats free`}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {problems.length ? (
          <p id="eventIds-error" className="field-error">
            {problems.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <div>
        <SubmitButton pendingLabel="Matching…">Propose matches</SubmitButton>
      </div>
    </form>
  );
}
