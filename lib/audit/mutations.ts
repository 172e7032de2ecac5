import "server-only";
import { getDb, type Transaction } from "@/db";
import { auditLog, type AuditAction } from "@/db/schema";

export type AuditEntry = {
  /** Who did it; null for the system or someone not signed in (a lock-out after failed sign-ins). */
  actorId: string | null;
  action: AuditAction;
  objectType: "event" | "participation" | "user" | "reflection" | "account" | "match_run" | "event_type" | "series" | "customer_host" | "persona" | "commitment";
  objectId: string;
  /** What changed, e.g. { from: …, to: … }; never a password or a secret. */
  details?: Record<string, unknown>;
};

/**
 * Appends a line to the audit trail. Pass the transaction of the change it records, so that the line
 * exists exactly when the change does.
 */
export async function recordAudit(tx: Transaction | null, entry: AuditEntry): Promise<void> {
  const db = tx ?? (await getDb());
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}
