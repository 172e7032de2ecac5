import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import type { UserRole } from "@/db/enums";
import { auth } from "./auth";
import type { SessionUser } from "./config";
import { findSessionUser } from "./data";
import { allows, pageAccess, type PagePath } from "./policy";

/**
 * The signed-in user, read fresh from the database once per request, and only while the session the
 * token names is still open: a sign-out, a password change or an admin ending it takes effect at once,
 * as do a changed role or a removed account, whatever the token itself still says.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId) return null;
  return findSessionUser(sessionId, userId);
});

type PageUser<P extends PagePath> = (typeof pageAccess)[P] extends "public" ? SessionUser | null : SessionUser;

/**
 * For pages: checks the page's row of the policy table (lib/auth/policy.ts). Someone not signed in goes
 * to the sign-in page, a signed-in user without the role to "not allowed"; otherwise the user (or null on
 * a public page nobody is signed in to).
 */
export async function requirePage<P extends PagePath>(path: P): Promise<PageUser<P>> {
  const access = pageAccess[path];
  const user = await getCurrentUser();
  if (access === "public") return user as PageUser<P>;
  if (!user) redirect("/sign-in");
  if (!allows(access, user.role)) redirect("/not-allowed");
  return user;
}

/** Where each role starts. */
export const homeFor: Record<UserRole, string> = {
  organizer: "/organize",
  executive: "/safaris",
  reviewer: "/summary",
  admin: "/people",
};
