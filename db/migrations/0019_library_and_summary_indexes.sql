DROP INDEX "reflections_summary_idx";--> statement-breakpoint
CREATE INDEX "commitments_summary_loops_idx" ON "commitments" USING btree ("summary_at","owner_id","customer_told","frontline_told") WHERE "commitments"."summary_at" is not null and "commitments"."loop_closed_at" is not null;--> statement-breakpoint
CREATE INDEX "events_type_idx" ON "events" USING btree ("type");--> statement-breakpoint
CREATE INDEX "reflection_moments_shared_emotion_idx" ON "reflection_moments" USING btree ("emotion","occurred_at","id") WHERE "reflection_moments"."visibility" = 'cx_team';--> statement-breakpoint
CREATE INDEX "reflection_moments_shared_stage_idx" ON "reflection_moments" USING btree ("journey_stage","occurred_at","id") WHERE "reflection_moments"."visibility" = 'cx_team';--> statement-breakpoint
CREATE INDEX "reflections_summary_idx" ON "reflections" USING btree ("summary_at","author_id","visibility","empathy_shift","surprise_score") WHERE "reflections"."summary_at" is not null;