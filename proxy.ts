import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";
import { getAuthSecret } from "@/lib/auth/secret";

// Early redirects only: signed-out visitors go to the sign-in page. Pages and actions check again.
const { auth } = NextAuth(() => ({ ...authConfig, secret: getAuthSecret() }));

export default auth;

export const config = {
  matcher: ["/((?!api/auth|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico)$).*)"],
};
