CREATE TABLE "match_run_events" (
	"run_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	CONSTRAINT "match_run_events_run_id_event_id_pk" PRIMARY KEY("run_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "match_run_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"executive_id" uuid NOT NULL,
	"origin" varchar(20) NOT NULL,
	"reason" varchar(1000) NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by_id" uuid,
	"outcome" varchar(20),
	"outcome_note" varchar(500),
	CONSTRAINT "match_run_proposals_removed_by" CHECK (("match_run_proposals"."removed_at" is null) = ("match_run_proposals"."removed_by_id" is null))
);
--> statement-breakpoint
CREATE TABLE "match_run_unplaced" (
	"run_id" uuid NOT NULL,
	"executive_id" uuid NOT NULL,
	"missing" smallint NOT NULL,
	"reason" varchar(40) NOT NULL,
	"explanation" varchar(1000) NOT NULL,
	CONSTRAINT "match_run_unplaced_run_id_executive_id_pk" PRIMARY KEY("run_id","executive_id")
);
--> statement-breakpoint
CREATE TABLE "match_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"parent_run_id" uuid,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"fingerprint" varchar(64) NOT NULL,
	"tiers" jsonb NOT NULL,
	"executives_count" integer NOT NULL,
	"events_count" integer NOT NULL,
	"coverage_before" integer NOT NULL,
	"coverage_after" integer NOT NULL,
	"solve_ms" integer NOT NULL,
	"published_at" timestamp with time zone,
	"published_by_id" uuid,
	CONSTRAINT "match_runs_period_order" CHECK ("match_runs"."period_end" > "match_runs"."period_start"),
	CONSTRAINT "match_runs_published_by" CHECK (("match_runs"."published_at" is null) = ("match_runs"."published_by_id" is null))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" varchar(40) NOT NULL,
	"event_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "respond_by" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "responded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "decline_reason" varchar(500);--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "expired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "waitlisted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "promoted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "match_run_events" ADD CONSTRAINT "match_run_events_run_id_match_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."match_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_run_events" ADD CONSTRAINT "match_run_events_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_run_proposals" ADD CONSTRAINT "match_run_proposals_run_id_match_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."match_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_run_proposals" ADD CONSTRAINT "match_run_proposals_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_run_proposals" ADD CONSTRAINT "match_run_proposals_executive_id_users_id_fk" FOREIGN KEY ("executive_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_run_proposals" ADD CONSTRAINT "match_run_proposals_removed_by_id_users_id_fk" FOREIGN KEY ("removed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_run_unplaced" ADD CONSTRAINT "match_run_unplaced_run_id_match_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."match_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_run_unplaced" ADD CONSTRAINT "match_run_unplaced_executive_id_users_id_fk" FOREIGN KEY ("executive_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_runs" ADD CONSTRAINT "match_runs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_runs" ADD CONSTRAINT "match_runs_parent_run_id_match_runs_id_fk" FOREIGN KEY ("parent_run_id") REFERENCES "public"."match_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_runs" ADD CONSTRAINT "match_runs_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_run_events_event_idx" ON "match_run_events" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "match_run_proposals_run_event_executive_key" ON "match_run_proposals" USING btree ("run_id","event_id","executive_id");--> statement-breakpoint
CREATE INDEX "match_run_proposals_run_executive_idx" ON "match_run_proposals" USING btree ("run_id","executive_id");--> statement-breakpoint
CREATE INDEX "match_runs_created_idx" ON "match_runs" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "participations_waitlist_idx" ON "participations" USING btree ("event_id","waitlisted_at","id") WHERE "participations"."status" = 'waitlisted';--> statement-breakpoint
CREATE INDEX "participations_open_invitations_idx" ON "participations" USING btree ("respond_by") WHERE "participations"."status" = 'invited';--> statement-breakpoint
-- Open invitations get the default deadline (5 days, and never later than a day before the start); the
-- waitlist's order is when people joined it.
UPDATE participations p SET respond_by = least(p.created_at + interval '5 days', e.start_at - interval '24 hours')
  FROM events e WHERE e.id = p.event_id AND p.status = 'invited';--> statement-breakpoint
UPDATE participations SET waitlisted_at = created_at WHERE status = 'waitlisted';--> statement-breakpoint
-- An invitation now holds its seat and its time. Invitations that could not (an overlapping seat of the same
-- executive, or more holders than seats, latest invitations first) lapse now instead of breaking the rules.
UPDATE participations i SET status = 'declined', expired_at = now()
  WHERE i.status = 'invited' AND EXISTS (
    SELECT 1 FROM participations c WHERE c.executive_id = i.executive_id AND c.id <> i.id
      AND c.status IN ('confirmed', 'attended', 'invited') AND c.during && i.during
      AND (c.status <> 'invited' OR c.created_at < i.created_at OR (c.created_at = i.created_at AND c.id < i.id)));--> statement-breakpoint
UPDATE participations p SET status = 'declined', expired_at = now()
  FROM (
    SELECT i.id, e.seats - e.seats_taken - row_number() OVER (PARTITION BY i.event_id ORDER BY i.created_at, i.id) AS left_after
      FROM participations i JOIN events e ON e.id = i.event_id WHERE i.status = 'invited'
  ) ranked
  WHERE p.id = ranked.id AND ranked.left_after < 0;--> statement-breakpoint
CREATE OR REPLACE FUNCTION participations_count_seats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF OLD.status IN ('invited', 'confirmed', 'attended') THEN
      UPDATE events SET seats_taken = seats_taken - 1 WHERE id = OLD.event_id;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF NEW.status IN ('invited', 'confirmed', 'attended') THEN
      UPDATE events SET seats_taken = seats_taken + 1 WHERE id = NEW.event_id;
    END IF;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
UPDATE events e SET seats_taken = (
  SELECT count(*) FROM participations p WHERE p.event_id = e.id AND p.status IN ('invited', 'confirmed', 'attended'));--> statement-breakpoint
ALTER TABLE participations DROP CONSTRAINT participations_no_overlap;--> statement-breakpoint
ALTER TABLE participations ADD CONSTRAINT participations_no_overlap
  EXCLUDE USING gist (executive_id WITH =, during WITH &&) WHERE (status IN ('invited', 'confirmed', 'attended'));--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_invited_has_deadline" CHECK ("participations"."status" <> 'invited' or "participations"."respond_by" is not null);--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_waitlisted_has_time" CHECK ("participations"."status" <> 'waitlisted' or "participations"."waitlisted_at" is not null);