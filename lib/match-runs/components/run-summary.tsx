import { formatInZone } from "@/lib/time/zones";
import { Detail, DetailList } from "@/lib/ui/detail-list";
import type { RunView } from "../data";

const tierLabels: [key: string, label: string][] = [
  ["total", "Objective (higher is better)"],
  ["covered", "Executives below target who get a safari"],
  ["urgency", "Urgency of those (sum, 0–1 each)"],
  ["placements", "Safaris towards targets"],
  ["newPersonas", "First meetings with a persona"],
  ["newTypes", "First safaris of a type"],
  ["preferred", "Preferred types"],
  ["newDepartments", "Departments new at a table"],
];

const number = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

/** What went into a run and what came out: period, who and when, coverage, the objective's tiers, fingerprint. */
export function RunSummary({ run, zone }: { run: RunView; zone: string }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <DetailList>
        <Detail label="Period">
          {formatInZone(run.periodStart, zone)} – {formatInZone(run.periodEnd, zone)}
        </Detail>
        <Detail label="Run by">
          {run.createdBy}, {formatInZone(run.createdAt, zone)}
        </Detail>
        <Detail label="Published">{run.publishedAt ? `by ${run.publishedBy ?? "a former organizer"}, ${formatInZone(run.publishedAt, zone)}` : "Not yet"}</Detail>
        <Detail label="Input">
          {run.executivesCount} executives, {run.eventsCount} safaris
        </Detail>
        <Detail label="At target">
          {run.coverageBefore} before, {run.coverageAfter} with these proposals
        </Detail>
        <Detail label="Proposals">
          {run.proposals.active} ({run.proposals.manual} added by hand, {run.proposals.removed} removed)
          {run.publishedAt ? `; ${run.proposals.invited} invited, ${run.proposals.stale} stale` : ""}
        </Detail>
        <Detail label="Solve time">{run.solveMs} ms</Detail>
        <Detail label="Fingerprint">
          <code className="break-all text-xs">{run.fingerprint}</code>
        </Detail>
      </DetailList>
      <table className="table">
        <caption className="mb-2 text-left font-semibold">Objective tiers at the time of the run</caption>
        <tbody>
          {tierLabels.map(([key, label]) => (
            <tr key={key}>
              <th scope="row" className="font-normal">
                {label}
              </th>
              <td className="text-right tabular-nums">{number.format(run.tiers[key] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
