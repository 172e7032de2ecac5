"use client";

import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { TextField } from "@/lib/ui/fields";
import { signInAction } from "../actions";
import { signInSchema } from "../schema";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const { state, formAction, onSubmit, errors, values, formKey } = useValidatedForm(signInSchema, signInAction);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="card flex flex-col gap-4">
      <FormStatus state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <TextField name="email" label="E-mail" type="email" autoComplete="email" defaultValue={values.email} errors={errors.email} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" errors={errors.password} />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
