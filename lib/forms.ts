import type { z } from "zod";
import type { AppErrorCode } from "@/lib/errors/app-error";

export type FieldErrors = Record<string, string[]>;

/** What a form action answers, and so what its form shows. */
export type ActionFailure = {
  status: "error";
  code: AppErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
};
export type ActionState = { status: "idle" } | { status: "success"; message: string } | ActionFailure;

/** Before the first submit. */
export const idleState: ActionState = { status: "idle" };

/** FormData as plain strings (multi-valued fields joined by newlines are not used: one value a name). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value === "string") values[key] = key in values ? `${values[key]}\n${value}` : value;
  }
  return values;
}

// C0 controls but tab, line feed and carriage return, DEL, and the C1 controls: never typed by a person,
// and NUL cannot even be stored in a Postgres text column.
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Fields holding characters no one types: a field error each, before the form's own schema runs. */
export function controlCharacterErrors(values: Record<string, string>): FieldErrors | null {
  const errors: FieldErrors = {};
  for (const [key, value] of Object.entries(values)) {
    if (controlCharacter.test(value)) errors[key] = ["Remove the invisible control characters from this field."];
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

/**
 * A form's values checked the same way in the browser and on the server: control characters first, then
 * the form's schema.
 */
export function validateForm<S extends z.ZodType>(
  schema: S,
  values: Record<string, string>,
): { success: true; data: z.output<S> } | { success: false; fieldErrors: FieldErrors } {
  const controls = controlCharacterErrors(values);
  if (controls) return { success: false, fieldErrors: controls };
  const parsed = schema.safeParse(values);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, fieldErrors: fieldErrorsOf(parsed.error) };
}

/** zod issues grouped by the top-level field they belong to, so a form can show them beside the field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
