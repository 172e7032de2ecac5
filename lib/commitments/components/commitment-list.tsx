import Link from "next/link";
import { format, parseISO } from "date-fns";
import { momentsOfCommitmentHref } from "@/lib/library/schema";
import { formatInZone } from "@/lib/time/zones";
import { Badge } from "@/lib/ui/page";
import type { CommitmentListItem, CommitmentUpdateView } from "../data";
import { commitmentStatusLabels, isOverdue } from "../schema";
import { CloseLoopForm, UpdateCommitmentForm } from "./commitment-forms";

type Props = {
  rows: CommitmentListItem[];
  history: Map<string, CommitmentUpdateView[]>;
  today: string;
  zone: string;
  /** The owner's own list: their update forms; otherwise the owner's name and department. */
  own: boolean;
};

/** Commitments, each a region named by what was committed, with its state, history and, for its owner, its forms. */
export function CommitmentList({ rows, history, today, zone, own }: Props) {
  return (
    <ul className="flex flex-col divide-y divide-stone-100">
      {rows.map((row) => (
        <li key={row.id}>
          <section aria-labelledby={`commitment-${row.id}`} className="flex flex-col gap-3 py-4">
            <div>
              <h3 id={`commitment-${row.id}`} className="font-medium">
                {row.body}
              </h3>
              <p className="text-sm text-stone-600">
                Due {format(parseISO(row.dueOn), "EEE d MMM yyyy")} · <StatusBadge row={row} today={today} /> ·{" "}
                <Link href={`/reflections/${row.reflectionId}`} className="underline">
                  Reflection on {row.eventTitle}
                </Link>{" "}
                ·{" "}
                <Link href={momentsOfCommitmentHref(row.id)} className="underline" aria-label={`Open its moments: ${row.body}`}>
                  Open its moments
                </Link>
                {own ? null : (
                  <>
                    {" "}
                    · {row.ownerName}
                    {row.department ? `, ${row.department}` : ""}
                  </>
                )}
              </p>
              {row.helpers ? <p className="text-sm text-stone-600">Who else is needed: {row.helpers}</p> : null}
            </div>
            {row.loopClosedAt ? (
              <div className="rounded border border-green-200 bg-green-50 p-3 text-sm">
                <p className="font-medium">Loop closed on {formatInZone(row.loopClosedAt, zone, "d MMM yyyy")}</p>
                <p className="whitespace-pre-line">{row.loopClosedNote}</p>
                <p>
                  Customer told: {row.customerTold ? "yes" : "no"} · Frontline host told: {row.frontlineTold ? "yes" : "no"}
                </p>
              </div>
            ) : null}
            <History updates={history.get(row.id) ?? []} zone={zone} />
            {own && row.status !== "dropped" && !row.loopClosedAt ? (
              <details className="rounded border border-stone-200 p-3">
                <summary className="cursor-pointer text-sm font-medium">Update this commitment</summary>
                <div className="mt-3 flex flex-col gap-4">
                  {row.status === "done" ? <CloseLoopForm commitmentId={row.id} /> : null}
                  <UpdateCommitmentForm commitmentId={row.id} status={row.status} />
                </div>
              </details>
            ) : null}
          </section>
        </li>
      ))}
    </ul>
  );
}

function StatusBadge({ row, today }: { row: CommitmentListItem; today: string }) {
  if (isOverdue(row, today)) return <Badge tone="red">Overdue · {commitmentStatusLabels[row.status]}</Badge>;
  const tone = row.status === "done" ? "green" : row.status === "in_progress" ? "blue" : row.status === "open" ? "amber" : undefined;
  return <Badge tone={tone}>{commitmentStatusLabels[row.status]}</Badge>;
}

function History({ updates, zone }: { updates: CommitmentUpdateView[]; zone: string }) {
  if (updates.length === 0) return null;
  return (
    <div>
      <h4 className="text-sm font-medium">History</h4>
      <ol className="mt-1 flex flex-col gap-1 text-sm text-stone-700">
        {updates.map((update) => (
          <li key={update.id}>
            {formatInZone(update.createdAt, zone, "d MMM yyyy")}:{" "}
            {update.statusFrom === update.statusTo
              ? "Progress note"
              : `${commitmentStatusLabels[update.statusFrom]} → ${commitmentStatusLabels[update.statusTo]}`}
            {update.note ? <span className="whitespace-pre-line"> — {update.note}</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
