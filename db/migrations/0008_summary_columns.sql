DROP INDEX "participations_attended_event_idx";--> statement-breakpoint
DROP INDEX "reflection_emotions_reflection_idx";--> statement-breakpoint
DROP INDEX "commitments_reflection_idx";--> statement-breakpoint
DROP INDEX "reflections_event_idx";--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "summary_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "summary_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reflection_emotions" ADD COLUMN "author_id" uuid;--> statement-breakpoint
ALTER TABLE "reflection_emotions" ADD COLUMN "summary_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reflections" ADD COLUMN "summary_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "commitments_summary_idx" ON "commitments" USING btree ("summary_at","owner_id","status","due_on") WHERE "commitments"."summary_at" is not null;--> statement-breakpoint
CREATE INDEX "participations_summary_idx" ON "participations" USING btree ("summary_at","executive_id","during") WHERE "participations"."summary_at" is not null;--> statement-breakpoint
CREATE INDEX "reflection_emotions_summary_idx" ON "reflection_emotions" USING btree ("summary_at","emotion","author_id","intensity") WHERE "reflection_emotions"."summary_at" is not null;--> statement-breakpoint
CREATE INDEX "reflections_summary_idx" ON "reflections" USING btree ("summary_at","author_id") WHERE "reflections"."summary_at" is not null;--> statement-breakpoint
CREATE INDEX "commitments_reflection_idx" ON "commitments" USING btree ("reflection_id");--> statement-breakpoint
CREATE INDEX "reflections_event_idx" ON "reflections" USING btree ("event_id");