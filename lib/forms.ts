import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;

/** FormData as plain strings (multi-valued fields joined by newlines are not used: one value a name). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value === "string") values[key] = key in values ? `${values[key]}\n${value}` : value;
  }
  return values;
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
