import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { UserRole } from "@/db/schema";
import { appErrorMessages, toAppError, type AppErrorCode } from "@/lib/errors/app-error";
import { fieldErrorsOf, formValues, type FieldErrors } from "@/lib/forms";
import type { SessionUser } from "./config";
import { getCurrentUser } from "./loaders";

export type ActionFailure = {
  status: "error";
  code: AppErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
};
export type ActionState = { status: "idle" } | { status: "success"; message: string } | ActionFailure;

export const idle: ActionState = { status: "idle" };

/**
 * The one wrapper every form action goes through: it loads the user, checks the role, validates the
 * form with the schema the form itself uses, and maps failures to a state the form can show. Nothing
 * is written unless all of that passed; the domain function does its own ownership checks.
 */
export function validatedAction<S extends z.ZodType>(
  roles: readonly UserRole[],
  schema: S,
  run: (input: z.output<S>, user: SessionUser) => Promise<string | void>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values = formValues(formData);
    const user = await getCurrentUser();
    if (!user) return failure("UNAUTHENTICATED", values);
    if (!roles.includes(user.role)) return failure("FORBIDDEN", values);

    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      return { ...failure("VALIDATION", values), fieldErrors: fieldErrorsOf(parsed.error) };
    }
    try {
      const message = await run(parsed.data, user);
      return { status: "success", message: message ?? "Saved." };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() work by throwing: let them through.
      const appError = toAppError(error);
      if (!appError) {
        console.error("Unexpected error in a form action", error);
        return failure("INTERNAL", values);
      }
      return failure(appError.code, values, appError.message);
    }
  };
}

function failure(code: AppErrorCode, values: Record<string, string>, message: string = appErrorMessages[code]): ActionFailure {
  return { status: "error", code, message, values };
}
