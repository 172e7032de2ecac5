import { notificationLabels } from "@/lib/notifications/messages";
import { ActionButton, ActionForm } from "@/lib/ui/action-form";
import { formatInZone } from "@/lib/time/zones";
import { resendMailAction } from "../actions";
import type { listFailedNotices } from "../data";

type FailedNotice = Awaited<ReturnType<typeof listFailedNotices>>["rows"][number];

/** The notices whose mail gave up after its retries, each with its last error and "Send again". */
export function FailedNotices({ notices, zone }: { notices: FailedNotice[]; zone: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">Mails that failed, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Written</th>
            <th scope="col">To</th>
            <th scope="col">Notice</th>
            <th scope="col">Last error</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {notices.map((notice) => (
            <tr key={notice.id}>
              <td>{formatInZone(notice.createdAt, zone)}</td>
              <td>{notice.email}</td>
              <td>
                {notificationLabels[notice.kind]}: {notice.title}
              </td>
              <td>
                {notice.error ?? "—"} ({notice.attempts} attempts)
              </td>
              <td>
                <ActionForm action={resendMailAction} fields={{ notificationId: notice.id }}>
                  <ActionButton variant="secondary" label={`Send again: ${notificationLabels[notice.kind]} to ${notice.email}`}>
                    Send again
                  </ActionButton>
                </ActionForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
