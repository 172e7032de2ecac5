import { requirePage } from "@/lib/auth/loaders";
import { listFailedNotices, listMails } from "@/lib/mail/data";
import { outboxHref, parseOutboxList } from "@/lib/mail/schema";
import { FailedNotices } from "@/lib/mail/components/failed-notices";
import { OutboxFilter } from "@/lib/mail/components/outbox-filter";
import { OutboxTable } from "@/lib/mail/components/outbox-table";
import { cursorOf, pageSizeOf, rawValues } from "@/lib/paging/params";
import { Card, EmptyState, PageHeader } from "@/lib/ui/page";
import { MatchCount, MissingPageNotice, Pager, UnreadableViewNotice } from "@/lib/ui/pager";

export const metadata = { title: "Mail" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function OutboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requirePage("/admin/mail");
  const params = await searchParams;
  const parsed = parseOutboxList(params);
  const header = (
    <PageHeader
      title="Mail"
      description="Every mail the app sent, newest first: through the SMTP server when one is configured, otherwise kept here only. Times are in your zone."
    />
  );
  if (!parsed.success) {
    return (
      <>
        {header}
        <UnreadableViewNotice fieldErrors={parsed.fieldErrors} />
        <OutboxFilter values={rawValues(params)} errors={parsed.fieldErrors} />
      </>
    );
  }

  const list = parsed.data;
  const query = { to: list.to, via: list.via };
  const requested = await listMails(query, cursorOf(list), pageSizeOf(list));
  const page = requested ?? (await listMails(query, null, pageSizeOf(list)))!;
  const failed = await listFailedNotices(list.to);

  return (
    <>
      {header}
      {requested ? null : <MissingPageNotice />}
      <OutboxFilter values={{ to: list.to, via: list.via, size: list.size }} />
      {failed.count > 0 ? (
        <Card title="Failed">
          <p role="status" className="mb-3 text-sm text-stone-600">
            {failed.count === 1 ? "1 mail" : `${failed.count} mails`} could not be sent after every retry
            {failed.count > failed.rows.length ? `; the newest ${failed.rows.length} are shown` : ""}.
          </p>
          <FailedNotices notices={failed.rows} zone={admin.timeZone} />
        </Card>
      ) : null}
      <Card title="Sent">
        <MatchCount count={page.count} one="mail" many="mails" />
        {page.rows.length > 0 ? <OutboxTable mails={page.rows} zone={admin.timeZone} /> : <EmptyState>No mail matches.</EmptyState>}
        <Pager label="Pages of mails" previous={page.previous} next={page.next} href={(position) => outboxHref(list, position)} />
      </Card>
    </>
  );
}
