import "server-only";
import { TooManyAttempts } from "./credentials";
import { lockedForSeconds } from "./data";
import { signInSchema } from "./schema";
import { clientAddress, throttleKeys, tooManyAttemptsMessage } from "./throttle";

/**
 * For POST /api/auth/callback/credentials: when Auth.js refused the sign-in because of a lock-out (its
 * redirect, or its JSON answer, names the error code), a 429 with Retry-After instead; otherwise null.
 */
export async function credentialsLockout(response: Response, form: FormData | null, headers: Headers): Promise<Response | null> {
  const target = response.headers.get("location") ?? (await jsonUrl(response));
  if (!target || new URL(target, "http://app.invalid").searchParams.get("code") !== TooManyAttempts.code) return null;

  const parsed = signInSchema.safeParse({ email: form?.get("email"), password: "-" });
  const keys = parsed.success ? throttleKeys(parsed.data.email, clientAddress(headers)).map((k) => k.key) : [];
  const seconds = (await lockedForSeconds(keys)) ?? 60;
  return new Response(tooManyAttemptsMessage(seconds), {
    status: 429,
    headers: { "Retry-After": String(seconds), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

async function jsonUrl(response: Response): Promise<string | null> {
  if (!response.headers.get("content-type")?.includes("application/json")) return null;
  const body: unknown = await response.clone().json().catch(() => null);
  return body && typeof body === "object" && "url" in body && typeof body.url === "string" ? body.url : null;
}
