import Link from "next/link";
import { format, parseISO } from "date-fns";
import { commitmentStatusLabels, isOverdue } from "@/lib/commitments/schema";
import { Badge, Card, PageHeader } from "@/lib/ui/page";
import { formatInZone } from "@/lib/time/zones";
import type { ReflectionView } from "../data";
import { empathyItems } from "@/lib/briefing/schema";
import { journeyStageLabel, momentKindLabel } from "../labels";
import { emotionLabel, mapFields, visibilityLabel, withinEditWindow } from "../schema";
import { EventWhen } from "./event-when";

type Viewer = { id: string; timeZone: string };

/**
 * A reflection for a reader who may read it; `today` is the reader's date, for overdue commitments, and
 * `now` decides whether its author may still edit it.
 */
export function ReflectionDetails({ reflection, viewer, today, now }: { reflection: ReflectionView; viewer: Viewer; today: string; now: Date }) {
  const isAuthor = reflection.authorId === viewer.id;
  const editable = isAuthor && withinEditWindow(reflection.createdAt, now);
  const { event } = reflection;
  return (
    <>
      <PageHeader
        title={`Reflection: ${event.title}`}
        description={
          <>
            <EventWhen startAt={event.startAt} endAt={event.endAt} eventZone={event.timeZone} viewerZone={viewer.timeZone} />
            <span className="mt-1 block text-sm">
              {isAuthor ? "Written by you" : `Written by ${reflection.author.name}`} on {formatInZone(reflection.createdAt, viewer.timeZone, "d MMM yyyy")} ·{" "}
              Visible to: <Badge tone="blue">{visibilityLabel(reflection.visibility)}</Badge>
            </span>
          </>
        }
      />
      <div className="flex flex-col gap-6">
        {editable ? (
          <p>
            <Link href={`/reflections/${reflection.id}/edit`} className="btn-secondary">
              Edit
            </Link>
          </p>
        ) : null}
        <Card title="What? The moments">
          <ol className="flex flex-col gap-4">
            {reflection.moments.map((moment, index) => (
              <li key={moment.id} className="border-l-4 border-stone-200 pl-4">
                <p className="text-sm text-stone-600">
                  Moment {index + 1} · <Badge tone={moment.kind === "ouch" ? "red" : "green"}>{momentKindLabel(moment.kind)}</Badge> · {journeyStageLabel(moment.journeyStage)} ·{" "}
                  {emotionLabel(moment.emotion)}, {moment.intensity} of 5
                </p>
                <p className="mt-1 text-stone-900">{moment.body}</p>
                {moment.quote ? <blockquote className="mt-1 border-l-4 border-brand-600 pl-3 italic text-stone-800">“{moment.quote}”</blockquote> : null}
              </li>
            ))}
          </ol>
        </Card>

        <Card title="So what? What it means">
          <h3 className="font-medium">Empathy map</h3>
          <dl className="mt-2 grid gap-4 sm:grid-cols-2">
            {mapFields.map((field) => (
              <div key={field.name}>
                <dt className="text-sm text-stone-600">{field.label}</dt>
                <dd className="whitespace-pre-line">{reflection[field.name] || "Nothing recorded."}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            <div>
              <h3 className="font-medium">The prediction</h3>
              <p className="whitespace-pre-line text-stone-800">{reflection.participation.expectation || "No prediction in the briefing."}</p>
            </div>
            <div>
              <h3 className="font-medium">What surprised {isAuthor ? "you" : "them"}</h3>
              <p className="whitespace-pre-line text-stone-800">{reflection.surprise || "Nothing recorded."}</p>
              <p className="text-sm text-stone-600">
                {reflection.surpriseScore === null ? "Surprise not rated." : `Surprise: ${reflection.surpriseScore} of 5 (1 = as predicted, 5 = nothing like it)`}
              </p>
            </div>
          </div>
          <h3 className="mt-4 font-medium">The three statements, before → after</h3>
          <ul className="mt-2 flex flex-col gap-1">
            {empathyItems.map((item, index) => (
              <li key={item}>
                {item} <span className="font-medium">{reflection.empathyItemsBefore?.[index] ?? "–"} → {reflection.empathyItemsAfter?.[index] ?? "–"}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-stone-600">
            {reflection.empathyShift === null ? "No shift: both ratings are needed." : `Shift: ${reflection.empathyShift > 0 ? "+" : ""}${reflection.empathyShift.toFixed(2)} on the 1–7 scale`}
          </p>
        </Card>

        <Card title="Now what? Commitments">
          <ul className="flex flex-col divide-y divide-stone-100">
            {reflection.commitments.map((commitment) => (
              <li key={commitment.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
                <div>
                  <p className="font-medium">{commitment.body}</p>
                  {commitment.helpers ? <p className="text-sm text-stone-700">Who else is needed: {commitment.helpers}</p> : null}
                  <p className="text-sm text-stone-700">Answers {answeredMoments(commitment.moments, reflection.moments)}</p>
                  <p className="text-sm text-stone-600">
                    Due {format(parseISO(commitment.dueOn), "EEE d MMM yyyy")} · <CommitmentStatus commitment={commitment} today={today} zone={viewer.timeZone} />
                  </p>
                </div>
                {commitment.ownerId === viewer.id && commitment.status !== "dropped" ? (
                  <div className="shrink-0">
                    {/* Updates, their history and closing the loop live on the owner's list. */}
                    <Link href="/commitments" className="btn-secondary">
                      <span aria-hidden="true">Update</span>
                      <span className="sr-only">Update on My commitments: {commitment.body}</span>
                    </Link>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}

/** "moment 1 and moment 3": the moments a commitment answers, by their place in the reflection. */
function answeredMoments(links: readonly { momentId: string }[], moments: readonly { id: string }[]): string {
  const numbers = moments.flatMap((moment, index) => (links.some((link) => link.momentId === moment.id) ? [`moment ${index + 1}`] : []));
  if (numbers.length === 0) return "no moment";
  return numbers.length === 1 ? numbers[0]! : `${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
}

function CommitmentStatus({
  commitment,
  today,
  zone,
}: {
  commitment: ReflectionView["commitments"][number];
  today: string;
  zone: string;
}) {
  if (commitment.status === "done") {
    return <Badge tone="green">Done{commitment.doneAt ? ` on ${formatInZone(commitment.doneAt, zone, "d MMM yyyy")}` : ""}</Badge>;
  }
  if (commitment.status === "dropped") return <Badge>Dropped</Badge>;
  if (isOverdue(commitment, today)) return <Badge tone="red">Overdue · {commitmentStatusLabels[commitment.status]}</Badge>;
  return <Badge tone={commitment.status === "in_progress" ? "blue" : "amber"}>{commitmentStatusLabels[commitment.status]}</Badge>;
}
