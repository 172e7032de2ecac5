CREATE TYPE "public"."journey_stage" AS ENUM('discover', 'buy', 'onboard', 'use', 'pay', 'get_help', 'change', 'leave');--> statement-breakpoint
CREATE TYPE "public"."moment_kind" AS ENUM('ouch', 'aah');--> statement-breakpoint
CREATE TABLE "commitment_moments" (
	"commitment_id" uuid NOT NULL,
	"moment_id" uuid NOT NULL,
	CONSTRAINT "commitment_moments_commitment_id_moment_id_pk" PRIMARY KEY("commitment_id","moment_id")
);
--> statement-breakpoint
CREATE TABLE "reflection_drafts" (
	"participation_id" uuid PRIMARY KEY NOT NULL,
	"author_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflection_drafts_size" CHECK (octet_length("reflection_drafts"."content"::text) <= 65536)
);
--> statement-breakpoint
CREATE TABLE "reflection_moments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reflection_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"kind" "moment_kind" NOT NULL,
	"body" varchar(500) NOT NULL,
	"quote" varchar(500) DEFAULT '' NOT NULL,
	"journey_stage" "journey_stage",
	"emotion" varchar(40) NOT NULL,
	"intensity" smallint NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, body || ' ' || quote) || to_tsvector('english'::regconfig, body || ' ' || quote) || to_tsvector('german'::regconfig, body || ' ' || quote) || to_tsvector('greek'::regconfig, body || ' ' || quote)) STORED,
	"author_id" uuid,
	"event_id" uuid,
	"visibility" "reflection_visibility",
	"occurred_at" timestamp with time zone,
	"summary_at" timestamp with time zone,
	CONSTRAINT "reflection_moments_intensity_range" CHECK ("reflection_moments"."intensity" between 1 and 5),
	CONSTRAINT "reflection_moments_emotion_known" CHECK (emotion in ('frustrated', 'worried', 'embarrassed', 'angry', 'surprised', 'curious', 'moved', 'hopeful', 'inspired', 'proud'))
);
--> statement-breakpoint
ALTER TABLE "reflections" ADD COLUMN "map_said" varchar(1000) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "reflections" ADD COLUMN "map_did" varchar(1000) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "reflections" ADD COLUMN "map_thought" varchar(1000) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "reflections" ADD COLUMN "map_felt" varchar(1000) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "reflections" ADD COLUMN "surprise_score" smallint;--> statement-breakpoint
ALTER TABLE "reflections" ADD COLUMN "empathy_items_before" smallint[];--> statement-breakpoint
ALTER TABLE "reflections" ADD COLUMN "empathy_items_after" smallint[];--> statement-breakpoint
ALTER TABLE "reflections" ADD COLUMN "empathy_shift" numeric(4, 2) GENERATED ALWAYS AS (case when empathy_items_before is not null and empathy_items_after is not null then ((empathy_items_after[1] + empathy_items_after[2] + empathy_items_after[3]) - (empathy_items_before[1] + empathy_items_before[2] + empathy_items_before[3]))::numeric / 3 end) STORED;--> statement-breakpoint
ALTER TABLE "reflections" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "commitment_moments" ADD CONSTRAINT "commitment_moments_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_moments" ADD CONSTRAINT "commitment_moments_moment_id_reflection_moments_id_fk" FOREIGN KEY ("moment_id") REFERENCES "public"."reflection_moments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_drafts" ADD CONSTRAINT "reflection_drafts_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_drafts" ADD CONSTRAINT "reflection_drafts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_moments" ADD CONSTRAINT "reflection_moments_reflection_id_reflections_id_fk" FOREIGN KEY ("reflection_id") REFERENCES "public"."reflections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_moments_moment_idx" ON "commitment_moments" USING btree ("moment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reflection_moments_reflection_position_key" ON "reflection_moments" USING btree ("reflection_id","position");--> statement-breakpoint
CREATE INDEX "reflection_moments_search_idx" ON "reflection_moments" USING gin ("search");--> statement-breakpoint
CREATE INDEX "reflection_moments_shared_idx" ON "reflection_moments" USING btree ("occurred_at","id") WHERE "reflection_moments"."visibility" = 'cx_team';--> statement-breakpoint
CREATE INDEX "reflection_moments_author_idx" ON "reflection_moments" USING btree ("author_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "reflection_moments_event_idx" ON "reflection_moments" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "reflection_moments_summary_idx" ON "reflection_moments" USING btree ("summary_at","kind","journey_stage","author_id") WHERE "reflection_moments"."summary_at" is not null;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_surprise_score_range" CHECK ("reflections"."surprise_score" is null or "reflections"."surprise_score" between 1 and 5);--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_empathy_items_before_range" CHECK ("reflections"."empathy_items_before" is null or (cardinality("reflections"."empathy_items_before") = 3 and 1 <= all("reflections"."empathy_items_before") and 7 >= all("reflections"."empathy_items_before")));--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_empathy_items_after_range" CHECK ("reflections"."empathy_items_after" is null or (cardinality("reflections"."empathy_items_after") = 3 and 1 <= all("reflections"."empathy_items_after") and 7 >= all("reflections"."empathy_items_after")));--> statement-breakpoint

-- A moment's copies (see 0009 for the pattern): its reflection's author, event and visibility, the event's
-- start, and summary_at while the author lets it count (cx_team or anonymised) and the safari is not cancelled.
-- The app never writes them; every write recomputes them from the reflection and its event.
CREATE FUNCTION reflection_moments_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r.author_id, r.event_id, r.visibility, e.start_at,
         CASE WHEN r.visibility IN ('cx_team', 'anonymised') THEN r.summary_at END
    INTO NEW.author_id, NEW.event_id, NEW.visibility, NEW.occurred_at, NEW.summary_at
    FROM reflections r JOIN events e ON e.id = r.event_id
   WHERE r.id = NEW.reflection_id;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER reflection_moments_copy
  BEFORE INSERT OR UPDATE ON reflection_moments
  FOR EACH ROW EXECUTE FUNCTION reflection_moments_copy();
--> statement-breakpoint

-- A reflection whose copy, visibility or author changes passes it on to its emotions, moments and commitments.
CREATE OR REPLACE FUNCTION reflections_propagate_summary_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reflection_emotions SET author_id = author_id WHERE reflection_id = NEW.id;
  UPDATE reflection_moments SET position = position WHERE reflection_id = NEW.id;
  UPDATE commitments SET summary_at = summary_at WHERE reflection_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- A safari that moves passes its start on to its moments' occurred_at even while cancelled (when the
-- reflections' summary_at, and so the chain above, does not change).
CREATE FUNCTION events_propagate_moment_start() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reflection_moments SET position = position WHERE event_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER events_propagate_moment_start
  AFTER UPDATE OF start_at ON events
  FOR EACH ROW WHEN (OLD.start_at IS DISTINCT FROM NEW.start_at)
  EXECUTE FUNCTION events_propagate_moment_start();
--> statement-breakpoint

-- The moments written as plain lines before: ouch lines then aah lines, each with the reflection's strongest
-- emotion and its intensity; the reflection's one customer quote goes with its first moment. Their journey
-- stage was never asked, so it stays empty.
INSERT INTO reflection_moments (reflection_id, position, kind, body, quote, emotion, intensity)
SELECT lines.reflection_id,
       (row_number() OVER (PARTITION BY lines.reflection_id ORDER BY lines.kind_order, lines.ordinality) - 1)::smallint,
       lines.kind,
       left(lines.body, 500),
       CASE WHEN lines.kind_order = 0 AND lines.ordinality = 1 THEN left(r.customer_quote, 500) ELSE '' END,
       coalesce(strongest.emotion, 'surprised'),
       coalesce(strongest.intensity, 3)
  FROM (
        SELECT r.id AS reflection_id, 0 AS kind_order, 'ouch'::moment_kind AS kind, line.body, line.ordinality
          FROM reflections r, unnest(r.ouch_moments) WITH ORDINALITY AS line(body, ordinality)
        UNION ALL
        SELECT r.id, 1, 'aah'::moment_kind, line.body, line.ordinality
          FROM reflections r, unnest(r.aah_moments) WITH ORDINALITY AS line(body, ordinality)
       ) lines
  JOIN reflections r ON r.id = lines.reflection_id
  LEFT JOIN LATERAL (
        SELECT re.emotion, re.intensity FROM reflection_emotions re
         WHERE re.reflection_id = lines.reflection_id
           AND re.emotion IN ('frustrated', 'worried', 'embarrassed', 'angry', 'surprised', 'curious', 'moved', 'hopeful', 'inspired', 'proud')
         ORDER BY re.intensity DESC, re.emotion LIMIT 1
       ) strongest ON true;
--> statement-breakpoint
UPDATE reflections r SET empathy_items_before = p.empathy_before
  FROM participations p WHERE p.id = r.participation_id AND p.empathy_before IS NOT NULL;
