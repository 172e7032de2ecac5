import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { credentialsLockout, withSafeCallbackUrl } from "@/lib/auth/endpoint";

export function GET(request: NextRequest) {
  return handlers.GET(withSafeCallbackUrl(request));
}

// Auth.js answers a lock-out with a redirect to its error page; API clients get 429 and Retry-After.
export async function POST(incoming: NextRequest) {
  const request = withSafeCallbackUrl(incoming);
  if (!request.nextUrl.pathname.endsWith("/callback/credentials")) return handlers.POST(request);
  const form = await request.clone().formData().catch(() => null);
  const response = await handlers.POST(request);
  return (await credentialsLockout(response, form, request.headers)) ?? response;
}
