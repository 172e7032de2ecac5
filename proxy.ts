import { NextResponse, type NextRequest } from "next/server";
import { publicPages } from "@/lib/auth/policy";

/*
 * Early redirect only: a visitor without a session cookie goes to the sign-in page. Whether the session
 * is valid, and what the user may see, every page and action decides on the server (lib/auth/loaders.ts).
 * The proxy never decodes or re-issues the session: a refreshed cookie on a response still in flight
 * could otherwise sign the browser in again just after it signed out.
 */
const sessionCookie = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if ((publicPages as string[]).includes(pathname)) return NextResponse.next();
  if (request.cookies.getAll().some((cookie) => sessionCookie.test(cookie.name))) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!api/auth|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico)$).*)"],
};
