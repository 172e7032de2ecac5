import { seniorityLabels } from "@/lib/people/labels";
import { formatInZone } from "@/lib/time/zones";
import { Badge, EmptyState } from "@/lib/ui/page";
import type { CadenceRow } from "../data";
import { daysSinceLabel } from "../schema";

/** The executives of one page, each against their target for the quarter. */
export function CadenceTable({ rows, caption, zone }: { rows: CadenceRow[]; caption: string; zone: string }) {
  if (rows.length === 0) return <EmptyState>No executives match these filters.</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Executive</th>
            <th scope="col">Department</th>
            <th scope="col">Seniority</th>
            <th scope="col">Target</th>
            <th scope="col">Attended</th>
            <th scope="col">Confirmed</th>
            <th scope="col">Invited</th>
            <th scope="col">On track</th>
            <th scope="col">Since last customer contact</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {/* No executive page exists yet: the name heads the row. */}
              <th scope="row" className="font-medium">
                {row.name}
              </th>
              <td>{row.department ?? "No profile yet"}</td>
              <td>{row.seniority ? seniorityLabels[row.seniority] : "—"}</td>
              <td>{row.target ?? "—"}</td>
              <td>{row.attended}</td>
              <td>{row.confirmed}</td>
              <td>{row.invited}</td>
              <td>
                {row.onTrack === null ? (
                  "No target"
                ) : row.onTrack ? (
                  <Badge tone="green">On track</Badge>
                ) : (
                  <Badge tone="amber">{`${row.shortfall} short`}</Badge>
                )}
              </td>
              <td>
                {row.lastContactAt ? (
                  <time dateTime={row.lastContactAt.toISOString()} title={formatInZone(row.lastContactAt, zone)}>
                    {daysSinceLabel(row.daysSince)}
                  </time>
                ) : (
                  daysSinceLabel(null)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
