import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import type { UserRole } from "@/db/schema";
import { findUserById } from "@/lib/people/data";
import { auth } from "./auth";
import type { SessionUser } from "./config";

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

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** For pages: the signed-in user when their role is one of `roles`, or the "not allowed" page. */
export async function requireRole(...roles: UserRole[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) redirect("/not-allowed");
  return user;
}

/** Where each role starts. */
export const homeFor: Record<UserRole, string> = {
  organizer: "/organize",
  executive: "/safaris",
  reviewer: "/summary",
  admin: "/people",
};
