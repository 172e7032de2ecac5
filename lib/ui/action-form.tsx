"use client";

import { useActionState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { idleState, type ActionState } from "@/lib/forms";
import { FormStatus } from "./form";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A form of buttons only (publish, sign up, mark attended…): hidden ids, one or more submit buttons,
 * and the outcome shown beside them. Keep it mounted while the buttons change, so the message stays.
 */
export function ActionForm({
  action,
  fields,
  children,
  className = "flex flex-wrap items-center gap-2",
}: {
  action: Action;
  fields: Record<string, string>;
  children?: ReactNode;
  className?: string;
}) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children ? <div className={className}>{children}</div> : null}
      <FormStatus state={state} />
    </form>
  );
}

/** A submit button for ActionForm; `name`/`value` say which of several buttons was pressed. */
export function ActionButton({
  children,
  name,
  value,
  label,
  variant = "primary",
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  /** The accessible name, when the visible text alone is ambiguous (e.g. one button per table row). */
  label?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      aria-label={label}
      disabled={pending}
      className={variant === "primary" ? "btn-primary" : variant === "danger" ? "btn-secondary text-rose-700" : "btn-secondary"}
    >
      {children}
    </button>
  );
}
