import "server-only";
import { NextRequest } from "next/server";
import { safeCallbackPath } from "./callback-url";
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

const callbackCookie = /^(__Secure-)?authjs\.callback-url$/;

/**
 * The request with its `callbackUrl` query parameter and callback-url cookie made safe. Auth.js checks
 * both before any callback runs and answers a `javascript:` or `data:` value with a server error; with
 * this it only ever sees a path on this site. (The form field goes through the `redirect` callback.)
 */
export function withSafeCallbackUrl(request: NextRequest): NextRequest {
  const url = request.nextUrl.clone();
  let changed = false;
  const query = url.searchParams.get("callbackUrl");
  if (query !== null && query !== safeCallbackPath(query, url.origin)) {
    url.searchParams.set("callbackUrl", safeCallbackPath(query, url.origin));
    changed = true;
  }
  const headers = new Headers(request.headers);
  const cookieHeader = headers.get("cookie");
  if (cookieHeader) {
    const cookies = cookieHeader.split(";").map((pair) => {
      const at = pair.indexOf("=");
      const name = (at < 0 ? pair : pair.slice(0, at)).trim();
      if (at < 0 || !callbackCookie.test(name)) return pair;
      const value = safeDecode(pair.slice(at + 1).trim());
      const safe = safeCallbackPath(value, url.origin);
      if (safe === value) return pair;
      changed = true;
      return ` ${name}=${encodeURIComponent(safe)}`;
    });
    headers.set("cookie", cookies.join(";").trim());
  }
  if (!changed) return request;
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new NextRequest(url, { method: request.method, headers, body: hasBody ? request.body : undefined, ...(hasBody ? { duplex: "half" } : {}) });
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
