import type { UserRole } from "@/db/enums";

/*
 * Who may use what: every page, route handler and server action of the app, in one table. Pages call
 * requirePage("<their route>"), actions name themselves to validatedAction / requireAction, and both read
 * their rule from here. tests/unit/policy-coverage.test.ts fails when a route or an exported action is
 * missing, and e2e/authorization.spec.ts tries every row with every role.
 *
 * The roles decide who may reach a page or run an action at all. What one may see or change there
 * (one's own participation, a reflection shared with the CX team) the data layer checks on every read
 * and write, and answers "not found" for what is someone else's.
 */
export type Access = "public" | "signed-in" | readonly UserRole[];

const organizer = ["organizer"] as const;
const executive = ["executive"] as const;
const admin = ["admin"] as const;

export const pageAccess = {
  "/": "signed-in",
  "/sign-in": "public",
  "/not-allowed": "signed-in",
  "/account": "signed-in",
  "/organize": organizer,
  "/organize/events/new": organizer,
  "/organize/events/[id]": organizer,
  "/organize/events/[id]/edit": organizer,
  "/organize/events/[id]/cancel": organizer,
  "/organize/executives": organizer,
  "/organize/executives/[id]": organizer,
  "/organize/cadence": organizer,
  "/organize/match": organizer,
  "/organize/match/[id]": organizer,
  "/organize/types": organizer,
  "/organize/types/[key]": organizer,
  "/organize/series/new": organizer,
  "/organize/series/[id]": organizer,
  // Customer hosts, their consents and personas (issue 10): the CX team only, contact details included.
  "/organize/hosts": organizer,
  "/organize/hosts/new": organizer,
  "/organize/hosts/[id]": organizer,
  "/organize/personas": organizer,
  // Commitments on reflections shared with the CX team only (lib/commitments/data.ts).
  "/organize/commitments": organizer,
  // One's own commitments only.
  "/commitments": executive,
  "/safaris": executive,
  "/safaris/mine": executive,
  "/safaris/[id]": executive,
  // Executives for safaris they are on (lib/briefing/data.ts), organizers for any event.
  "/safaris/[id]/briefing": ["executive", "organizer"],
  "/reflections/new": executive,
  "/profile": executive,
  // Everyone's own notices only.
  "/inbox": "signed-in",
  // Its author, or the CX team when shared with them: lib/reflections/access.ts, checked with the data.
  "/reflections/[id]": "signed-in",
  // Only its author, within 14 days: lib/reflections/data.ts loadOwnReflection. Anyone else, whatever their
  // role, gets the 404 of a missing one, as on the reflection's own page.
  "/reflections/[id]/edit": "signed-in",
  "/summary": ["reviewer", "organizer", "admin"],
  "/people": admin,
  "/audit": admin,
  // Content by role: organizers every event, executives their own safaris (lib/agenda/data.ts).
  "/agenda": ["organizer", "executive"],
  // The outbox (every mail sent, the failed ones) and one mail as sent.
  "/admin/mail": admin,
  "/admin/mail/[id]": admin,
  // The ouch/aah library: organizers the moments shared with the CX team, executives their own
  // (lib/library/data.ts); reviewers and admins none.
  "/library": ["organizer", "executive"],
} as const satisfies Record<string, Access>;

/** Route handlers (app/**\/route.ts). */
export const routeAccess = {
  // Auth.js's own endpoints: sign-in, sign-out and the session, each checking what it needs itself.
  "/api/auth/[...nextauth]": "public",
  // One safari's .ics: organizers, and executives on it (lib/calendar/data.ts downloadableSafari); else 404.
  "/calendar/safaris/[id]": ["organizer", "executive"],
  // The private feed: its secret token is the credential (lib/calendar/feeds), so no session is needed.
  "/calendar/feed/[token]": "public",
  // Test-only: move the app's clock, run one scheduled job now. They answer 404 to everyone unless the
  // server was started with SAFARI_TEST_CLOCK=1 (lib/time/clock.ts), which only the e2e clock server is.
  "/api/test/clock": "public",
  "/api/test/jobs/[name]": "public",
} as const satisfies Record<string, Access>;

export const actionAccess = {
  signInAction: "public",
  signOutAction: "signed-in",
  changePasswordAction: "signed-in",
  createEventAction: organizer,
  updateEventAction: organizer,
  changeEventStatusAction: organizer,
  cancelEventAction: organizer,
  markAttendanceAction: organizer,
  signUpAction: executive,
  withdrawAction: executive,
  acceptInvitationAction: executive,
  declineInvitationAction: executive,
  joinWaitlistAction: executive,
  leaveWaitlistAction: executive,
  // Only one's own notices are marked: lib/notifications/mutations.ts.
  markNotificationsReadAction: "signed-in",
  createReflectionAction: executive,
  // Only the author, within 14 days: lib/reflections/mutations.ts.
  changeReflectionVisibilityAction: executive,
  // Only the author, within 14 days; drafts only on one's own participation (lib/reflections/mutations.ts).
  editReflectionAction: executive,
  saveReflectionDraftAction: executive,
  // Only one's own commitments: lib/commitments/mutations.ts.
  updateCommitmentAction: executive,
  closeCommitmentLoopAction: executive,
  saveOwnProfileAction: executive,
  saveExecutiveProfileAction: organizer,
  createMatchRunAction: organizer,
  removeProposalAction: organizer,
  addProposalAction: organizer,
  rerunMatchRunAction: organizer,
  publishMatchRunAction: organizer,
  createEventTypeAction: organizer,
  updateEventTypeAction: organizer,
  archiveEventTypeAction: organizer,
  saveExpectationAction: executive,
  createSeriesAction: organizer,
  publishSeriesAction: organizer,
  // Only one's own feed: lib/calendar/feeds/mutations.ts.
  createCalendarFeedAction: "signed-in",
  revokeCalendarFeedAction: "signed-in",
  createHostAction: organizer,
  updateHostAction: organizer,
  archiveHostAction: organizer,
  recordConsentAction: organizer,
  withdrawConsentAction: organizer,
  addEventHostAction: organizer,
  removeEventHostAction: organizer,
  addEventPersonaAction: organizer,
  removeEventPersonaAction: organizer,
  createPersonaAction: organizer,
  updatePersonaAction: organizer,
  changeRoleAction: admin,
  endAllSessionsAction: admin,
  // Only one's own preferences are saved: the user comes from the session.
  saveMailPreferencesAction: "signed-in",
  resendMailAction: admin,
} as const satisfies Record<string, Access>;

export type PagePath = keyof typeof pageAccess;
export type ActionName = keyof typeof actionAccess;
export type RoutePath = keyof typeof routeAccess;

/** Whether someone with `role` (null: not signed in) passes `access`. */
export function allows(access: Access, role: UserRole | null): boolean {
  if (access === "public") return true;
  if (role === null) return false;
  return access === "signed-in" || access.includes(role);
}

/** The pages anyone may open without signing in: the proxy lets them through. */
export const publicPages = (Object.keys(pageAccess) as PagePath[]).filter((path) => pageAccess[path] === "public");

/** The public route handlers as patterns ("[token]" one segment), which the proxy lets through too. */
const publicRoutePatterns = (Object.keys(routeAccess) as RoutePath[])
  .filter((path) => routeAccess[path] === "public")
  .map((path) => new RegExp(`^${path.replace(/\[\.\.\.[^\]]+\]/g, ".+").replace(/\[[^\]]+\]/g, "[^/]+")}$`));

export const isPublicRoute = (pathname: string) => publicRoutePatterns.some((pattern) => pattern.test(pathname));
