import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import type { UserRole } from "@/db/schema";
import { findUserById } from "@/lib/people/data";
import { auth } from "./auth";
import type { SessionUser } from "./config";
import { allows, pageAccess, type PagePath } from "./policy";

/**
 * The signed-in user, read fresh from the database once per request: a changed role or a removed
 * account takes effect at once, whatever the session token still says.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return (await findUserById(id)) ?? null;
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
