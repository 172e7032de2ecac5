import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/loaders";
import { findRun, listAddChoices, listRunEventGroups, listRunUnplaced } from "@/lib/match-runs/data";
import { Pager } from "@/lib/ui/pager";
import { ProposalGroups } from "@/lib/match-runs/components/proposal-groups";
import { AddProposalForm, PublishRunForm, RerunButton } from "@/lib/match-runs/components/run-controls";
import { RunSummary } from "@/lib/match-runs/components/run-summary";
import { UnplacedTable } from "@/lib/match-runs/components/unplaced-table";
import { pageCursor, runPageSize } from "@/lib/match-runs/schema";
import { idOrNotFound } from "@/lib/route-params";
import { formatInZone } from "@/lib/time/zones";
import { Card, PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Match run" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function MatchRunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const organizer = await requirePage("/organize/match/[id]");
  const id = idOrNotFound((await params).id);
  const query = await searchParams;
  const run = await findRun(id);
  if (!run) notFound();
  const editable = run.publishedAt === null;
  const zone = organizer.timeZone;

  const [groups, unplaced, choices] = await Promise.all([
    listRunEventGroups(id, pageCursor(query.after, query.before), runPageSize),
    listRunUnplaced(id, pageCursor(query.unplacedAfter, query.unplacedBefore), runPageSize),
    editable ? listAddChoices(id) : null,
  ]);
  // Each list pages on its own; the other keeps its place.
  const href = (list: "events" | "unplaced") => (page: { after?: string; before?: string }) => {
    const keep = list === "events" ? { unplacedAfter: query.unplacedAfter, unplacedBefore: query.unplacedBefore } : { after: query.after, before: query.before };
    const next = list === "events" ? page : { unplacedAfter: page.after, unplacedBefore: page.before };
    const entries = Object.entries({ ...keep, ...next }).filter((entry): entry is [string, string] => typeof entry[1] === "string");
    const search = new URLSearchParams(entries).toString();
    return search ? `/organize/match/${id}?${search}` : `/organize/match/${id}`;
  };

  return (
    <>
      <PageHeader
        title={`Match run of ${formatInZone(run.createdAt, zone)}`}
        description={editable ? "Review the proposals: remove any, add executives by hand, re-run keeping your changes, then publish." : "Published: the invitations are out. The outcome of each proposal is below."}
        actions={
          <Link href="/organize/match" className="link">
            All runs
          </Link>
        }
      />
      {run.parentRunId ? (
        <p className="mb-4 text-sm text-stone-600">
          A re-run of{" "}
          <Link href={`/organize/match/${run.parentRunId}`} className="link">
            an earlier run
          </Link>
          , keeping its removals and hand-added executives.
        </p>
      ) : null}
      <Card title="The run" className="mb-6">
        <RunSummary run={run} zone={zone} />
      </Card>
      {editable && choices ? (
        <div className="mb-6 grid gap-6 lg:grid-cols-2">
          <Card title="Publish">
            <PublishRunForm runId={id} />
          </Card>
          <Card title="Adjust">
            <AddProposalForm
              runId={id}
              executives={choices.executives.map((e) => ({ value: e.id, label: `${e.name} (${e.department})` }))}
              events={choices.events.map((e) => ({ value: e.id, label: `${e.title}, ${formatInZone(e.startAt, e.timeZone)}` }))}
            />
            <div className="mt-4 border-t border-stone-200 pt-4">
              <RerunButton runId={id} />
            </div>
          </Card>
        </div>
      ) : null}
      <Card title="Proposals by safari" className="mb-6">
        <ProposalGroups runId={id} groups={groups.rows} editable={editable} />
        <Pager label="Pages of safaris" href={href("events")} previous={groups.previous} next={groups.next} />
      </Card>
      <Card title={`Left short of their target (${run.unplacedCount})`}>
        <UnplacedTable rows={unplaced.rows} />
        <Pager label="Pages of executives left short" href={href("unplaced")} previous={unplaced.previous} next={unplaced.next} />
      </Card>
    </>
  );
}
