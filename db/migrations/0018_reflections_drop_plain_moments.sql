ALTER TABLE "reflections" DROP CONSTRAINT "reflections_has_ouch";--> statement-breakpoint
ALTER TABLE "reflections" DROP CONSTRAINT "reflections_has_aah";--> statement-breakpoint
ALTER TABLE "reflections" DROP CONSTRAINT "reflections_empathy_before_range";--> statement-breakpoint
ALTER TABLE "reflections" DROP CONSTRAINT "reflections_empathy_after_range";--> statement-breakpoint
ALTER TABLE "reflections" DROP COLUMN "ouch_moments";--> statement-breakpoint
ALTER TABLE "reflections" DROP COLUMN "aah_moments";--> statement-breakpoint
ALTER TABLE "reflections" DROP COLUMN "empathy_before";--> statement-breakpoint
ALTER TABLE "reflections" DROP COLUMN "empathy_after";--> statement-breakpoint
ALTER TABLE "reflections" DROP COLUMN "customer_quote";