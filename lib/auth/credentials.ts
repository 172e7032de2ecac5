import "server-only";
// From @auth/core itself (next-auth re-exports this very class): tests can load it without Next.js.
import { CredentialsSignin } from "@auth/core/errors";
import { findUserByEmail } from "@/lib/people/data";
import { lockedForSeconds } from "./data";
import { clearSignInFailures, recordSignInFailure } from "./mutations";
import { verifyPassword } from "./password";
import { signInSchema } from "./schema";
import { clientAddress, throttleKeys } from "./throttle";

/**
 * Too many failed sign-ins for this account or address. Auth.js passes a CredentialsSignin through as it
 * is: the sign-in action reads `retryAfterSeconds`, the endpoint's redirect carries `code`.
 */
export class TooManyAttempts extends CredentialsSignin {
  static readonly code = "too_many_attempts";
  override code = TooManyAttempts.code;
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/**
 * The account these credentials belong to, or null. Same work and same answer for unknown e-mails.
 * Throws TooManyAttempts while the e-mail or the client's address is locked, even for the right password.
 */
export async function authenticate(credentials: unknown, request?: Request) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const keys = throttleKeys(parsed.data.email, request ? clientAddress(request.headers) : null);

  const locked = await lockedForSeconds(keys.map((k) => k.key));
  if (locked !== null) throw new TooManyAttempts(locked);

  const user = await findUserByEmail(parsed.data.email);
  const valid = await verifyPassword(user?.passwordHash, parsed.data.password);
  if (user && valid) {
    await clearSignInFailures(keys[0]!.key);
    return { id: user.id, email: user.email, name: user.name };
  }

  const counts = await Promise.all(keys.map((key) => recordSignInFailure(key)));
  const retryAfter = Math.max(...counts.map((count) => count.retryAfterSeconds ?? 0));
  // The failure that reached the limit already gets the message, not one more "wrong password".
  if (retryAfter > 0) throw new TooManyAttempts(retryAfter);
  return null;
}
