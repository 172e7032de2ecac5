import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./config";
import { authenticate } from "./credentials";
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
}));
