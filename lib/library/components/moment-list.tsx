import Link from "next/link";
import { format, parseISO } from "date-fns";
import { commitmentStatusLabels } from "@/lib/commitments/schema";
import { journeyStageLabel, momentKindLabel } from "@/lib/reflections/labels";
import { emotionLabel } from "@/lib/reflections/schema";
import { formatInZone } from "@/lib/time/zones";
import { Badge } from "@/lib/ui/page";
import type { LibraryMoment, MomentCommitment } from "../data";

type Props = {
  rows: LibraryMoment[];
  commitments: Map<string, MomentCommitment[]>;
  zone: string;
  /** The CX team's view: each moment's author and a link to the reflection; an executive's are all their own. */
  showAuthor: boolean;
};

/** Moments, each an article named by what happened, with its safari and the commitments it led to. */
export function MomentList({ rows, commitments, zone, showAuthor }: Props) {
  return (
    <ul className="flex flex-col divide-y divide-stone-100">
      {rows.map((row) => {
        const led = commitments.get(row.id) ?? [];
        return (
          <li key={row.id}>
            <article aria-labelledby={`moment-${row.id}`} className="flex flex-col gap-2 py-4">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone={row.kind === "ouch" ? "red" : "green"}>{momentKindLabel(row.kind)}</Badge>
                <span className="text-stone-600">{journeyStageLabel(row.stage)}</span>
                <span className="text-stone-600">
                  · {emotionLabel(row.emotion)}, {row.intensity} of 5
                </span>
              </p>
              <h3 id={`moment-${row.id}`} className="font-medium">
                {row.body}
              </h3>
              {row.quote ? <blockquote className="border-l-2 border-stone-300 pl-3 text-stone-700 italic">“{row.quote}”</blockquote> : null}
              <p className="text-sm text-stone-600">
                {row.eventTitle} · {row.eventType} · {formatInZone(row.eventStartAt, zone, "d MMM yyyy")}
                {showAuthor ? <> · {row.authorName}</> : null} ·{" "}
                <Link href={`/reflections/${row.reflectionId}`} className="underline">
                  Open the reflection
                </Link>
              </p>
              {led.length > 0 ? (
                <div>
                  <h4 className="text-sm font-medium">Commitments it led to</h4>
                  <ul className="mt-1 flex flex-col gap-1 text-sm">
                    {led.map((commitment) => (
                      <li key={commitment.id}>
                        {commitment.body} — {commitmentStatusLabels[commitment.status]}, due {format(parseISO(commitment.dueOn), "d MMM yyyy")}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
