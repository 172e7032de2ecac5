"use client";

import { useActionState, useState, type FormEvent, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { z } from "zod";
import { formValues, idleState, validateForm, type ActionState, type FieldErrors } from "@/lib/forms";
import { estimatedActionBodyBytes, largestField } from "@/lib/http/payload-size";
import { actionBodyLimitBytes } from "@/lib/http/request-checks";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A form bound to a server action and to the zod schema the action validates with: the schema runs
 * in the browser first for instant feedback, the server runs it again and has the last word.
 */
export function useValidatedForm(schema: z.ZodType, action: Action) {
  const [state, formAction] = useActionState(action, idleState);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [submitted, setSubmitted] = useState(0);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const formData = new FormData(event.currentTarget);
    // A request larger than the server takes could not even be sent: say so beside the largest field
    // first, rather than send it and meet the server's refusal.
    if (estimatedActionBodyBytes(formData, state) > actionBodyLimitBytes) {
      event.preventDefault();
      setClientErrors({ [largestField(formData) ?? "form"]: ["This is too long to send: please shorten it."] });
      return;
    }
    const result = validateForm(schema, formValues(formData));
    if (!result.success) {
      event.preventDefault();
      setClientErrors(result.fieldErrors);
      return;
    }
    setClientErrors(null);
    setSubmitted((n) => n + 1);
  }

  const serverErrors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const errors = clientErrors ?? serverErrors;
  const values = state.status === "error" ? state.values ?? {} : {};
  return {
    state,
    formAction,
    onSubmit,
    errors,
    /** What the user typed, for defaultValue after a failed submit (React resets forms after an action). */
    values,
    /** Changes after each server round trip so fields remount with the values above. */
    formKey: `${submitted}-${state.status}`,
  };
}

export function SubmitButton({ children, pendingLabel }: { children: ReactNode; pendingLabel?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="btn-primary" disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel ?? "Saving…" : children}
    </button>
  );
}

/** The form-level message after a submit: a summary of what went wrong, or what was done. */
export function FormStatus({ state, hasFieldErrors }: { state: ActionState; hasFieldErrors?: boolean }) {
  if (state.status === "idle") return null;
  if (state.status === "success") {
    return (
      <p role="status" className="alert-success">
        {state.message}
      </p>
    );
  }
  if (state.code === "VALIDATION" && !hasFieldErrors) return null;
  return (
    <p role="alert" className="alert-error">
      {state.message}
    </p>
  );
}
