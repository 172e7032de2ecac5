import Link from "next/link";
import type { TypeChoice } from "../schema";

const hours = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`);

/** The catalogue, by name: each type's defaults, and whether it is still offered. */
export function EventTypesTable({ types }: { types: TypeChoice[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">Types of safari</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Usual length</th>
            <th scope="col">Seats (most)</th>
            <th scope="col">Late withdrawal</th>
            <th scope="col">Offered</th>
          </tr>
        </thead>
        <tbody>
          {types.map((type) => (
            <tr key={type.key}>
              <td>
                <Link href={`/organize/types/${type.key}`} className="link">
                  {type.name}
                </Link>
              </td>
              <td>{hours(type.defaultDurationMinutes)}</td>
              <td>
                {type.defaultSeats} ({type.maxSeats ?? "no limit"})
              </td>
              <td>within {type.lateWithdrawalHours} h</td>
              <td>{type.archived ? "Archived" : "Yes"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
