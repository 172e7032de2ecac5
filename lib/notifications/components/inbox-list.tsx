import Link from "next/link";
import { ActionButton, ActionForm } from "@/lib/ui/action-form";
import { mailLink } from "@/lib/mail/messages";
import { Badge, EmptyState } from "@/lib/ui/page";
import { formatInZone } from "@/lib/time/zones";
import { markNotificationsReadAction } from "../actions";
import type { InboxNotice } from "../data";
import { notificationLabels, notificationText } from "../messages";

/** The notices whose link leads to a reflection (the mail's link) rather than the safari. */
const reflectionLinks: Partial<Record<InboxNotice["kind"], string>> = {
  reflection_prompt: "Write your reflection",
  commitment_followup: "Update your commitment",
};

/** One user's notices, unread ones marked and each with a "mark read" button. */
export function InboxList({ notices, viewerTimeZone, linkToSafari }: { notices: InboxNotice[]; viewerTimeZone: string; linkToSafari: boolean }) {
  if (notices.length === 0) return <EmptyState>Nothing here yet. Invitations, promotions and changes to your safaris appear here.</EmptyState>;
  return (
    <ul className="flex flex-col gap-3" aria-label="Notifications">
      {notices.map((notice) => {
        const unread = notice.readAt === null;
        return (
          <li key={notice.id} className={`card flex flex-col gap-2 ${unread ? "border-l-4 border-l-brand-600" : ""}`}>
            <div className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
              <Badge tone={unread ? "blue" : "neutral"}>{notificationLabels[notice.kind]}</Badge>
              {unread ? <span className="font-medium text-brand-800">Unread</span> : null}
              <span>{formatInZone(notice.createdAt, viewerTimeZone, "EEE d MMM, HH:mm zzz")}</span>
            </div>
            <p>{notificationText(notice.kind, notice.details)}</p>
            <div className="flex flex-wrap items-center gap-3">
              {linkToSafari && notice.eventId ? (
                reflectionLinks[notice.kind] ? (
                  <Link href={mailLink(notice.kind, notice.eventId, "", notice.details)} className="link">
                    {reflectionLinks[notice.kind]}
                  </Link>
                ) : (
                  <Link href={`/safaris/${notice.eventId}`} className="link">
                    Open the safari
                  </Link>
                )
              ) : null}
              {unread ? (
                <ActionForm action={markNotificationsReadAction} fields={{ notificationId: notice.id }}>
                  <ActionButton variant="secondary" label={`Mark read: ${notificationText(notice.kind, notice.details)}`}>
                    Mark read
                  </ActionButton>
                </ActionForm>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
