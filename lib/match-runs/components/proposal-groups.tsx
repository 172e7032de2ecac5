import { formatRangeInZone } from "@/lib/time/zones";
import { ActionButton, ActionForm } from "@/lib/ui/action-form";
import { Badge, EmptyState } from "@/lib/ui/page";
import { removeProposalAction } from "../actions";
import type { RunEventGroup } from "../data";

/** Per safari of the page: the executives proposed and why, and what publishing made of each. */
export function ProposalGroups({ runId, groups, editable }: { runId: string; groups: RunEventGroup[]; editable: boolean }) {
  if (groups.length === 0) return <EmptyState>This run has no safaris.</EmptyState>;
  return (
    <ol className="flex flex-col gap-4">
      {groups.map((event) => {
        const active = event.proposals.filter((p) => p.removedAt === null);
        const removed = event.proposals.length - active.length;
        return (
          <li key={event.id} className="rounded-lg border border-stone-200 p-4">
            <h3 className="font-semibold">{event.title}</h3>
            <p className="text-sm text-stone-600">
              {event.typeName}, {formatRangeInZone(event.startAt, event.endAt, event.timeZone)}; {event.seatsTaken} of {event.seats} seats taken now
              {event.status === "published" ? "" : ` (${event.status})`}
            </p>
            {active.length === 0 ? (
              <p className="mt-2 text-stone-600">Nobody proposed.</p>
            ) : (
              <table className="table mt-2">
                <caption className="sr-only">{`Executives proposed for ${event.title}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">Executive</th>
                    <th scope="col">Why</th>
                    <th scope="col">{editable ? "Change" : "Outcome"}</th>
                  </tr>
                </thead>
                <tbody>
                  {active.map((p) => (
                    <tr key={p.id}>
                      <th scope="row" className="font-medium">
                        {p.name}
                        {p.department ? <span className="block text-sm font-normal text-stone-600">{p.department}</span> : null}
                      </th>
                      <td>
                        {p.origin === "manual" ? <Badge tone="blue">By hand</Badge> : null} {p.reason}
                      </td>
                      <td>
                        {editable ? (
                          <ActionForm action={removeProposalAction} fields={{ runId, proposalId: p.id }}>
                            <ActionButton variant="danger" label={`Remove ${p.name} from ${event.title}`}>
                              Remove
                            </ActionButton>
                          </ActionForm>
                        ) : p.outcome === "invited" ? (
                          <Badge tone="green">Invited</Badge>
                        ) : p.outcome === "stale" ? (
                          <>
                            <Badge tone="red">Stale</Badge> <span className="text-sm">{p.outcomeNote}</span>
                          </>
                        ) : (
                          "—"
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {removed > 0 ? <p className="mt-2 text-sm text-stone-600">{removed === 1 ? "1 proposal removed" : `${removed} proposals removed`}: a re-run keeps them out.</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
