import Link from "next/link";
import type { participationSources } from "@/db/schema";
import { markAttendanceAction } from "@/lib/participation/actions";
import { ParticipationStatusBadge } from "@/lib/participation/components/participation-status-badge";
import { ActionButton, ActionForm } from "@/lib/ui/action-form";
import { EmptyState } from "@/lib/ui/page";
import { formatInZone } from "@/lib/time/zones";
import type { Participant } from "../data";

const sourceLabels: Record<(typeof participationSources)[number], string> = { signed_up: "Signed up", matched: "Matched", assigned: "Assigned" };

const short = "EEE d MMM, HH:mm zzz";

/** What the status alone does not say: a deadline, a reason, how the seat came or went. */
function StatusNote({ participant: p, viewerTimeZone }: { participant: Participant; viewerTimeZone: string }) {
  let note: string | null = null;
  let tone = "text-stone-600";
  if (p.withdrawnLate && p.withdrawnAt) {
    note = `Late withdrawal, ${formatInZone(p.withdrawnAt, viewerTimeZone, short)}`;
    tone = "text-rose-700";
  } else if (p.status === "invited" && p.respondBy) note = `Answer by ${formatInZone(p.respondBy, viewerTimeZone, short)}`;
  else if (p.status === "declined" && p.expiredAt) note = `Invitation expired unanswered, ${formatInZone(p.expiredAt, viewerTimeZone, short)}`;
  else if (p.status === "declined" && p.declineReason) note = `Declined: “${p.declineReason}”`;
  else if (p.promotedAt && (p.status === "confirmed" || p.status === "attended")) note = `From the waitlist, ${formatInZone(p.promotedAt, viewerTimeZone, short)}`;
  return note ? <div className={`mt-1 text-xs ${tone}`}>{note}</div> : null;
}

/** The waitlist in its order: the next free seat goes to the first who can take it without a double booking. */
export function WaitlistOrder({ waitlist, viewerTimeZone }: { waitlist: Participant[]; viewerTimeZone: string }) {
  if (waitlist.length === 0) return <EmptyState>Nobody is waiting for a seat.</EmptyState>;
  return (
    <ol className="flex flex-col gap-1" aria-label="Waitlist in order">
      {waitlist.map((p, index) => (
        <li key={p.id}>
          {`${index + 1}. ${p.name}`} <span className="text-sm text-stone-600">(since {formatInZone(p.waitlistedAt!, viewerTimeZone, short)})</span>
        </li>
      ))}
    </ol>
  );
}

/** Who is on the event; with check-in open, confirmed executives can be marked attended or no-show. */
export function ParticipantsTable({
  eventId,
  participants,
  checkInOpen,
  viewerTimeZone,
}: {
  eventId: string;
  participants: Participant[];
  checkInOpen: boolean;
  viewerTimeZone: string;
}) {
  if (participants.length === 0) return <EmptyState>No executives on this event yet.</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">Executives on this event</caption>
        <thead>
          <tr className="whitespace-nowrap">
            <th scope="col">Name</th>
            <th scope="col">Department</th>
            <th scope="col">Status</th>
            <th scope="col">How they came</th>
            <th scope="col">Attendance and reflection</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => (
            <tr key={p.id}>
              <th scope="row" className="whitespace-nowrap border-stone-100 align-top font-medium text-stone-900">
                {p.name}
              </th>
              <td className="whitespace-nowrap">{p.department ?? "—"}</td>
              <td>
                <ParticipationStatusBadge status={p.status} />
                <StatusNote participant={p} viewerTimeZone={viewerTimeZone} />
              </td>
              <td className="whitespace-nowrap">{sourceLabels[p.source]}</td>
              <td className="min-w-56">
                {checkInOpen && (p.status === "confirmed" || p.status === "attended" || p.status === "no_show") ? (
                  // Stays mounted after marking, so the confirmation stays visible in the row.
                  <ActionForm action={markAttendanceAction} fields={{ eventId, participationId: p.id }}>
                    {p.status === "confirmed" ? (
                      <>
                        <ActionButton name="outcome" value="attended" label={`Mark ${p.name} attended`} variant="secondary">
                          Mark attended
                        </ActionButton>
                        <ActionButton name="outcome" value="no_show" label={`Mark ${p.name} no-show`} variant="secondary">
                          Mark no-show
                        </ActionButton>
                      </>
                    ) : null}
                  </ActionForm>
                ) : null}
                {p.status === "attended" ? (
                  p.reflectionId ? (
                    <Link href={`/reflections/${p.reflectionId}`} className="link" aria-label={`Read reflection by ${p.name}`}>
                      Read reflection
                    </Link>
                  ) : (
                    <span className="text-stone-500">No reflection shared yet</span>
                  )
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
