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
import { lockedForSeconds } from "./data";
import { changePassword, recordSignInFailure } from "./mutations";
import { hashPassword, verifyPassword } from "./password";
import { changePasswordSchema, signInSchema } from "./schema";
import { throttleKeys, tooManyAttemptsMessage } from "./throttle";

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

  // Guesses at the current password count against the account like failed sign-ins: a borrowed session
  // must not become a way to find the password.
  const accountKey = throttleKeys(user.email, null)[0]!;
  const locked = await lockedForSeconds([accountKey.key]);
  if (locked !== null) return { status: "error", code: "UNAUTHENTICATED", message: tooManyAttemptsMessage(locked) };
  const account = await findUserByEmail(user.email);
  if (!account || !(await verifyPassword(account.passwordHash, parsed.data.currentPassword))) {
    const { retryAfterSeconds } = await recordSignInFailure(accountKey);
    if (retryAfterSeconds !== null) return { status: "error", code: "UNAUTHENTICATED", message: tooManyAttemptsMessage(retryAfterSeconds) };
    return { status: "error", code: "VALIDATION", message: appErrorMessages.VALIDATION, fieldErrors: { currentPassword: ["That is not your current password."] } };
  }
  await changePassword(user.id, await hashPassword(parsed.data.newPassword));
  try {
    // A fresh session for this browser. It must be a redirect: this request's own render would still
    // read the old, now ended, cookie and sign the page out.
    await signIn("credentials", { email: user.email, password: parsed.data.newPassword, redirectTo: "/account?changed=1" });
  } catch (error) {
    // Only when someone is guessing at this account right now (a lock-out): the password is changed all the same.
    if (!(error instanceof AuthError)) throw error;
  }
  redirect("/sign-in");
}
