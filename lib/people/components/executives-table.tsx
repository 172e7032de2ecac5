import Link from "next/link";
import type { Seniority } from "@/db/enums";
import { seniorityLabels } from "../labels";

type Row = { id: string; name: string; department: string | null; seniority: Seniority | null; cadencePerQuarter: number | null; monthlyCap: number | null };

/** The organizers' overview; each name opens that executive's profile. */
export function ExecutivesTable({ executives }: { executives: Row[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">Executives</caption>
        <thead>
          <tr>
            <th scope="col">Executive</th>
            <th scope="col">Department</th>
            <th scope="col">Seniority</th>
            <th scope="col" className="text-right">
              Target a quarter
            </th>
            <th scope="col" className="text-right">
              Cap a month
            </th>
          </tr>
        </thead>
        <tbody>
          {executives.map((e) => (
            <tr key={e.id}>
              <td>
                <Link href={`/organize/executives/${e.id}`} className="link">
                  {e.name}
                </Link>
              </td>
              {e.department === null ? (
                <td colSpan={4} className="text-stone-500">
                  No profile yet
                </td>
              ) : (
                <>
                  <td>{e.department}</td>
                  <td>{e.seniority ? seniorityLabels[e.seniority] : ""}</td>
                  <td className="text-right">{e.cadencePerQuarter}</td>
                  <td className="text-right">{e.monthlyCap}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
