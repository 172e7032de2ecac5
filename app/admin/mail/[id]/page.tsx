import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { getMail } from "@/lib/mail/data";
import { idOrNotFound } from "@/lib/route-params";
import { formatInZone } from "@/lib/time/zones";
import { Detail, DetailList } from "@/lib/ui/detail-list";
import { Card, PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Mail" };

export default async function MailPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePage("/admin/mail/[id]");
  const mail = (await getMail(idOrNotFound((await params).id))) ?? notFound();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={mail.subject} description={<Link href="/admin/mail" className="link">Back to all mail</Link>} />
      <Card title="Headers">
        <DetailList>
          <Detail label="To">{mail.toAddress}</Detail>
          <Detail label="Subject">{mail.subject}</Detail>
          <Detail label="Sent">{formatInZone(mail.createdAt, admin.timeZone)}</Detail>
          <Detail label="How">{mail.transport === "smtp" ? "Through the SMTP server" : "Kept in the outbox only (no SMTP server configured)"}</Detail>
          <Detail label="Message-ID">{mail.messageId ?? "—"}</Detail>
          <Detail label="Calendar">{mail.calendarMethod ? `METHOD:${mail.calendarMethod}` : "None"}</Detail>
        </DetailList>
      </Card>
      <Card title="Text">
        <pre className="text-sm whitespace-pre-wrap" aria-label="Text of the mail">{mail.textBody}</pre>
      </Card>
      {mail.calendar ? (
        <Card title="Calendar (text/calendar)">
          <pre className="overflow-x-auto text-xs" aria-label="Calendar of the mail">{mail.calendar}</pre>
        </Card>
      ) : null}
    </div>
  );
}
