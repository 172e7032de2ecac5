import { relations, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import {
  type AuditAction,
  commitmentStatuses,
  eventStatuses,
  journeyStages,
  momentEmotions,
  momentKinds,
  type MailStatus,
  type NotificationKind,
  participationSources,
  type ProposalOrigin,
  type ProposalOutcome,
  participationStatuses,
  reflectionVisibilities,
  seniorities,
  userRoles,
} from "./enums";

export * from "./enums";

/*
 * The core objects of PRODUCT.md. Column names are snake_case in the database (drizzle `casing`).
 * Every instant is `timestamp with time zone`; the zone an event is planned in is kept beside it by name.
 * Rules that must hold under concurrency (seats, no double booking) live in the database: see the
 * hand-written migration 0001 for the seat counter trigger and the exclusion constraint.
 */

const instant = () => timestamp({ withTimezone: true, mode: "date" });

const createdAt = () => instant().notNull().defaultNow();

/** A Postgres `tsvector`, made by the database (a generated column) and only read there. */
const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => "tsvector",
});

/** Three empathy items rated 1–7 (lib/briefing/schema.ts), or none. */
const empathyItemsCheck = (column: AnyPgColumn) =>
  sql`${column} is null or (cardinality(${column}) = 3 and 1 <= all(${column}) and 7 >= all(${column}))`;

/** A Postgres `tstzrange`; only the database reads it (the exclusion constraint), so it stays a string here. */
const tstzrange = customType<{ data: string; driverData: string }>({
  dataType: () => "tstzrange",
});

export const userRole = pgEnum("user_role", userRoles);
export const seniority = pgEnum("seniority", seniorities);
export const eventStatus = pgEnum("event_status", eventStatuses);
export const participationStatus = pgEnum("participation_status", participationStatuses);
export const participationSource = pgEnum("participation_source", participationSources);
export const reflectionVisibility = pgEnum("reflection_visibility", reflectionVisibilities);
export const commitmentStatus = pgEnum("commitment_status", commitmentStatuses);
export const momentKind = pgEnum("moment_kind", momentKinds);
export const journeyStage = pgEnum("journey_stage", journeyStages);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: varchar({ length: 254 }).notNull(),
    name: varchar({ length: 120 }).notNull(),
    passwordHash: text().notNull(),
    role: userRole().notNull(),
    /** IANA zone the person reads times in. */
    timeZone: varchar({ length: 64 }).notNull().default("Europe/Berlin"),
    /** Notification kinds this person does not want by e-mail (they stay in the inbox). */
    mailOptOuts: varchar({ length: 40 }).array().notNull().default(sql`'{}'::varchar[]`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
  ],
);

export const executiveProfiles = pgTable(
  "executive_profiles",
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    department: varchar({ length: 80 }).notNull(),
    seniority: seniority().notNull(),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    /** How many safaris a quarter the company expects of this executive (the matcher's cadenceTarget). */
    cadencePerQuarter: smallint().notNull().default(1),
    /** At most this many safaris in one calendar month, counted in the executive's zone (users.time_zone). */
    monthlyCap: smallint().notNull().default(2),
    /** Keys of event_types (an array cannot hold foreign keys: the profile form checks them against the catalogue). */
    preferredTypes: varchar({ length: 40 }).array().notNull().default(sql`'{}'::varchar[]`),
  },
  (t) => [
    index("executive_profiles_department_idx").on(t.department),
    check("executive_profiles_cadence_range", sql`${t.cadencePerQuarter} between 0 and 12`),
    check("executive_profiles_monthly_cap_range", sql`${t.monthlyCap} between 0 and 31`),
  ],
);

/**
 * Times an executive cannot take part (holidays, board weeks): instants, with the zone they were entered
 * in kept by name so the form can show them as the executive typed them. They may overlap each other.
 */
export const executiveBlackouts = pgTable(
  "executive_blackouts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => executiveProfiles.userId, { onDelete: "cascade" }),
    startAt: instant().notNull(),
    endAt: instant().notNull(),
    timeZone: varchar({ length: 64 }).notNull(),
  },
  (t) => [
    index("executive_blackouts_user_start_idx").on(t.userId, t.startAt),
    check("executive_blackouts_end_after_start", sql`${t.endAt} > ${t.startAt}`),
  ],
);

/**
 * The catalogue of safari types, managed by organizers: the built-in ones (keys as in db/enums.ts) and their
 * own. A type's defaults start every new event of that type; `maxSeats` is a limit the database holds (a
 * home visit takes at most two executives).
 */
export const eventTypes = pgTable(
  "event_types",
  {
    /** A stable slug: events and profiles refer to it, so it never changes once made. */
    key: varchar({ length: 40 }).primaryKey(),
    name: varchar({ length: 60 }).notNull(),
    defaultDurationMinutes: smallint().notNull(),
    defaultSeats: smallint().notNull(),
    maxSeats: smallint(),
    /** A withdrawal this close to the start counts as late. */
    lateWithdrawalHours: smallint().notNull().default(24),
    /** What the executive should know and do, shown in their briefing. */
    guidance: varchar({ length: 2000 }).notNull().default(""),
    /** Archived types are kept for the events that have them but offered for no new event. */
    archivedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("event_types_name_key").on(sql`lower(${t.name})`),
    check("event_types_key_format", sql`${t.key} ~ '^[a-z0-9_]{2,40}$'`),
    check("event_types_duration_range", sql`${t.defaultDurationMinutes} between 15 and 1440`),
    check("event_types_seats_range", sql`${t.defaultSeats} between 1 and 500 and (${t.maxSeats} is null or ${t.maxSeats} between ${t.defaultSeats} and 500)`),
    check("event_types_late_window_range", sql`${t.lateWithdrawalHours} between 0 and 336`),
  ],
);

export const personas = pgTable(
  "personas",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: varchar({ length: 80 }).notNull(),
    description: varchar({ length: 500 }).notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("personas_name_key").on(t.name)],
);

/**
 * A customer who hosts safaris (GDPR: only what running them needs). Executives see the first name and the
 * persona, never the rest; contact details are for the CX team alone.
 */
export const customerHosts = pgTable(
  "customer_hosts",
  {
    id: uuid().primaryKey().defaultRandom(),
    firstName: varchar({ length: 60 }).notNull(),
    lastName: varchar({ length: 80 }).notNull().default(""),
    contactEmail: varchar({ length: 254 }),
    contactPhone: varchar({ length: 40 }),
    personaId: uuid().references(() => personas.id, { onDelete: "set null" }),
    /** The language the safari is held in with this host, as a BCP 47 tag ("de", "el", "en-GB"). */
    language: varchar({ length: 35 }).notNull(),
    /** No longer in the programme: offered for no new event, kept for the events that had them. */
    archivedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    index("customer_hosts_persona_idx").on(t.personaId),
    index("customer_hosts_name_idx").on(t.lastName, t.firstName, t.id),
  ],
);

/**
 * One consent a host gave (GDPR): when, for which types of safari, until when, whether executives may
 * observe and whether recording is allowed, and when it was withdrawn. lib/hosts/consent.ts decides whether
 * a host's consents allow a safari; a host may give several over time, none is ever overwritten.
 */
export const hostConsents = pgTable(
  "host_consents",
  {
    id: uuid().primaryKey().defaultRandom(),
    hostId: uuid()
      .notNull()
      .references(() => customerHosts.id, { onDelete: "cascade" }),
    givenAt: instant().notNull(),
    /** Keys of event_types it covers (an array cannot hold foreign keys: the form checks them). */
    eventTypes: varchar({ length: 40 }).array().notNull(),
    /** Exclusive: the first instant it no longer covers. */
    validUntil: instant().notNull(),
    executivesMayObserve: boolean().notNull(),
    recordingAllowed: boolean().notNull(),
    withdrawnAt: instant(),
    recordedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("host_consents_host_idx").on(t.hostId, t.givenAt),
    check("host_consents_types_present", sql`cardinality(${t.eventTypes}) >= 1`),
    check("host_consents_valid_after_given", sql`${t.validUntil} > ${t.givenAt}`),
    check("host_consents_withdrawn_after_given", sql`${t.withdrawnAt} is null or ${t.withdrawnAt} >= ${t.givenAt}`),
  ],
);

/**
 * A series of safaris made in one go (lib/events/recurrence.ts): what the organizer asked for. Each
 * occurrence is an event of its own (events.series_id), changed or cancelled alone.
 */
export const eventSeries = pgTable(
  "event_series",
  {
    id: uuid().primaryKey().defaultRandom(),
    type: varchar({ length: 40 })
      .notNull()
      .references(() => eventTypes.key, { onDelete: "restrict" }),
    title: varchar({ length: 120 }).notNull(),
    timeZone: varchar({ length: 64 }).notNull(),
    firstDate: date({ mode: "string" }).notNull(),
    /** The wall-clock start, HH:mm, the same on every date. */
    startTime: varchar({ length: 5 }).notNull(),
    durationMinutes: smallint().notNull(),
    everyWeeks: smallint().notNull(),
    count: smallint().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
  },
  (t) => [
    check("event_series_count_range", sql`${t.count} between 1 and 52`),
    check("event_series_every_weeks_range", sql`${t.everyWeeks} between 1 and 4`),
  ],
);

export const events = pgTable(
  "events",
  {
    id: uuid().primaryKey().defaultRandom(),
    type: varchar({ length: 40 })
      .notNull()
      .references(() => eventTypes.key, { onDelete: "restrict" }),
    title: varchar({ length: 120 }).notNull(),
    briefing: varchar({ length: 5000 }).notNull().default(""),
    location: varchar({ length: 300 }).notNull().default(""),
    startAt: instant().notNull(),
    endAt: instant().notNull(),
    /** The IANA zone the event is planned in: its wall-clock times are shown in this zone. */
    timeZone: varchar({ length: 64 }).notNull(),
    seats: smallint().notNull(),
    /** Confirmed and attended participations, kept by a trigger; the check below is the seat limit. */
    seatsTaken: smallint().notNull().default(0),
    status: eventStatus().notNull().default("draft"),
    /**
     * The calendar SEQUENCE of this event: a trigger raises it on every change a calendar shows (times, zone,
     * place, title, status), so an update sent to a calendar always supersedes the one before.
     */
    calendarSequence: integer().notNull().default(0),
    /** Set when the event is cancelled, with the reason participants are shown. */
    cancelledAt: instant(),
    cancellationReason: varchar({ length: 500 }),
    organizerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** A video link for safaris held online (call listening, a video visit). */
    videoUrl: varchar({ length: 500 }).notNull().default(""),
    /** Who meets the executives and where ("Anna Weber at the service desk, ground floor"). */
    meetingContact: varchar({ length: 200 }).notNull().default(""),
    /** The frontline colleague who hosts a service-desk day or a call session, and their role. */
    frontlineName: varchar({ length: 120 }).notNull().default(""),
    frontlineRole: varchar({ length: 120 }).notNull().default(""),
    /** Set when a host's consent was withdrawn and no longer covers this event; cleared once it does again. */
    consentFlaggedAt: instant(),
    /** The series it was made in, and its place there from 0. */
    seriesId: uuid().references((): AnyPgColumn => eventSeries.id, { onDelete: "set null" }),
    seriesIndex: smallint(),
    createdAt: createdAt(),
    updatedAt: createdAt().$onUpdate(() => new Date()),
  },
  (t) => [
    index("events_status_start_idx").on(t.status, t.startAt),
    index("events_series_idx").on(t.seriesId, t.seriesIndex).where(sql`${t.seriesId} is not null`),
    index("events_consent_flagged_idx").on(t.startAt).where(sql`${t.consentFlaggedAt} is not null`),
    // A quarter's events for the summary and the cadence board, and the keyset order of the event lists.
    index("events_start_idx").on(t.startAt, t.id),
    index("events_organizer_idx").on(t.organizerId),
    // Safaris that ended in a window, for the prompts to reflect (lib/participation/mutations.ts promptReflections).
    index("events_end_idx").on(t.endAt),
    // The library's type filter: a type with few safaris finds them here rather than by reading every safari.
    index("events_type_idx").on(t.type),
    check("events_end_after_start", sql`${t.endAt} > ${t.startAt}`),
    check("events_seats_range", sql`${t.seats} between 1 and 500`),
    check("events_seats_taken_within_seats", sql`${t.seatsTaken} between 0 and ${t.seats}`),
    check(
      "events_cancelled_has_time_and_reason",
      sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null and ${t.cancellationReason} is not null)`,
    ),
  ],
);

export const eventPersonas = pgTable(
  "event_personas",
  {
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    personaId: uuid()
      .notNull()
      .references(() => personas.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.personaId] }), index("event_personas_persona_idx").on(t.personaId)],
);

export const eventHosts = pgTable(
  "event_hosts",
  {
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    hostId: uuid()
      .notNull()
      .references(() => customerHosts.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.hostId] }), index("event_hosts_host_idx").on(t.hostId)],
);

export const participations = pgTable(
  "participations",
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    executiveId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: participationStatus().notNull(),
    source: participationSource().notNull(),
    /**
     * A copy of the event's [start, end) kept by a trigger, so that an exclusion constraint can forbid
     * one executive in two overlapping confirmed events. The default is overwritten on every insert.
     */
    during: tstzrange().notNull().default(sql`'empty'::tstzrange`),
    /**
     * Where the leadership summary counts this participation: the event's start while it is attended and
     * the event is not cancelled, else null. Kept by triggers (db/migrations/0009), never written by the app.
     */
    summaryAt: instant(),
    /** When the executive gave their seat back, and whether that was late (within a day of the start). */
    withdrawnAt: instant(),
    withdrawnLate: boolean().notNull().default(false),
    /** An invitation holds its seat until it is answered or this deadline passes (then it expires). */
    respondBy: instant(),
    /** When the invitation was answered; a decline may say why. */
    respondedAt: instant(),
    declineReason: varchar({ length: 500 }),
    /** When an unanswered invitation lapsed and gave its seat back. */
    expiredAt: instant(),
    /** The waitlist's order: first come, first promoted. */
    waitlistedAt: instant(),
    /** When a freed seat went to this executive from the waitlist. */
    promotedAt: instant(),
    /** The briefing's "what do you expect to hear?", kept for the reflection. */
    expectation: varchar({ length: 2000 }),
    expectationAt: instant(),
    /** The three empathy items of lib/briefing/schema.ts, rated 1–7 before the safari (the reflection rates them again). */
    empathyBefore: smallint().array(),
    createdAt: createdAt(),
    updatedAt: createdAt().$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("participations_event_executive_key").on(t.eventId, t.executiveId),
    check("participations_late_withdrawal_has_time", sql`not ${t.withdrawnLate} or ${t.withdrawnAt} is not null`),
    check("participations_invited_has_deadline", sql`${t.status} <> 'invited' or ${t.respondBy} is not null`),
    check("participations_waitlisted_has_time", sql`${t.status} <> 'waitlisted' or ${t.waitlistedAt} is not null`),
    check(
      "participations_empathy_before_range",
      sql`${t.empathyBefore} is null or (cardinality(${t.empathyBefore}) = 3 and 1 <= all(${t.empathyBefore}) and 7 >= all(${t.empathyBefore}))`,
    ),
    index("participations_executive_idx").on(t.executiveId, t.status),
    // A period's attendance for the summary: one stretch of one index, however long the history behind it.
    index("participations_summary_idx").on(t.summaryAt, t.executiveId, t.during).where(sql`${t.summaryAt} is not null`),
    // Each executive's latest attended safari, found by one step down an index (the end is `during`'s upper bound).
    index("participations_attended_executive_end_idx").on(t.executiveId, sql`upper(${t.during})`).where(sql`${t.status} = 'attended'`),
    index("participations_waitlist_idx").on(t.eventId, t.waitlistedAt, t.id).where(sql`${t.status} = 'waitlisted'`),
    index("participations_open_invitations_idx").on(t.respondBy).where(sql`${t.status} = 'invited'`),
  ],
);

export const reflections = pgTable(
  "reflections",
  {
    id: uuid().primaryKey().defaultRandom(),
    participationId: uuid()
      .notNull()
      .references(() => participations.id, { onDelete: "cascade" }),
    authorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    surprise: varchar({ length: 2000 }).notNull().default(""),
    /** The empathy map: what the customer said, did, thought and felt. */
    mapSaid: varchar({ length: 1000 }).notNull().default(""),
    mapDid: varchar({ length: 1000 }).notNull().default(""),
    mapThought: varchar({ length: 1000 }).notNull().default(""),
    mapFelt: varchar({ length: 1000 }).notNull().default(""),
    /** How far what happened differed from the briefing's prediction, 1 (as expected) to 5 (nothing like it). */
    surpriseScore: smallint(),
    /** The three empathy items: before (copied from the briefing when the reflection is written) and after. */
    empathyItemsBefore: smallint().array(),
    empathyItemsAfter: smallint().array(),
    /** Mean after minus mean before, when both were rated: the summary's empathy shift. */
    empathyShift: numeric({ precision: 4, scale: 2, mode: "number" }).generatedAlwaysAs(
      sql`case when empathy_items_before is not null and empathy_items_after is not null then ((empathy_items_after[1] + empathy_items_after[2] + empathy_items_after[3]) - (empathy_items_before[1] + empathy_items_before[2] + empathy_items_before[3]))::numeric / 3 end`,
    ),
    visibility: reflectionVisibility().notNull().default("cx_team"),
    /** Where the summary counts this reflection: its event's start, null while the event is cancelled (a trigger's copy). */
    summaryAt: instant(),
    createdAt: createdAt(),
    /** When its author last edited it (they may, for 14 days); null when never. */
    editedAt: instant(),
  },
  (t) => [
    uniqueIndex("reflections_participation_key").on(t.participationId),
    index("reflections_author_idx").on(t.authorId),
    index("reflections_event_idx").on(t.eventId),
    // A period's reflections by author for the summary: one stretch of one index.
    // With what the scores need, so that the reflections and their empathy shift and surprise are read from
    // the index alone (migration 0019).
    index("reflections_summary_idx")
      .on(t.summaryAt, t.authorId, t.visibility, t.empathyShift, t.surpriseScore)
      .where(sql`${t.summaryAt} is not null`),
    check("reflections_surprise_score_range", sql`${t.surpriseScore} is null or ${t.surpriseScore} between 1 and 5`),
    check("reflections_empathy_items_before_range", empathyItemsCheck(t.empathyItemsBefore)),
    check("reflections_empathy_items_after_range", empathyItemsCheck(t.empathyItemsAfter)),
  ],
);

/**
 * A reflection's moments, in its order: ouch or aah, what happened, the customer's own words, where in the
 * journey, the emotion it stirred and how strongly. The ouch/aah library searches them (`search`: the text
 * stemmed as English, German and Greek and as written, so a query in any of the three finds its forms).
 */
export const reflectionMoments = pgTable(
  "reflection_moments",
  {
    id: uuid().primaryKey().defaultRandom(),
    reflectionId: uuid()
      .notNull()
      .references(() => reflections.id, { onDelete: "cascade" }),
    position: smallint().notNull(),
    kind: momentKind().notNull(),
    body: varchar({ length: 500 }).notNull(),
    quote: varchar({ length: 500 }).notNull().default(""),
    /** Null only for moments written before stages were asked (migration 0017). */
    journeyStage: journeyStage(),
    emotion: varchar({ length: 40 }).notNull(),
    intensity: smallint().notNull(),
    search: tsvector().generatedAlwaysAs(
      sql`to_tsvector('simple'::regconfig, body || ' ' || quote) || to_tsvector('english'::regconfig, body || ' ' || quote) || to_tsvector('german'::regconfig, body || ' ' || quote) || to_tsvector('greek'::regconfig, body || ' ' || quote)`,
    ),
    /**
     * Copies kept by triggers (migration 0017), never written by the app: the reflection's author, event and
     * visibility, the event's start, and `summaryAt` while the author lets the moment count (cx_team or
     * anonymised) and the safari is not cancelled.
     */
    authorId: uuid(),
    eventId: uuid(),
    visibility: reflectionVisibility(),
    occurredAt: instant(),
    summaryAt: instant(),
  },
  (t) => [
    uniqueIndex("reflection_moments_reflection_position_key").on(t.reflectionId, t.position),
    index("reflection_moments_search_idx").using("gin", t.search),
    // The library: the CX team's shared moments, newest first; an author's own moments, newest first.
    index("reflection_moments_shared_idx").on(t.occurredAt, t.id).where(sql`${t.visibility} = 'cx_team'`),
    // The library's emotion and stage filters, newest first; a rare combination is read from these, not by
    // walking every shared moment.
    index("reflection_moments_shared_emotion_idx").on(t.emotion, t.occurredAt, t.id).where(sql`${t.visibility} = 'cx_team'`),
    index("reflection_moments_shared_stage_idx").on(t.journeyStage, t.occurredAt, t.id).where(sql`${t.visibility} = 'cx_team'`),
    index("reflection_moments_author_idx").on(t.authorId, t.occurredAt, t.id),
    index("reflection_moments_event_idx").on(t.eventId),
    // The summary's themes: a period's counting moments by kind and stage.
    index("reflection_moments_summary_idx").on(t.summaryAt, t.kind, t.journeyStage, t.authorId).where(sql`${t.summaryAt} is not null`),
    check("reflection_moments_intensity_range", sql`${t.intensity} between 1 and 5`),
    check("reflection_moments_emotion_known", sql.raw(`emotion in (${momentEmotions.map((e) => `'${e}'`).join(", ")})`)),
  ],
);

/** Which of its reflection's moments a commitment answers. */
export const commitmentMoments = pgTable(
  "commitment_moments",
  {
    commitmentId: uuid()
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    momentId: uuid()
      .notNull()
      .references(() => reflectionMoments.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.commitmentId, t.momentId] }), index("commitment_moments_moment_idx").on(t.momentId)],
);

/**
 * The reflection an executive is writing, saved as they type (one per participation) so it survives a
 * reload; gone when the reflection is submitted.
 */
export const reflectionDrafts = pgTable(
  "reflection_drafts",
  {
    participationId: uuid()
      .primaryKey()
      .references(() => participations.id, { onDelete: "cascade" }),
    authorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    content: jsonb().notNull(),
    updatedAt: createdAt(),
  },
  (t) => [check("reflection_drafts_size", sql`octet_length(${t.content}::text) <= 65536`)],
);

export const reflectionEmotions = pgTable(
  "reflection_emotions",
  {
    reflectionId: uuid()
      .notNull()
      .references(() => reflections.id, { onDelete: "cascade" }),
    emotion: varchar({ length: 40 }).notNull(),
    intensity: smallint().notNull(),
    /**
     * Copies kept by triggers for the summary: the reflection's author, and its `summaryAt` while its
     * author lets it count for feelings (cx_team or anonymised), else null.
     */
    authorId: uuid(),
    summaryAt: instant(),
  },
  (t) => [
    primaryKey({ columns: [t.reflectionId, t.emotion] }),
    // A period's emotions by emotion and author for the summary: one stretch of one index.
    index("reflection_emotions_summary_idx").on(t.summaryAt, t.emotion, t.authorId, t.intensity).where(sql`${t.summaryAt} is not null`),
    check("reflection_emotions_intensity_range", sql`${t.intensity} between 1 and 5`),
  ],
);

export const commitments = pgTable(
  "commitments",
  {
    id: uuid().primaryKey().defaultRandom(),
    reflectionId: uuid()
      .notNull()
      .references(() => reflections.id, { onDelete: "cascade" }),
    ownerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: varchar({ length: 500 }).notNull(),
    /** A calendar date: "by the end of March", not an instant. */
    dueOn: date({ mode: "string" }).notNull(),
    status: commitmentStatus().notNull().default("open"),
    doneAt: instant(),
    /** Who else is needed to keep it ("the billing team", "our CFO"). */
    helpers: varchar({ length: 300 }).notNull().default(""),
    /**
     * "Loop closed": what was done, told back to the customer and the frontline host ("you told us X; we
     * did Y"). Only a commitment that is done closes its loop.
     */
    loopClosedAt: instant(),
    loopClosedNote: varchar({ length: 2000 }),
    customerTold: boolean().notNull().default(false),
    frontlineTold: boolean().notNull().default(false),
    /** The reflection's `summaryAt`, copied by a trigger for the summary. */
    summaryAt: instant(),
    createdAt: createdAt(),
    updatedAt: createdAt().$onUpdate(() => new Date()),
  },
  (t) => [
    index("commitments_owner_status_idx").on(t.ownerId, t.status),
    // Commitments made in a window, for the 30- and 90-day follow-ups (lib/reflections/mutations.ts).
    index("commitments_created_idx").on(t.createdAt),
    // The organizers' overdue list: commitments still to keep, by due date.
    index("commitments_due_idx").on(t.dueOn, t.id).where(sql`${t.status} not in ('done', 'dropped')`),
    check("commitments_loop_closed_when_done", sql`${t.loopClosedAt} is null or (${t.status} = 'done' and ${t.loopClosedNote} is not null)`),
    index("commitments_reflection_idx").on(t.reflectionId),
    // A period's commitments by owner and state for the summary: one stretch of one index.
    index("commitments_summary_idx").on(t.summaryAt, t.ownerId, t.status, t.dueOn).where(sql`${t.summaryAt} is not null`),
    // The summary's loops closed: the few closed ones of a period, without reading its other commitments.
    index("commitments_summary_loops_idx")
      .on(t.summaryAt, t.ownerId, t.customerTold, t.frontlineTold)
      .where(sql`${t.summaryAt} is not null and ${t.loopClosedAt} is not null`),
    check("commitments_done_at_matches_status", sql`(${t.status} = 'done') = (${t.doneAt} is not null)`),
  ],
);

/** A commitment's history: each change of status and each progress note, by its owner. */
export const commitmentUpdates = pgTable(
  "commitment_updates",
  {
    id: uuid().primaryKey().defaultRandom(),
    commitmentId: uuid()
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    statusFrom: commitmentStatus().notNull(),
    statusTo: commitmentStatus().notNull(),
    note: varchar({ length: 2000 }).notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("commitment_updates_commitment_idx").on(t.commitmentId, t.createdAt)],
);

/**
 * One row per sign-in. The session cookie carries the row's id; a session counts only while its row is
 * neither revoked nor expired, so signing out, a password change or an admin can end it at once.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: instant().notNull(),
    revokedAt: instant(),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

/**
 * Failed sign-ins per key ("account:<e-mail>" or "address:<ip>"), counted in a window; past the limit the
 * key is locked until `lockedUntil`. Kept in the database so every app instance sees the same counts.
 */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: varchar({ length: 320 }).primaryKey(),
  failures: smallint().notNull().default(0),
  windowStartedAt: instant().notNull(),
  lockedUntil: instant(),
});

/**
 * Who did what, when: append-only (a trigger refuses UPDATE and DELETE). `objectType`/`objectId` name
 * what it was done to; `details` holds the before and after of what changed.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid().primaryKey().defaultRandom(),
    at: createdAt(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: varchar({ length: 60 }).$type<AuditAction>().notNull(),
    objectType: varchar({ length: 40 }).notNull(),
    objectId: varchar({ length: 320 }).notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_at_idx").on(t.actorId, t.at),
    index("audit_log_object_at_idx").on(t.objectType, t.objectId, t.at),
  ],
);

/**
 * The inbox, and the outbox for later delivery: one row per thing an executive is told, written in the
 * same transaction as the change it reports. `details` holds what the text needs (event title, times, reason)
 * as it was at that moment. `dedupeKey`, when set, makes a scheduled notice (a reminder) happen once.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: varchar({ length: 40 }).$type<NotificationKind>().notNull(),
    eventId: uuid().references(() => events.id, { onDelete: "cascade" }),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: varchar({ length: 200 }),
    createdAt: createdAt(),
    readAt: instant(),
    /**
     * Its e-mail: pending until the delivery job sends it (to SMTP or the outbox, table mails), skips it
     * (the person opted out, or the safari was cancelled since) or gives up after its retries (failed).
     */
    mailStatus: varchar({ length: 10 }).$type<MailStatus>().notNull().default("pending"),
    mailAttempts: smallint().notNull().default(0),
    mailError: varchar({ length: 500 }),
    mailedAt: instant(),
  },
  (t) => [
    index("notifications_mail_pending_idx").on(t.createdAt, t.id).where(sql`${t.mailStatus} = 'pending'`),
    check("notifications_mail_status", sql`${t.mailStatus} in ('pending', 'sent', 'skipped', 'failed')`),
    index("notifications_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_dedupe_key").on(t.dedupeKey),
  ],
);

/**
 * One run of the fair matcher (lib/matching) over a period's events: what went in (a fingerprint of the
 * input), what came out (tier values, coverage before and after), who ran it and when. A re-run is a new
 * row naming its parent, and keeps the organizer's removals and hand-added proposals.
 */
export const matchRuns = pgTable(
  "match_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    createdById: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
    parentRunId: uuid().references((): AnyPgColumn => matchRuns.id, { onDelete: "set null" }),
    periodStart: instant().notNull(),
    periodEnd: instant().notNull(),
    /** sha-256 of the matcher's input, canonicalised: equal fingerprints, equal input. */
    fingerprint: varchar({ length: 64 }).notNull(),
    /** The objective's tiers for the proposals (lib/matching/objective.ts ObjectiveScore). */
    tiers: jsonb().$type<Record<string, number>>().notNull(),
    executivesCount: integer().notNull(),
    eventsCount: integer().notNull(),
    /** Executives at or above their target in the period, before and after the proposals. */
    coverageBefore: integer().notNull(),
    coverageAfter: integer().notNull(),
    solveMs: integer().notNull(),
    publishedAt: instant(),
    publishedById: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("match_runs_created_idx").on(t.createdAt, t.id),
    check("match_runs_period_order", sql`${t.periodEnd} > ${t.periodStart}`),
    check("match_runs_published_by", sql`(${t.publishedAt} is null) = (${t.publishedById} is null)`),
  ],
);

/** The events an organizer chose for a run. */
export const matchRunEvents = pgTable(
  "match_run_events",
  {
    runId: uuid()
      .notNull()
      .references(() => matchRuns.id, { onDelete: "cascade" }),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.runId, t.eventId] }), index("match_run_events_event_idx").on(t.eventId)],
);

/** One proposed seat and why; removed ones stay (with when) so that a re-run keeps the removal. */
export const matchRunProposals = pgTable(
  "match_run_proposals",
  {
    id: uuid().primaryKey().defaultRandom(),
    runId: uuid()
      .notNull()
      .references(() => matchRuns.id, { onDelete: "cascade" }),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    executiveId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    origin: varchar({ length: 20 }).$type<ProposalOrigin>().notNull(),
    reason: varchar({ length: 1000 }).notNull(),
    removedAt: instant(),
    removedById: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Set by publishing: invited, or stale with why. */
    outcome: varchar({ length: 20 }).$type<ProposalOutcome>(),
    outcomeNote: varchar({ length: 500 }),
  },
  (t) => [
    uniqueIndex("match_run_proposals_run_event_executive_key").on(t.runId, t.eventId, t.executiveId),
    index("match_run_proposals_run_executive_idx").on(t.runId, t.executiveId),
    check("match_run_proposals_removed_by", sql`(${t.removedAt} is null) = (${t.removedById} is null)`),
  ],
);

/** An executive the run left short of their target, by how many, and why. */
export const matchRunUnplaced = pgTable(
  "match_run_unplaced",
  {
    runId: uuid()
      .notNull()
      .references(() => matchRuns.id, { onDelete: "cascade" }),
    executiveId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    missing: smallint().notNull(),
    reason: varchar({ length: 40 }).notNull(),
    explanation: varchar({ length: 1000 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.executiveId] })],
);

/**
 * Every e-mail the app sent, as sent: through SMTP when configured, else only here (the outbox admins read,
 * so the embedded default works without a mail server).
 */
export const mails = pgTable(
  "mails",
  {
    id: uuid().primaryKey().defaultRandom(),
    notificationId: uuid().references(() => notifications.id, { onDelete: "set null" }),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    toAddress: varchar({ length: 254 }).notNull(),
    subject: varchar({ length: 300 }).notNull(),
    textBody: text().notNull(),
    /** The attached calendar (text/calendar), with its METHOD, when the mail carries one. */
    calendar: text(),
    calendarMethod: varchar({ length: 10 }),
    transport: varchar({ length: 10 }).$type<"smtp" | "outbox">().notNull(),
    messageId: varchar({ length: 300 }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("mails_notification_key").on(t.notificationId),
    index("mails_created_idx").on(t.createdAt, t.id),
  ],
);

/**
 * A user's private calendar subscription: the SHA-256 of its secret token (the token itself is shown once).
 * Revoking sets revokedAt, and the feed URL then answers 404; at most one live token per user.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: varchar({ length: 64 }).notNull(),
    createdAt: createdAt(),
    revokedAt: instant(),
  },
  (t) => [
    uniqueIndex("calendar_feeds_token_key").on(t.tokenHash),
    uniqueIndex("calendar_feeds_live_key").on(t.userId).where(sql`${t.revokedAt} is null`),
  ],
);

export const usersRelations = relations(users, ({ one, many }) => ({
  profile: one(executiveProfiles, { fields: [users.id], references: [executiveProfiles.userId] }),
  participations: many(participations),
}));

export const executiveProfilesRelations = relations(executiveProfiles, ({ one, many }) => ({
  user: one(users, { fields: [executiveProfiles.userId], references: [users.id] }),
  blackouts: many(executiveBlackouts),
}));

export const executiveBlackoutsRelations = relations(executiveBlackouts, ({ one }) => ({
  profile: one(executiveProfiles, { fields: [executiveBlackouts.userId], references: [executiveProfiles.userId] }),
}));

export const eventsRelations = relations(events, ({ one, many }) => ({
  organizer: one(users, { fields: [events.organizerId], references: [users.id] }),
  participations: many(participations),
  personas: many(eventPersonas),
  hosts: many(eventHosts),
}));

export const eventPersonasRelations = relations(eventPersonas, ({ one }) => ({
  event: one(events, { fields: [eventPersonas.eventId], references: [events.id] }),
  persona: one(personas, { fields: [eventPersonas.personaId], references: [personas.id] }),
}));

export const customerHostsRelations = relations(customerHosts, ({ one, many }) => ({
  persona: one(personas, { fields: [customerHosts.personaId], references: [personas.id] }),
  consents: many(hostConsents),
}));

export const hostConsentsRelations = relations(hostConsents, ({ one }) => ({
  host: one(customerHosts, { fields: [hostConsents.hostId], references: [customerHosts.id] }),
}));

export const eventHostsRelations = relations(eventHosts, ({ one }) => ({
  event: one(events, { fields: [eventHosts.eventId], references: [events.id] }),
  host: one(customerHosts, { fields: [eventHosts.hostId], references: [customerHosts.id] }),
}));

export const participationsRelations = relations(participations, ({ one }) => ({
  event: one(events, { fields: [participations.eventId], references: [events.id] }),
  executive: one(users, { fields: [participations.executiveId], references: [users.id] }),
  reflection: one(reflections, { fields: [participations.id], references: [reflections.participationId] }),
}));

export const reflectionsRelations = relations(reflections, ({ one, many }) => ({
  participation: one(participations, { fields: [reflections.participationId], references: [participations.id] }),
  author: one(users, { fields: [reflections.authorId], references: [users.id] }),
  event: one(events, { fields: [reflections.eventId], references: [events.id] }),
  emotions: many(reflectionEmotions),
  moments: many(reflectionMoments),
  commitments: many(commitments),
}));

export const reflectionMomentsRelations = relations(reflectionMoments, ({ one, many }) => ({
  reflection: one(reflections, { fields: [reflectionMoments.reflectionId], references: [reflections.id] }),
  commitments: many(commitmentMoments),
}));

export const commitmentMomentsRelations = relations(commitmentMoments, ({ one }) => ({
  commitment: one(commitments, { fields: [commitmentMoments.commitmentId], references: [commitments.id] }),
  moment: one(reflectionMoments, { fields: [commitmentMoments.momentId], references: [reflectionMoments.id] }),
}));

export const reflectionEmotionsRelations = relations(reflectionEmotions, ({ one }) => ({
  reflection: one(reflections, { fields: [reflectionEmotions.reflectionId], references: [reflections.id] }),
}));

export const commitmentsRelations = relations(commitments, ({ one, many }) => ({
  reflection: one(reflections, { fields: [commitments.reflectionId], references: [reflections.id] }),
  owner: one(users, { fields: [commitments.ownerId], references: [users.id] }),
  updates: many(commitmentUpdates),
  moments: many(commitmentMoments),
}));

export const commitmentUpdatesRelations = relations(commitmentUpdates, ({ one }) => ({
  commitment: one(commitments, { fields: [commitmentUpdates.commitmentId], references: [commitments.id] }),
}));

export type User = typeof users.$inferSelect;
export type ExecutiveProfile = typeof executiveProfiles.$inferSelect;
export type ExecutiveBlackout = typeof executiveBlackouts.$inferSelect;
export type Event = typeof events.$inferSelect;
export type Participation = typeof participations.$inferSelect;
export type Reflection = typeof reflections.$inferSelect;
export type ReflectionMoment = typeof reflectionMoments.$inferSelect;
export type Commitment = typeof commitments.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type MatchRun = typeof matchRuns.$inferSelect;
export type MatchRunProposal = typeof matchRunProposals.$inferSelect;
export type UserSession = typeof userSessions.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type CustomerHost = typeof customerHosts.$inferSelect;
export type HostConsent = typeof hostConsents.$inferSelect;
export type EventSeries = typeof eventSeries.$inferSelect;
export type Mail = typeof mails.$inferSelect;

