import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { events, mails, notifications, users } from "@/db/schema";
import type { NotificationKind, UserRole } from "@/db/enums";
import { recordAudit } from "@/lib/audit/mutations";
import { calendarSafari } from "@/lib/calendar/data";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { calendarMethods, mailKindsByRole, renderMail } from "./messages";
import type { MailTransport } from "./transport";

/*
 * Delivering the notices' mails. Notices are written with mail_status 'pending' in the transaction of the
 * change they report; the every-minute job (lib/jobs/schedules.ts) hands each pending one to
 * deliverNotice, which
 * - locks the notice and goes on only while it is still pending, so two runs never send one mail twice;
 * - skips it when its reader turned that kind off, or when its safari has been cancelled since (only the
 *   cancellation itself is still sent);
 * - sends it, and records the mail (table mails, one per notice) and 'sent' in the same transaction;
 * - or, when the send fails, counts the attempt and keeps the error: the notice stays pending and a later
 *   run tries again (after a growing pause), until the last attempt marks it 'failed' for an admin to see
 *   and send again. A failed send is never lost.
 */

/** Attempts before a notice's mail is given up as 'failed'. */
export const maxMailAttempts = 5;

/** Minutes after the notice was written before each further attempt (after 1, 2, 3, 4 failed ones). */
const retryAfterMinutes = [1, 5, 15, 60] as const;

export type DeliveryOutcome = "sent" | "skipped" | "retrying" | "failed" | "not_pending";

/** Delivers one notice's mail as of `now` through `transport`; see above. */
export async function deliverNotice(notificationId: string, now: Date, transport: MailTransport): Promise<DeliveryOutcome> {
  const db = await getDb();
  // Read before the transaction (lib/calendar/data.ts reads outside it); the status is checked again
  // under the locks, and a later change of time is a notice of its own with a higher SEQUENCE.
  const [peek] = await db.select({ kind: notifications.kind, eventId: notifications.eventId }).from(notifications).where(eq(notifications.id, notificationId));
  if (!peek) return "not_pending";
  const safari = peek.eventId && calendarMethods[peek.kind] ? await calendarSafari(peek.eventId) : undefined;

  // Not the retrying transaction helper: this one sends a mail, which must not happen twice.
  return db.transaction(async (tx) => {
    const [notice] = await tx
      .select({
        id: notifications.id,
        kind: notifications.kind,
        eventId: notifications.eventId,
        details: notifications.details,
        status: notifications.mailStatus,
        attempts: notifications.mailAttempts,
        userId: users.id,
        name: users.name,
        email: users.email,
        timeZone: users.timeZone,
        optOuts: users.mailOptOuts,
      })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(eq(notifications.id, notificationId))
      .for("update", { of: notifications });
    if (!notice || notice.status !== "pending") return "not_pending";

    // A cancellation committing meanwhile waits for this lock, so the status read here holds until the end.
    const [event] = notice.eventId
      ? await tx.select({ status: events.status }).from(events).where(eq(events.id, notice.eventId)).for("share")
      : [];
    const cancelledSince = notice.kind !== "cancellation" && event?.status === "cancelled";
    if (notice.optOuts.includes(notice.kind) || cancelledSince || !notice.eventId) {
      await tx.update(notifications).set({ mailStatus: "skipped" }).where(eq(notifications.id, notice.id));
      return "skipped";
    }

    const attempts = notice.attempts + 1;
    try {
      const mail = renderMail({
        kind: notice.kind,
        details: notice.details,
        eventId: notice.eventId,
        recipient: { name: notice.name, email: notice.email, timeZone: notice.timeZone },
        safari,
        appUrl: getEnv().APP_URL,
        stamp: now,
      });
      const { messageId } = await transport.send(mail);
      await tx
        .insert(mails)
        .values({
          notificationId: notice.id,
          userId: notice.userId,
          toAddress: notice.email,
          subject: mail.subject,
          textBody: mail.text,
          calendar: mail.calendar?.content ?? null,
          calendarMethod: mail.calendar?.method ?? null,
          transport: transport.kind,
          messageId: messageId.slice(0, 300),
        })
        .onConflictDoNothing({ target: mails.notificationId });
      await tx
        .update(notifications)
        .set({ mailStatus: "sent", mailAttempts: attempts, mailError: null, mailedAt: now })
        .where(eq(notifications.id, notice.id));
      return "sent";
    } catch (error) {
      const failed = attempts >= maxMailAttempts;
      await tx
        .update(notifications)
        .set({ mailStatus: failed ? "failed" : "pending", mailAttempts: attempts, mailError: describe(error).slice(0, 500) })
        .where(eq(notifications.id, notice.id));
      return failed ? "failed" : "retrying";
    }
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/**
 * One run of the delivery job: every pending notice due for an attempt as of `now`, oldest first, at most
 * `limit`. A first attempt is always due; a further one once its pause after the notice was written is over.
 */
export async function deliverPendingMail(now: Date, transport: MailTransport, limit = 200): Promise<Record<DeliveryOutcome, number>> {
  const db = await getDb();
  // Constants of this module, written into the statement as they are.
  const pauses = sql.raw(retryAfterMinutes.map((minutes, index) => `when ${index + 1} then ${minutes}`).join(" ") + ` else ${retryAfterMinutes.at(-1)}`);
  const due = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.mailStatus, "pending"),
        sql`(${notifications.mailAttempts} = 0 or ${notifications.createdAt} + (case ${notifications.mailAttempts} ${pauses} end) * interval '1 minute' <= ${now.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .limit(limit);
  const figures: Record<DeliveryOutcome, number> = { sent: 0, skipped: 0, retrying: 0, failed: 0, not_pending: 0 };
  for (const { id } of due) figures[await deliverNotice(id, now, transport)] += 1;
  return figures;
}

/** An admin's "send again" for a notice whose mail failed: pending once more, with its attempts counted afresh. */
export async function resendNotice(actorId: string, notificationId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [notice] = await tx
      .update(notifications)
      .set({ mailStatus: "pending", mailAttempts: 0, mailError: null })
      .where(and(eq(notifications.id, notificationId), eq(notifications.mailStatus, "failed")))
      .returning({ userId: notifications.userId, kind: notifications.kind });
    if (!notice) throw new AppError("INVALID_STATE", "Only a mail that failed can be sent again.");
    await recordAudit(tx, { actorId, action: "mail.resend", objectType: "user", objectId: notice.userId, details: { notificationId, kind: notice.kind } });
  });
}

/**
 * Which mails user `userId` gets: `wanted` of the kinds their role can get; the others of those are
 * turned off. Kinds outside their role stay as they were.
 */
export async function setMailPreferences(userId: string, role: UserRole, wanted: readonly NotificationKind[]): Promise<void> {
  const offered = mailKindsByRole[role];
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ optOuts: users.mailOptOuts }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw new AppError("NOT_FOUND");
    const kept = user.optOuts.filter((kind) => !offered.includes(kind as NotificationKind));
    const off = offered.filter((kind) => !wanted.includes(kind));
    await tx.update(users).set({ mailOptOuts: [...kept, ...off] }).where(eq(users.id, userId));
  });
}
