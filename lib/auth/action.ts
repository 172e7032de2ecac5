import "server-only";
import { notFound, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { appErrorMessages, toAppError, type AppErrorCode } from "@/lib/errors/app-error";
import { formValues, validateForm, type ActionFailure, type ActionState } from "@/lib/forms";
import type { SessionUser } from "./config";
import { getCurrentUser } from "./loaders";
import { actionAccess, allows, type ActionName } from "./policy";

/**
 * The user an action may run for, by the action's row of the policy table (lib/auth/policy.ts): the
 * signed-in user, or an UNAUTHENTICATED / FORBIDDEN failure.
 */
export async function requireAction(name: ActionName): Promise<{ user: SessionUser | null } | { refused: "UNAUTHENTICATED" | "FORBIDDEN" }> {
  const access = actionAccess[name];
  const user = await getCurrentUser();
  if (access === "public") return { user };
  if (!user) return { refused: "UNAUTHENTICATED" };
  if (!allows(access, user.role)) return { refused: "FORBIDDEN" };
  return { user };
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
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    assertFormData(name, formData);
    const values = formValues(formData);
    const access = await requireAction(name);
    if ("refused" in access) return failure(access.refused, values);
    // Only a "public" row lets no one through here, and no form action that writes is public.
    const user = access.user;
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
      return failure(appError.code, values, appError.message);
    }
  };
}

function failure(code: AppErrorCode, values: Record<string, string>, message: string = appErrorMessages[code]): ActionFailure {
  return { status: "error", code, message, values };
}
