ALTER TYPE "public"."commitment_status" ADD VALUE 'in_progress' BEFORE 'done';--> statement-breakpoint
CREATE TABLE "commitment_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"author_id" uuid,
	"status_from" "commitment_status" NOT NULL,
	"status_to" "commitment_status" NOT NULL,
	"note" varchar(2000) DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "helpers" varchar(300) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "loop_closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "loop_closed_note" varchar(2000);--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "customer_told" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "frontline_told" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "commitment_updates" ADD CONSTRAINT "commitment_updates_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_updates" ADD CONSTRAINT "commitment_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_updates_commitment_idx" ON "commitment_updates" USING btree ("commitment_id","created_at");--> statement-breakpoint
CREATE INDEX "commitments_due_idx" ON "commitments" USING btree ("due_on","id") WHERE "commitments"."status" not in ('done', 'dropped');--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_loop_closed_when_done" CHECK ("commitments"."loop_closed_at" is null or ("commitments"."status" = 'done' and "commitments"."loop_closed_note" is not null));