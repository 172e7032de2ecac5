import { NextResponse, type NextRequest } from "next/server";
import { isPublicRoute, publicPages } from "@/lib/auth/policy";
import { actionBodyLimitBytes, declaresTooLarge, hasMalformedEscape, isCrossOrigin, malformedActionPayload, readLimited } from "@/lib/http/request-checks";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/lib/http/security-headers";

/*
 * Every request passes here, static files and Auth.js's endpoints included, so that every response
 * carries the security headers (lib/http/security-headers.ts). Besides that the proxy does two things:
 *
 * - It refuses input Next.js would answer with a 500: a cross-origin post (403), a body over the action
 *   limit (413), an action payload no form of ours sends (400), a URL that does not decode (404 page).
 * - Early redirect only: a visitor without a session cookie goes to the sign-in page. Whether the session
 *   is valid, and what the user may see, every page and action decides on the server
 *   (lib/auth/loaders.ts). The proxy never decodes or re-issues the session: a refreshed cookie on a
 *   response still in flight could otherwise sign the browser in again just after it signed out.
 */
const sessionCookie = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

// Any path that no page has: a rewrite there renders app/not-found.tsx with a 404.
const notFoundPath = "/_not-found-malformed-url";

export default async function proxy(request: NextRequest) {
  const https = request.nextUrl.protocol === "https:";
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const withHeaders = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
    return response;
  };
  // Next.js reads the policy from the request to put the nonce on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const forward = { request: { headers: requestHeaders } };

  const refused = await refusal(request);
  if (refused) return withHeaders(refused);

  const { pathname, search } = request.nextUrl;
  if (hasMalformedEscape(pathname)) return withHeaders(NextResponse.rewrite(new URL(notFoundPath, request.url), forward));
  if (!isPage(pathname) || (publicPages as string[]).includes(pathname) || isPublicRoute(pathname)) return withHeaders(NextResponse.next(forward));
  if (request.cookies.getAll().some((cookie) => sessionCookie.test(cookie.name))) return withHeaders(NextResponse.next(forward));
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return withHeaders(NextResponse.redirect(signIn));
}

/** Paths that are not pages: Next.js's files, Auth.js's endpoints, the icons. */
function isPage(pathname: string): boolean {
  return !/^\/(_next\/|api\/auth(\/|$)|favicon\.ico$)|\.(svg|png|ico)$/.test(pathname);
}

/**
 * A short plain answer for a post Next.js would turn into a 500, or null to let it through. Auth.js's
 * endpoints are left to Auth.js (they check their own CSRF token); every other post is a server action,
 * sent by fetch with a `Next-Action` header or, without JavaScript, as a form post to the page.
 */
async function refusal(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/auth/")) return null;
  const where = `${request.method} ${request.nextUrl.pathname}`;
  if (isCrossOrigin(request.headers)) {
    console.warn(`Refused a cross-origin post: ${where} from ${request.headers.get("origin")}.`);
    return plain(403, "Cross-origin requests are not allowed.");
  }
  const tooLarge = () => {
    console.warn(`Refused a post over ${actionBodyLimitBytes} bytes: ${where}.`);
    return plain(413, "This form is too large to send.");
  };
  if (declaresTooLarge(request.headers.get("content-length"), actionBodyLimitBytes)) return tooLarge();
  // Without a Content-Length (a chunked body) count while reading: the proxy gets a copy of the body.
  const body = await readLimited(request.body, actionBodyLimitBytes);
  if (body === "too-large") return tooLarge();
  const actionId = request.headers.get("next-action");
  if (actionId === null) return null;
  const malformed = await malformedActionPayload(actionId, request.headers.get("content-type"), body);
  if (!malformed) return null;
  console.warn(`Refused a malformed server action payload: ${where}: ${malformed}.`);
  return plain(400, "This request is not one our forms send.");
}

function plain(status: number, message: string): NextResponse {
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export const config = {
  // Every path: the headers belong on static files and Auth.js's answers too.
  matcher: "/:path*",
};
