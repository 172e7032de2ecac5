import "server-only";
import { notFound, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { appErrorMessages, toAppError, type AppErrorCode } from "@/lib/errors/app-error";
import { formValues, validateForm, type ActionFailure, type ActionState } from "@/lib/forms";
import type { SessionUser } from "./config";
import { getCurrentUser } from "./loaders";
import { actionAccess, allows, type ActionName } from "./policy";

/** Whether `user` passes the action's row of the policy table (lib/auth/policy.ts), or why not. */
export function refusalFor(name: ActionName, user: SessionUser | null): "UNAUTHENTICATED" | "FORBIDDEN" | null {
  const access = actionAccess[name];
  if (access === "public") return null;
  if (!user) return "UNAUTHENTICATED";
  return allows(access, user.role) ? null : "FORBIDDEN";
}

/** For actions outside the wrapper: the signed-in user (or null on a public action), or why they are refused. */
export async function requireAction(name: ActionName): Promise<{ user: SessionUser | null } | { refused: "UNAUTHENTICATED" | "FORBIDDEN" }> {
  const user = await getCurrentUser();
  const refused = refusalFor(name, user);
  return refused ? { refused } : { user };
}

/**
 * A server action receives whatever a client posts. Anything but the FormData a form sends (a plain
 * object, no argument at all) is a forged request: one log line, and a 404 rather than a stack trace.
 */
export function assertFormData(name: ActionName, formData: unknown): asserts formData is FormData {
  if (formData instanceof FormData) return;
  console.warn(`Malformed payload for server action ${name}: expected form data, got ${formData === null ? "null" : typeof formData}.`);
  notFound();
}

/**
 * The one wrapper every form action goes through: it checks the action's row of the policy table,
 * validates the form with the schema the form itself uses, and maps failures to a state the form can show.
 * Nothing is written unless all of that passed; the domain function does its own ownership checks.
 */
export function validatedAction<S extends z.ZodType>(
  name: ActionName,
  schema: S,
  run: (input: z.output<S>, user: SessionUser) => Promise<string | void>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> =>
    handleFormAction(name, schema, run, await getCurrentUser(), formData);
}

/** The wrapper's work for a user already loaded (the session is read by the caller, once per request). */
export async function handleFormAction<S extends z.ZodType>(
  name: ActionName,
  schema: S,
  run: (input: z.output<S>, user: SessionUser) => Promise<string | void>,
  user: SessionUser | null,
  formData: unknown,
): Promise<ActionState> {
  assertFormData(name, formData);
  const values = formValues(formData);
  const refused = refusalFor(name, user);
  if (refused) return failure(refused, values);
  // Every form action that writes is for someone signed in, whatever its row says.
  if (!user) return failure("UNAUTHENTICATED", values);

  const parsed = validateForm(schema, values);
  if (!parsed.success) return { ...failure("VALIDATION", values), fieldErrors: parsed.fieldErrors };
  try {
    const message = await run(parsed.data, user);
    return { status: "success", message: message ?? "Saved." };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() work by throwing: let them through.
    const appError = toAppError(error);
    if (!appError) {
      console.error(`Unexpected error in server action ${name}`, error);
      return failure("INTERNAL", values);
    }
    const refusal = failure(appError.code, values, appError.message);
    return appError.fieldErrors ? { ...refusal, fieldErrors: appError.fieldErrors } : refusal;
  }
}

function failure(code: AppErrorCode, values: Record<string, string>, message: string = appErrorMessages[code]): ActionFailure {
  return { status: "error", code, message, values };
}
