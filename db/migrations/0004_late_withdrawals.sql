ALTER TABLE "participations" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "withdrawn_late" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_late_withdrawal_has_time" CHECK (not "participations"."withdrawn_late" or "participations"."withdrawn_at" is not null);