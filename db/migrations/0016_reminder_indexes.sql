CREATE INDEX "commitments_created_idx" ON "commitments" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "events_end_idx" ON "events" USING btree ("end_at");