import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./config";
import { authenticate } from "./credentials";
import { endSession, startSession } from "./mutations";
import { getAuthSecret } from "./secret";

// Configured lazily so that the secret is read at the first request, not when the module is bundled.
export const { auth, handlers, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: getAuthSecret(),
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
      authorize: authenticate,
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    // The token stays a JWT, but each sign-in gets a session row the token names: ending the row
    // (sign-out, password change, an admin) makes every copy of the cookie useless at once.
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = await startSession(user.id);
      }
      return token;
    },
  },
  events: {
    // Both sign-out paths (the header's form and POST /api/auth/signout) come through here with the token.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sid && token.sub) await endSession(token.sid, token.sub);
    },
  },
}));
