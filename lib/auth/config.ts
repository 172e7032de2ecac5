import type { NextAuthConfig } from "next-auth";
import type { UserRole } from "@/db/schema";

/*
 * The part of the Auth.js setup that the proxy shares: no database, no password hashing.
 * The proxy only redirects signed-out visitors early; every page and action checks again on the server.
 */
export const publicPaths = ["/sign-in"];

export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const isPublic = publicPaths.some((p) => request.nextUrl.pathname.startsWith(p));
      return isPublic || Boolean(auth?.user);
    },
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
