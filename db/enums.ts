/*
 * The values of the database's enums, as plain constants with no database code, so that forms shipped to
 * the browser can use them without pulling drizzle or the table definitions into a client bundle.
 * db/schema.ts builds the Postgres enums from these.
 */
export const userRoles = ["organizer", "executive", "reviewer", "admin"] as const;
export type UserRole = (typeof userRoles)[number];

export const seniorities = ["c_level", "vp", "director"] as const;
export type Seniority = (typeof seniorities)[number];

/**
 * The safari types every catalogue starts with (migration 0010 writes them into event_types). Organizers
 * add their own there, so a type is any key of that table, not one of these.
 */
export const builtInEventTypes = [
  "call_listening",
  "customer_breakfast",
  "service_desk_day",
  "customer_event",
  "home_visit",
  "store_visit",
  "other",
] as const;
/** A key of the event_types table. */
export type EventType = string;
/** What a type key looks like (lowercase letters, digits and underscores). */
export const eventTypeKeyRegex = /^[a-z0-9_]{2,40}$/;

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

/**
 * The statuses that hold one of an event's seats and the executive's time: the seat counter trigger and the
 * no-overlap constraint (migration 0005) count the same three.
 */
export const seatHoldingStatuses = ["invited", "confirmed", "attended"] as const satisfies readonly ParticipationStatus[];

export const participationSources = ["signed_up", "matched", "assigned"] as const;

/** What the inbox tells an executive; each row is written in the transaction of the change it reports. */
export const notificationKinds = [
  "invitation",
  "answer_reminder",
  "promotion",
  "cancellation",
  "time_change",
  "briefing_reminder",
  "consent_withdrawn",
  "reflection_prompt",
  "commitment_followup",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Where a notice's e-mail is: to send, sent, not sent on purpose, or given up after its retries. */
export const mailStatuses = ["pending", "sent", "skipped", "failed"] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** How a match run's proposal came about: the matcher's, or added by an organizer by hand. */
export const proposalOrigins = ["matcher", "manual"] as const;
export type ProposalOrigin = (typeof proposalOrigins)[number];

/** What publishing did with a proposal: an invitation, or nothing because it no longer fitted (stale). */
export const proposalOutcomes = ["invited", "stale"] as const;
export type ProposalOutcome = (typeof proposalOutcomes)[number];

export const reflectionVisibilities = ["private", "cx_team", "anonymised"] as const;
export type ReflectionVisibility = (typeof reflectionVisibilities)[number];

export const commitmentStatuses = ["open", "in_progress", "done", "dropped"] as const;

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
  "reflection.edit",
  "profile.edit",
  "match_run.create",
  "match_run.publish",
  "event_type.create",
  "event_type.edit",
  "event_type.archive",
  "event_type.restore",
  "series.create",
  "mail.resend",
  "host.create",
  "host.edit",
  "host.archive",
  "host.restore",
  "host.consent_record",
  "host.consent_withdraw",
  "persona.create",
  "persona.edit",
  "event.hosts_change",
  "commitment.update",
  "commitment.loop_closed",
] as const;
export type AuditAction = (typeof auditActions)[number];

/** What a reflection's moment was for the customer: pain (ouch) or delight (aah). */
export const momentKinds = ["ouch", "aah"] as const;
export type MomentKind = (typeof momentKinds)[number];

/** Where in the customer's journey a moment happened (a reflection's moments, the library's filter, the summary's themes). */
export const journeyStages = ["discover", "buy", "onboard", "use", "pay", "get_help", "change", "leave"] as const;
export type JourneyStage = (typeof journeyStages)[number];

/**
 * The fixed list of emotions a moment stirred in the executive; the database refuses others
 * (lib/reflections/schema.ts gives their labels).
 */
export const momentEmotions = [
  "frustrated",
  "worried",
  "embarrassed",
  "angry",
  "surprised",
  "curious",
  "moved",
  "hopeful",
  "inspired",
  "proud",
] as const;
export type MomentEmotion = (typeof momentEmotions)[number];
