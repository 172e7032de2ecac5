CREATE TABLE "executive_blackouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"time_zone" varchar(64) NOT NULL,
	CONSTRAINT "executive_blackouts_end_after_start" CHECK ("executive_blackouts"."end_at" > "executive_blackouts"."start_at")
);
--> statement-breakpoint
ALTER TABLE "executive_profiles" ADD COLUMN "monthly_cap" smallint DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "executive_profiles" ADD COLUMN "preferred_types" "event_type"[] DEFAULT '{}'::event_type[] NOT NULL;--> statement-breakpoint
ALTER TABLE "executive_blackouts" ADD CONSTRAINT "executive_blackouts_user_id_executive_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."executive_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "executive_blackouts_user_start_idx" ON "executive_blackouts" USING btree ("user_id","start_at");--> statement-breakpoint
ALTER TABLE "executive_profiles" ADD CONSTRAINT "executive_profiles_monthly_cap_range" CHECK ("executive_profiles"."monthly_cap" between 0 and 31);