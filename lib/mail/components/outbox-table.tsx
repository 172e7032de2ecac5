import Link from "next/link";
import { formatInZone } from "@/lib/time/zones";
import type { OutboxMail } from "../data";

/** One page of the outbox: when, to whom, what, how it left, and whether it carries a calendar. */
export function OutboxTable({ mails, zone }: { mails: OutboxMail[]; zone: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">Mails sent, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Sent</th>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">How</th>
            <th scope="col">Calendar</th>
          </tr>
        </thead>
        <tbody>
          {mails.map((mail) => (
            <tr key={mail.id}>
              <td>{formatInZone(mail.createdAt, zone)}</td>
              <td>{mail.toAddress}</td>
              <td>
                <Link href={`/admin/mail/${mail.id}`} className="link">
                  {mail.subject}
                </Link>
              </td>
              <td>{mail.transport === "smtp" ? "SMTP" : "Outbox only"}</td>
              <td>{mail.calendarMethod ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
