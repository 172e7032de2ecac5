import { EmptyState } from "@/lib/ui/page";

type Row = { executiveId: string; name: string; department: string | null; missing: number; explanation: string };

/** Executives the run leaves short of their target, and why. */
export function UnplacedTable({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return <EmptyState>Everyone below target got a proposal.</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">Executives left short of their target, and why</caption>
        <thead>
          <tr>
            <th scope="col">Executive</th>
            <th scope="col">Department</th>
            <th scope="col">Short by</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.executiveId}>
              <th scope="row" className="font-medium">
                {row.name}
              </th>
              <td>{row.department ?? "—"}</td>
              <td>{row.missing}</td>
              <td>{row.explanation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
