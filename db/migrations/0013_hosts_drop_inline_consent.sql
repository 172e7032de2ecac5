ALTER TABLE "customer_hosts" DROP COLUMN "display_name";--> statement-breakpoint
ALTER TABLE "customer_hosts" DROP COLUMN "consent_given_at";--> statement-breakpoint
ALTER TABLE "customer_hosts" DROP COLUMN "consent_scope";--> statement-breakpoint
ALTER TABLE "customer_hosts" DROP COLUMN "consent_expires_at";--> statement-breakpoint
ALTER TABLE "customer_hosts" DROP COLUMN "consent_withdrawn_at";