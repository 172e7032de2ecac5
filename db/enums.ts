/*
 * The values of the database's enums, as plain constants with no database code, so that forms shipped to
 * the browser can use them without pulling drizzle or the table definitions into a client bundle.
 * db/schema.ts builds the Postgres enums from these.
 */
export const userRoles = ["organizer", "executive", "reviewer", "admin"] as const;
export type UserRole = (typeof userRoles)[number];

export const seniorities = ["c_level", "vp", "director"] as const;
export type Seniority = (typeof seniorities)[number];

export const eventTypes = [
  "call_listening",
  "customer_breakfast",
  "service_desk_day",
  "customer_event",
  "home_visit",
  "store_visit",
  "other",
] as const;
export type EventType = (typeof eventTypes)[number];

export const eventStatuses = ["draft", "published", "completed", "cancelled"] as const;
export type EventStatus = (typeof eventStatuses)[number];

export const participationStatuses = [
  "invited",
  "confirmed",
  "waitlisted",
  "declined",
  "attended",
  "no_show",
  /** The event was cancelled: the seat and the time are free again. */
  "cancelled",
] as const;
export type ParticipationStatus = (typeof participationStatuses)[number];

export const participationSources = ["signed_up", "matched", "assigned"] as const;

export const reflectionVisibilities = ["private", "cx_team", "anonymised"] as const;
export type ReflectionVisibility = (typeof reflectionVisibilities)[number];

export const commitmentStatuses = ["open", "done", "dropped"] as const;

/** What the audit trail records (lib/audit). Kept as text in the database so new kinds need no enum change. */
export const auditActions = [
  "event.create",
  "event.publish",
  "event.edit",
  "event.cancel",
  "event.complete",
  "participation.attendance",
  "user.role_change",
  "user.password_change",
  "user.sessions_ended",
  "auth.sign_in",
  "auth.sign_out",
  "auth.lockout",
  "reflection.visibility_change",
  "profile.edit",
] as const;
export type AuditAction = (typeof auditActions)[number];
