CREATE TABLE "event_types" (
	"key" varchar(40) PRIMARY KEY NOT NULL,
	"name" varchar(60) NOT NULL,
	"default_duration_minutes" smallint NOT NULL,
	"default_seats" smallint NOT NULL,
	"max_seats" smallint,
	"late_withdrawal_hours" smallint DEFAULT 24 NOT NULL,
	"guidance" varchar(2000) DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_types_key_format" CHECK ("event_types"."key" ~ '^[a-z0-9_]{2,40}$'),
	CONSTRAINT "event_types_duration_range" CHECK ("event_types"."default_duration_minutes" between 15 and 1440),
	CONSTRAINT "event_types_seats_range" CHECK ("event_types"."default_seats" between 1 and 500 and ("event_types"."max_seats" is null or "event_types"."max_seats" between "event_types"."default_seats" and 500)),
	CONSTRAINT "event_types_late_window_range" CHECK ("event_types"."late_withdrawal_hours" between 0 and 336)
);
--> statement-breakpoint
-- The built-in types, with the defaults a new event of each starts from.
INSERT INTO "event_types" ("key", "name", "default_duration_minutes", "default_seats", "max_seats", "late_withdrawal_hours", "guidance") VALUES
  ('call_listening', 'Call listening', 60, 2, NULL, 24, 'Listen in silence on real calls; note the moments that hurt and the ones that helped. Questions go to the agent after the call, never to the customer.'),
  ('customer_breakfast', 'Customer breakfast', 120, 4, NULL, 24, 'Let the customers talk: ask open questions, do not defend or sell. Write down their words, not your answers.'),
  ('service_desk_day', 'Service-desk day', 480, 1, NULL, 24, 'Spend the day beside a colleague at the desk. Observe, don''t interrupt; ask at the end. Try one task yourself if they offer.'),
  ('customer_event', 'Customer event', 180, 6, NULL, 24, 'Mix with customers rather than colleagues. Listen for what surprised them, good and bad.'),
  ('home_visit', 'Home visit', 120, 1, 2, 24, 'You are a guest: observe, don''t interrupt; ask at the end. No recording unless the host agreed to it.'),
  ('store_visit', 'Store / field visit', 180, 2, NULL, 24, 'Watch customers where they buy and use the product. Talk to staff about what they hear every day.'),
  ('other', 'Other', 120, 2, NULL, 24, '');
--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "type" SET DATA TYPE varchar(40) USING "type"::text;--> statement-breakpoint
ALTER TABLE "executive_profiles" ALTER COLUMN "preferred_types" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "executive_profiles" ALTER COLUMN "preferred_types" SET DATA TYPE varchar(40)[] USING "preferred_types"::text[];--> statement-breakpoint
ALTER TABLE "executive_profiles" ALTER COLUMN "preferred_types" SET DEFAULT '{}'::varchar[];--> statement-breakpoint
CREATE UNIQUE INDEX "event_types_name_key" ON "event_types" USING btree (lower("name"));--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_type_event_types_key_fk" FOREIGN KEY ("type") REFERENCES "public"."event_types"("key") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
DROP TYPE "public"."event_type";--> statement-breakpoint

-- A type's seat limit holds for its events whoever writes them (a home visit takes at most two executives).
CREATE FUNCTION events_within_type_seats() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  limit_seats smallint;
  type_name varchar;
BEGIN
  SELECT t.max_seats, t.name INTO limit_seats, type_name FROM event_types t WHERE t.key = NEW.type;
  IF limit_seats IS NOT NULL AND NEW.seats > limit_seats THEN
    RAISE EXCEPTION 'A % takes at most % seats; this event has %.', type_name, limit_seats, NEW.seats
      USING ERRCODE = 'check_violation', CONSTRAINT = 'events_within_type_seats';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER events_within_type_seats
  BEFORE INSERT OR UPDATE OF seats, type ON events
  FOR EACH ROW EXECUTE FUNCTION events_within_type_seats();
