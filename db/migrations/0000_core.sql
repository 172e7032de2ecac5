CREATE TYPE "public"."commitment_status" AS ENUM('open', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('draft', 'published', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."event_type" AS ENUM('call_listening', 'customer_breakfast', 'service_desk_day', 'customer_event', 'home_visit', 'store_visit', 'other');--> statement-breakpoint
CREATE TYPE "public"."participation_source" AS ENUM('signed_up', 'matched', 'assigned');--> statement-breakpoint
CREATE TYPE "public"."participation_status" AS ENUM('invited', 'confirmed', 'waitlisted', 'declined', 'attended', 'no_show', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."reflection_visibility" AS ENUM('private', 'cx_team', 'anonymised');--> statement-breakpoint
CREATE TYPE "public"."seniority" AS ENUM('c_level', 'vp', 'director');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('organizer', 'executive', 'reviewer', 'admin');--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reflection_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"body" varchar(500) NOT NULL,
	"due_on" date NOT NULL,
	"status" "commitment_status" DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitments_done_at_matches_status" CHECK (("commitments"."status" = 'done') = ("commitments"."done_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "customer_hosts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"display_name" varchar(120) NOT NULL,
	"contact_email" varchar(254),
	"persona_id" uuid,
	"consent_given_at" timestamp with time zone NOT NULL,
	"consent_scope" varchar(500) NOT NULL,
	"consent_expires_at" timestamp with time zone,
	"consent_withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_hosts_consent_expiry_after_given" CHECK ("customer_hosts"."consent_expires_at" is null or "customer_hosts"."consent_expires_at" > "customer_hosts"."consent_given_at"),
	CONSTRAINT "customer_hosts_withdrawal_after_given" CHECK ("customer_hosts"."consent_withdrawn_at" is null or "customer_hosts"."consent_withdrawn_at" >= "customer_hosts"."consent_given_at")
);
--> statement-breakpoint
CREATE TABLE "event_hosts" (
	"event_id" uuid NOT NULL,
	"host_id" uuid NOT NULL,
	CONSTRAINT "event_hosts_event_id_host_id_pk" PRIMARY KEY("event_id","host_id")
);
--> statement-breakpoint
CREATE TABLE "event_personas" (
	"event_id" uuid NOT NULL,
	"persona_id" uuid NOT NULL,
	CONSTRAINT "event_personas_event_id_persona_id_pk" PRIMARY KEY("event_id","persona_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "event_type" NOT NULL,
	"title" varchar(120) NOT NULL,
	"briefing" varchar(5000) DEFAULT '' NOT NULL,
	"location" varchar(300) DEFAULT '' NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"time_zone" varchar(64) NOT NULL,
	"seats" smallint NOT NULL,
	"seats_taken" smallint DEFAULT 0 NOT NULL,
	"status" "event_status" DEFAULT 'draft' NOT NULL,
	"organizer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_end_after_start" CHECK ("events"."end_at" > "events"."start_at"),
	CONSTRAINT "events_seats_range" CHECK ("events"."seats" between 1 and 500),
	CONSTRAINT "events_seats_taken_within_seats" CHECK ("events"."seats_taken" between 0 and "events"."seats")
);
--> statement-breakpoint
CREATE TABLE "executive_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"department" varchar(80) NOT NULL,
	"seniority" "seniority" NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"cadence_per_quarter" smallint DEFAULT 1 NOT NULL,
	CONSTRAINT "executive_profiles_cadence_range" CHECK ("executive_profiles"."cadence_per_quarter" between 0 and 12)
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"executive_id" uuid NOT NULL,
	"status" "participation_status" NOT NULL,
	"source" "participation_source" NOT NULL,
	"during" "tstzrange" DEFAULT 'empty'::tstzrange NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(80) NOT NULL,
	"description" varchar(500) DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reflection_emotions" (
	"reflection_id" uuid NOT NULL,
	"emotion" varchar(40) NOT NULL,
	"intensity" smallint NOT NULL,
	CONSTRAINT "reflection_emotions_reflection_id_emotion_pk" PRIMARY KEY("reflection_id","emotion"),
	CONSTRAINT "reflection_emotions_intensity_range" CHECK ("reflection_emotions"."intensity" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "reflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participation_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"ouch_moments" text[] NOT NULL,
	"aah_moments" text[] NOT NULL,
	"empathy_before" smallint,
	"empathy_after" smallint,
	"customer_quote" varchar(1000) DEFAULT '' NOT NULL,
	"surprise" varchar(2000) DEFAULT '' NOT NULL,
	"visibility" "reflection_visibility" DEFAULT 'cx_team' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflections_has_ouch" CHECK (cardinality("reflections"."ouch_moments") between 1 and 10),
	CONSTRAINT "reflections_has_aah" CHECK (cardinality("reflections"."aah_moments") between 1 and 10),
	CONSTRAINT "reflections_empathy_before_range" CHECK ("reflections"."empathy_before" is null or "reflections"."empathy_before" between 1 and 5),
	CONSTRAINT "reflections_empathy_after_range" CHECK ("reflections"."empathy_after" is null or "reflections"."empathy_after" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" varchar(254) NOT NULL,
	"name" varchar(120) NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"time_zone" varchar(64) DEFAULT 'Europe/Berlin' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_reflection_id_reflections_id_fk" FOREIGN KEY ("reflection_id") REFERENCES "public"."reflections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_hosts" ADD CONSTRAINT "customer_hosts_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_hosts" ADD CONSTRAINT "event_hosts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_hosts" ADD CONSTRAINT "event_hosts_host_id_customer_hosts_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."customer_hosts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_personas" ADD CONSTRAINT "event_personas_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_personas" ADD CONSTRAINT "event_personas_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organizer_id_users_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "executive_profiles" ADD CONSTRAINT "executive_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_executive_id_users_id_fk" FOREIGN KEY ("executive_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_emotions" ADD CONSTRAINT "reflection_emotions_reflection_id_reflections_id_fk" FOREIGN KEY ("reflection_id") REFERENCES "public"."reflections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitments_owner_status_idx" ON "commitments" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "commitments_reflection_idx" ON "commitments" USING btree ("reflection_id");--> statement-breakpoint
CREATE INDEX "customer_hosts_persona_idx" ON "customer_hosts" USING btree ("persona_id");--> statement-breakpoint
CREATE INDEX "event_hosts_host_idx" ON "event_hosts" USING btree ("host_id");--> statement-breakpoint
CREATE INDEX "event_personas_persona_idx" ON "event_personas" USING btree ("persona_id");--> statement-breakpoint
CREATE INDEX "events_status_start_idx" ON "events" USING btree ("status","start_at");--> statement-breakpoint
CREATE INDEX "events_organizer_idx" ON "events" USING btree ("organizer_id");--> statement-breakpoint
CREATE INDEX "executive_profiles_department_idx" ON "executive_profiles" USING btree ("department");--> statement-breakpoint
CREATE UNIQUE INDEX "participations_event_executive_key" ON "participations" USING btree ("event_id","executive_id");--> statement-breakpoint
CREATE INDEX "participations_executive_idx" ON "participations" USING btree ("executive_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "personas_name_key" ON "personas" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "reflections_participation_key" ON "reflections" USING btree ("participation_id");--> statement-breakpoint
CREATE INDEX "reflections_author_idx" ON "reflections" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "reflections_event_idx" ON "reflections" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");