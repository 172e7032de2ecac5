import Link from "next/link";
import { formatInZone } from "@/lib/time/zones";
import { Badge, EmptyState } from "@/lib/ui/page";
import type { RunListItem } from "../data";

const day = (instant: Date, zone: string) => formatInZone(instant, zone, "d MMM yyyy");

/** Earlier runs, newest first, each linking to its proposals. */
export function RunsTable({ rows, zone }: { rows: RunListItem[]; zone: string }) {
  if (rows.length === 0) return <EmptyState>No match runs yet.</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">Earlier match runs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Period</th>
            <th scope="col">By</th>
            <th scope="col">Safaris</th>
            <th scope="col">Proposals</th>
            <th scope="col">At target before → after</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((run) => (
            <tr key={run.id}>
              <th scope="row">
                <Link href={`/organize/match/${run.id}`} className="link">
                  {formatInZone(run.createdAt, zone)}
                </Link>
              </th>
              <td>
                {day(run.periodStart, zone)} – {day(new Date(run.periodEnd.getTime() - 1), zone)}
              </td>
              <td>{run.createdBy}</td>
              <td>{run.eventsCount}</td>
              <td>{run.proposals}</td>
              <td>
                {run.coverageBefore} → {run.coverageAfter} of {run.executivesCount}
              </td>
              <td>{run.publishedAt ? <Badge tone="green">Published</Badge> : <Badge tone="amber">{run.parentRunId ? "Re-run, draft" : "Draft"}</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
