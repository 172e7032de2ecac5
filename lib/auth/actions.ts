"use server";

import { AuthError } from "next-auth";
import { signInSchema } from "./schema";
import { signIn, signOut } from "./auth";
import { assertFormData, requireAction } from "./action";
import { redirect } from "next/navigation";
import { formValues, validateForm, type ActionState } from "@/lib/forms";

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
      redirectTo: sameSitePath(parsed.data.callbackUrl),
    });
    return { status: "success", message: "Signed in." };
  } catch (error) {
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

/** Only a path on this site, so the sign-in page cannot be used to send people elsewhere. */
function sameSitePath(callbackUrl: string | undefined): string {
  if (!callbackUrl) return "/";
  try {
    const url = new URL(callbackUrl, "http://same.site");
    return `${url.pathname}${url.search}`;
  } catch {
    return "/";
  }
}
