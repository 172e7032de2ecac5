"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { formValues, validateForm, type ActionState } from "@/lib/forms";
import { appErrorMessages } from "@/lib/errors/app-error";
import { findUserByEmail } from "@/lib/people/data";
import { signIn, signOut } from "./auth";
import { assertFormData, requireAction } from "./action";
import { safeCallbackPath } from "./callback-url";
import { TooManyAttempts } from "./credentials";
import { changePassword } from "./mutations";
import { hashPassword, verifyPassword } from "./password";
import { changePasswordSchema, signInSchema } from "./schema";
import { tooManyAttemptsMessage } from "./throttle";

/** Signs in with e-mail and password. A failure never says whether the e-mail has an account. */
export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  assertFormData("signInAction", formData);
  await requireAction("signInAction");
  const values = formValues(formData);
  const parsed = validateForm(signInSchema, values);
  const { password: _password, ...safeValues } = values;
  if (!parsed.success) {
    return { status: "error", code: "VALIDATION", message: "Some fields need your attention.", fieldErrors: parsed.fieldErrors, values: safeValues };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(parsed.data.callbackUrl),
    });
    return { status: "success", message: "Signed in." };
  } catch (error) {
    if (error instanceof TooManyAttempts) {
      return { status: "error", code: "UNAUTHENTICATED", message: tooManyAttemptsMessage(error.retryAfterSeconds), values: safeValues };
    }
    if (error instanceof AuthError) {
      return { status: "error", code: "UNAUTHENTICATED", message: "That e-mail and password do not match an account.", values: safeValues };
    }
    throw error;
  }
}

export async function signOutAction() {
  if ("refused" in (await requireAction("signOutAction"))) redirect("/sign-in");
  await signOut({ redirectTo: "/sign-in" });
}

/**
 * Changes the signed-in user's password. Every session of theirs ends, so a copied cookie is useless,
 * and this browser is signed in again with a fresh session. Passwords never go back to the form.
 */
export async function changePasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  assertFormData("changePasswordAction", formData);
  const access = await requireAction("changePasswordAction");
  if ("refused" in access || !access.user) {
    const code = "refused" in access ? access.refused : "UNAUTHENTICATED";
    return { status: "error", code, message: appErrorMessages[code] };
  }
  const user = access.user;
  const parsed = validateForm(changePasswordSchema, formValues(formData));
  if (!parsed.success) return { status: "error", code: "VALIDATION", message: appErrorMessages.VALIDATION, fieldErrors: parsed.fieldErrors };

  const account = await findUserByEmail(user.email);
  if (!account || !(await verifyPassword(account.passwordHash, parsed.data.currentPassword))) {
    return { status: "error", code: "VALIDATION", message: appErrorMessages.VALIDATION, fieldErrors: { currentPassword: ["That is not your current password."] } };
  }
  await changePassword(user.id, await hashPassword(parsed.data.newPassword));
  try {
    await signIn("credentials", { email: user.email, password: parsed.data.newPassword, redirect: false });
  } catch (error) {
    // Only when someone is guessing at this account right now (a lock-out): the password is changed all the same.
    if (!(error instanceof AuthError)) throw error;
    return { status: "success", message: "Your password has been changed. Please sign in again with the new one." };
  }
  return { status: "success", message: "Your password has been changed. You have been signed out everywhere else." };
}
