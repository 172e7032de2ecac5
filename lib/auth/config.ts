import type { NextAuthConfig } from "next-auth";
import type { UserRole } from "@/db/schema";

/* Auth.js settings that need no database; lib/auth/auth.ts adds the credentials provider. */

export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  trustHost: true,
  providers: [],
  logger: {
    // A wrong password is an everyday event, not a server error worth a stack trace.
    error(error) {
      if ((error as { type?: string }).type !== "CredentialsSignin") console.error(error);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;

export type SessionUser = { id: string; email: string; name: string; role: UserRole; timeZone: string };
