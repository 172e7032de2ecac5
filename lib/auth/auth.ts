import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { findUserByEmail } from "@/lib/people/data";
import { authConfig } from "./config";
import { verifyPassword } from "./password";
import { signInSchema } from "./schema";
import { getAuthSecret } from "./secret";

// Configured lazily so that the secret is read at the first request, not when the module is bundled.
export const { auth, handlers, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: getAuthSecret(),
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const user = await findUserByEmail(parsed.data.email);
        // Verify even when the account does not exist, so timing does not tell which e-mails are ours.
        const valid = await verifyPassword(user?.passwordHash, parsed.data.password);
        if (!user || !valid) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
}));
