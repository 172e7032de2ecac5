import "server-only";
import { findUserByEmail } from "@/lib/people/data";
import { verifyPassword } from "./password";
import { signInSchema } from "./schema";

/** The account these credentials belong to, or null. Same work and same answer for unknown e-mails. */
export async function authenticate(credentials: unknown) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const user = await findUserByEmail(parsed.data.email);
  const valid = await verifyPassword(user?.passwordHash, parsed.data.password);
  if (!user || !valid) return null;
  return { id: user.id, email: user.email, name: user.name };
}
