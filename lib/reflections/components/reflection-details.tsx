import Link from "next/link";
import { format, parseISO } from "date-fns";
import { commitmentStatusLabels, isOverdue } from "@/lib/commitments/schema";
import { Badge, Card, PageHeader } from "@/lib/ui/page";
import { formatInZone } from "@/lib/time/zones";
import type { ReflectionView } from "../data";
import { emotionLabel, visibilityLabel } from "../schema";
import { EventWhen } from "./event-when";

type Viewer = { id: string; timeZone: string };

/** A reflection for a reader who may read it; `today` is the reader's date, for overdue commitments. */
export function ReflectionDetails({ reflection, viewer, today }: { reflection: ReflectionView; viewer: Viewer; today: string }) {
  const isAuthor = reflection.authorId === viewer.id;
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
        <div className="grid gap-6 md:grid-cols-2">
          <Card title="Ouch moments">
            <MomentList moments={reflection.moments.filter((moment) => moment.kind === "ouch").map((moment) => moment.body)} />
          </Card>
          <Card title="Aah moments">
            <MomentList moments={reflection.moments.filter((moment) => moment.kind === "aah").map((moment) => moment.body)} />
          </Card>
        </div>

        <Card title="How it felt">
          <dl className="grid gap-4 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-stone-600">{reflection.emotions.length === 1 ? "Emotion" : "Emotions"}</dt>
              {reflection.emotions.map((emotion) => (
                <dd key={emotion.emotion} className="font-medium">
                  {emotionLabel(emotion.emotion)}, {emotion.intensity} of 5
                </dd>
              ))}
            </div>
          </dl>
        </Card>

        <Card title="In the customer's words">
          {reflection.moments.some((moment) => moment.quote) ? (
            reflection.moments
              .filter((moment) => moment.quote)
              .map((moment) => (
                <blockquote key={moment.id} className="border-l-4 border-brand-600 pl-4 italic text-stone-800">
                  “{moment.quote}”
                </blockquote>
              ))
          ) : (
            <p className="text-stone-600">No quote recorded.</p>
          )}
          <h3 className="mt-4 font-medium">What surprised {isAuthor ? "you" : "them"}</h3>
          <p className="whitespace-pre-line text-stone-800">{reflection.surprise || "Nothing recorded."}</p>
        </Card>

        <Card title="Commitments">
          <ul className="flex flex-col divide-y divide-stone-100">
            {reflection.commitments.map((commitment) => (
              <li key={commitment.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
                <div>
                  <p className="font-medium">{commitment.body}</p>
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

function MomentList({ moments }: { moments: string[] }) {
  return (
    <ul className="list-disc space-y-1 pl-5">
      {moments.map((moment, index) => (
        <li key={index}>{moment}</li>
      ))}
    </ul>
  );
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
