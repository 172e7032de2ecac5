CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "event_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" varchar(40) NOT NULL,
	"title" varchar(120) NOT NULL,
	"time_zone" varchar(64) NOT NULL,
	"first_date" date NOT NULL,
	"start_time" varchar(5) NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"every_weeks" smallint NOT NULL,
	"count" smallint NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_series_count_range" CHECK ("event_series"."count" between 1 and 52),
	CONSTRAINT "event_series_every_weeks_range" CHECK ("event_series"."every_weeks" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "host_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"host_id" uuid NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"event_types" varchar(40)[] NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"executives_may_observe" boolean NOT NULL,
	"recording_allowed" boolean NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "host_consents_types_present" CHECK (cardinality("host_consents"."event_types") >= 1),
	CONSTRAINT "host_consents_valid_after_given" CHECK ("host_consents"."valid_until" > "host_consents"."given_at"),
	CONSTRAINT "host_consents_withdrawn_after_given" CHECK ("host_consents"."withdrawn_at" is null or "host_consents"."withdrawn_at" >= "host_consents"."given_at")
);
--> statement-breakpoint
CREATE TABLE "mails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid,
	"user_id" uuid,
	"to_address" varchar(254) NOT NULL,
	"subject" varchar(300) NOT NULL,
	"text_body" text NOT NULL,
	"calendar" text,
	"calendar_method" varchar(10),
	"transport" varchar(10) NOT NULL,
	"message_id" varchar(300),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_hosts" DROP CONSTRAINT "customer_hosts_consent_expiry_after_given";--> statement-breakpoint
ALTER TABLE "customer_hosts" DROP CONSTRAINT "customer_hosts_withdrawal_after_given";--> statement-breakpoint
ALTER TABLE "customer_hosts" ADD COLUMN "first_name" varchar(60) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_hosts" ADD COLUMN "last_name" varchar(80) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_hosts" ADD COLUMN "contact_phone" varchar(40);--> statement-breakpoint
ALTER TABLE "customer_hosts" ADD COLUMN "language" varchar(35) DEFAULT 'de' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_hosts" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "video_url" varchar(500) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "meeting_contact" varchar(200) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "frontline_name" varchar(120) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "frontline_role" varchar(120) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "consent_flagged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "series_index" smallint;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "mail_status" varchar(10) DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "mail_attempts" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "mail_error" varchar(500);--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "mailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "expectation" varchar(2000);--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "expectation_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "mail_opt_outs" varchar(40)[] DEFAULT '{}'::varchar[] NOT NULL;--> statement-breakpoint
-- Hand-written: hosts' names split into first and last, and each host's one inline consent moved to
-- host_consents (its free-text scope becomes every type in the catalogue, an open end three years after
-- it was given; observing allowed, recording not). Migration 0013 drops the old columns.
UPDATE "customer_hosts" SET
  "first_name" = split_part(btrim("display_name"), ' ', 1),
  "last_name" = btrim(substr(btrim("display_name"), length(split_part(btrim("display_name"), ' ', 1)) + 1));--> statement-breakpoint
ALTER TABLE "customer_hosts" ALTER COLUMN "first_name" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "customer_hosts" ALTER COLUMN "language" DROP DEFAULT;--> statement-breakpoint
INSERT INTO "host_consents" ("host_id", "given_at", "event_types", "valid_until", "executives_may_observe", "recording_allowed", "withdrawn_at")
  SELECT "id", "consent_given_at", (SELECT array_agg("key" ORDER BY "key") FROM "event_types"),
    coalesce("consent_expires_at", "consent_given_at" + interval '3 years'), true, false, "consent_withdrawn_at"
  FROM "customer_hosts";--> statement-breakpoint
-- Notices written before e-mail existed were read in the inbox: none of them is mailed now.
UPDATE "notifications" SET "mail_status" = 'skipped';--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_series" ADD CONSTRAINT "event_series_type_event_types_key_fk" FOREIGN KEY ("type") REFERENCES "public"."event_types"("key") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_series" ADD CONSTRAINT "event_series_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_consents" ADD CONSTRAINT "host_consents_host_id_customer_hosts_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."customer_hosts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_consents" ADD CONSTRAINT "host_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_live_key" ON "calendar_feeds" USING btree ("user_id") WHERE "calendar_feeds"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "host_consents_host_idx" ON "host_consents" USING btree ("host_id","given_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mails_notification_key" ON "mails" USING btree ("notification_id");--> statement-breakpoint
CREATE INDEX "mails_created_idx" ON "mails" USING btree ("created_at","id");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_series_id_event_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."event_series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_hosts_name_idx" ON "customer_hosts" USING btree ("last_name","first_name","id");--> statement-breakpoint
CREATE INDEX "events_series_idx" ON "events" USING btree ("series_id","series_index") WHERE "events"."series_id" is not null;--> statement-breakpoint
CREATE INDEX "events_consent_flagged_idx" ON "events" USING btree ("start_at") WHERE "events"."consent_flagged_at" is not null;--> statement-breakpoint
CREATE INDEX "notifications_mail_pending_idx" ON "notifications" USING btree ("created_at","id") WHERE "notifications"."mail_status" = 'pending';--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_mail_status" CHECK ("notifications"."mail_status" in ('pending', 'sent', 'skipped', 'failed'));