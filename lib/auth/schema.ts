import { z } from "zod";

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your e-mail address.")
    // No account has a longer one (users.email), and the throttle keys on it.
    .max(254, "An e-mail address has at most 254 characters.")
    .email("Enter a valid e-mail address."),
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
  callbackUrl: z.string().optional(),
});

export const newPasswordMinLength = 12;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200, "That password is too long."),
    newPassword: z
      .string()
      .min(newPasswordMinLength, `Use at least ${newPasswordMinLength} characters.`)
      .max(200, "Use at most 200 characters."),
    confirmPassword: z.string().min(1, "Enter the new password again."),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords are not the same.",
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });
