"use client";

import { FormStatus, SubmitButton, useValidatedForm } from "@/lib/ui/form";
import { TextField } from "@/lib/ui/fields";
import { changePasswordAction } from "../actions";
import { changePasswordSchema, newPasswordMinLength } from "../schema";

/** Current password, new password twice. The fields are empty again after every submit: passwords never come back. */
export function ChangePasswordForm() {
  const { state, formAction, onSubmit, errors, formKey } = useValidatedForm(changePasswordSchema, changePasswordAction);
  return (
    <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormStatus state={state} hasFieldErrors={Object.keys(errors).length > 0} />
      <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" errors={errors.currentPassword} />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${newPasswordMinLength} characters. A few unrelated words are easy to remember and hard to guess.`}
        errors={errors.newPassword}
      />
      <TextField name="confirmPassword" label="New password again" type="password" autoComplete="new-password" errors={errors.confirmPassword} />
      <div>
        <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
      </div>
    </form>
  );
}
