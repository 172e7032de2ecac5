import "server-only";
import type { SessionUser } from "./config";
import { getCurrentUser } from "./loaders";
import { allows, routeAccess, type RoutePath } from "./policy";

/**
 * For route handlers: checks the route's row of the policy table (lib/auth/policy.ts). Someone not signed
 * in gets a 401, a signed-in user without the role a 404 (a file to download is not a page to explain
 * refusal on, and it says nothing of what exists); otherwise the user (null on a public route).
 */
export async function requireRoute(path: RoutePath): Promise<{ user: SessionUser | null } | { response: Response }> {
  const access = routeAccess[path];
  if (access === "public") return { user: null };
  const user = await getCurrentUser();
  if (!user) return { response: plainResponse(401, "Please sign in first.") };
  if (!allows(access, user.role)) return { response: notFoundResponse() };
  return { user };
}

/** The one "not found" of every route handler: the same answer whatever the reason. */
export const notFoundResponse = () => plainResponse(404, "Not found.");

function plainResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
