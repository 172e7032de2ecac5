import Link from "next/link";
import { requirePage } from "@/lib/auth/loaders";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { InboxList } from "@/lib/notifications/components/inbox-list";
import { listNotifications, unreadCount } from "@/lib/notifications/data";
import { ActionButton, ActionForm } from "@/lib/ui/action-form";
import { PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Inbox" };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("/inbox");
  const before = (await searchParams).before;
  // A cursor that is not a notice id starts at the newest.
  const cursor = typeof before === "string" && uuid.test(before) ? before : null;
  const [page, unread] = await Promise.all([listNotifications(user.id, cursor), unreadCount(user.id)]);
  const last = page.rows.at(-1);
  return (
    <>
      <PageHeader
        title="Inbox"
        description={unread === 0 ? "Everything read." : unread === 1 ? "1 unread notification." : `${unread} unread notifications.`}
        actions={
          unread > 0 ? (
            <ActionForm action={markNotificationsReadAction} fields={{ notificationId: "all" }}>
              <ActionButton variant="secondary">Mark all read</ActionButton>
            </ActionForm>
          ) : null
        }
      />
      <InboxList notices={page.rows} viewerTimeZone={user.timeZone} linkToSafari={user.role === "executive"} />
      <nav aria-label="Inbox pages" className="mt-6 flex gap-4">
        {cursor ? (
          <Link href="/inbox" className="link">
            Newest
          </Link>
        ) : null}
        {page.hasMore && last ? (
          <Link href={`/inbox?before=${last.id}`} className="link">
            Older
          </Link>
        ) : null}
      </nav>
    </>
  );
}
