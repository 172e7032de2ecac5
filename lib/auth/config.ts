import type { NextAuthConfig } from "next-auth";
import type { UserRole } from "@/db/enums";
import { safeCallbackPath } from "./callback-url";

/* Auth.js settings that need no database; lib/auth/auth.ts adds the credentials provider and the session
 * store (its `jwt` callback starts a session row at sign-in). */

declare module "next-auth" {
  interface Session {
    /** The user_sessions row this browser's token belongs to (lib/auth/loaders.ts checks it on every request). */
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

/** How long a sign-in lasts, at most: the cookie's lifetime and the session row's expiry. */
export const sessionMaxAgeSeconds = 60 * 60 * 12;

export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  trustHost: true,
  providers: [],
  logger: {
    // A wrong password or a lock-out is an everyday event, not a server error worth a stack trace.
    error(error) {
      if ((error as { type?: string }).type !== "CredentialsSignin") console.error(error);
    },
  },
  callbacks: {
    // Every callbackUrl Auth.js sees (form field, query, cookie) goes through the same check as the
    // sign-in form's: a path on this site, never another host and never an error page.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (token.sid) session.sessionId = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;

export type SessionUser = { id: string; email: string; name: string; role: UserRole; timeZone: string };
