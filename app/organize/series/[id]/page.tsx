import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { EventStatusBadge } from "@/lib/events/components/event-status-badge";
import { EventWhen } from "@/lib/events/components/event-when";
import { idOrNotFound } from "@/lib/route-params";
import { publishSeriesAction } from "@/lib/series/actions";
import { findSeries } from "@/lib/series/data";
import { ActionButton, ActionForm } from "@/lib/ui/action-form";
import { Card, PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Series" };

const every = (weeks: number) => (weeks === 1 ? "every week" : `every ${weeks} weeks`);

export default async function SeriesPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("/organize/series/[id]");
  const found = await findSeries(idOrNotFound((await params).id));
  if (!found) notFound();
  const { series, occurrences } = found;
  const drafts = occurrences.filter((occurrence) => occurrence.status === "draft").length;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader
        title={series.title}
        description={`${occurrences.length} dates from ${series.firstDate}, ${every(series.everyWeeks)} at ${series.startTime} (${series.timeZone}), ${series.durationMinutes} minutes each.`}
        actions={
          <Link href="/organize" className="btn-secondary">
            All events
          </Link>
        }
      />
      <Card title="Publish">
        <p className="mb-3 text-sm text-stone-600">
          {drafts === 0
            ? "No date of this series is a draft."
            : `${drafts} of the dates ${drafts === 1 ? "is a draft" : "are drafts"}. Publishing checks each one as its event page does; one that cannot be published stays a draft.`}
        </p>
        {/* Mounted with or without drafts left, so the outcome of publishing stays in view. */}
        <ActionForm action={publishSeriesAction} fields={{ seriesId: series.id }}>
          {drafts > 0 ? <ActionButton variant="primary">Publish all drafts</ActionButton> : null}
        </ActionForm>
      </Card>
      <div className="overflow-x-auto">
        <table className="table">
          <caption className="sr-only">Dates of this series</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Safari</th>
              <th scope="col">Status</th>
              <th scope="col" className="text-right">
                Seats taken
              </th>
            </tr>
          </thead>
          <tbody>
            {occurrences.map((occurrence) => (
              <tr key={occurrence.id}>
                <td className="min-w-40">
                  <EventWhen startAt={occurrence.startAt} endAt={occurrence.endAt} timeZone={occurrence.timeZone} viewerTimeZone={user.timeZone} />
                </td>
                <td>
                  <Link href={`/organize/events/${occurrence.id}`} className="link">
                    {occurrence.title}
                  </Link>
                  <div className="text-xs text-stone-500">{occurrence.typeName}</div>
                </td>
                <td>
                  <EventStatusBadge status={occurrence.status} />
                </td>
                <td className="text-right tabular-nums">
                  {occurrence.seatsTaken} / {occurrence.seats}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
