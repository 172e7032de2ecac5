import { formatInZone } from "@/lib/time/zones";
import { EmptyState } from "@/lib/ui/page";
import type { AuditRow } from "../data";
import { actionLabel, auditHref, objectTypeLabels, systemActorLabel, type AuditFilterParams } from "../schema";

/** What changed, readably: "from → to" first, then any other detail as "name: value". */
export function describeDetails(details: Record<string, unknown>): string[] {
  const text = (value: unknown) => {
    const written = typeof value === "string" ? value : JSON.stringify(value);
    return written.length > 120 ? `${written.slice(0, 119)}…` : written;
  };
  const lines: string[] = [];
  if ("from" in details || "to" in details) lines.push(`${text(details.from ?? "—")} → ${text(details.to ?? "—")}`);
  for (const [key, value] of Object.entries(details)) {
    if (key !== "from" && key !== "to") lines.push(`${key}: ${text(value)}`);
  }
  return lines;
}

export function AuditTable({ entries, zone }: { entries: AuditRow[]; zone: string }) {
  if (entries.length === 0) return <EmptyState>No entries match these filters.</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">Audit trail entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">On what</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="whitespace-nowrap">
                <time dateTime={entry.at.toISOString()}>{formatInZone(entry.at, zone)}</time>
              </td>
              <td>{entry.actorName ?? systemActorLabel}</td>
              <td>{actionLabel(entry.action)}</td>
              <td>
                <span className="text-stone-600">{(objectTypeLabels as Record<string, string>)[entry.objectType] ?? entry.objectType}</span>{" "}
                {entry.objectName ? <span className="font-medium">{entry.objectName}</span> : null}
                <br />
                {/* Admins cannot open organizer pages; the id leads to everything recorded about the object. */}
                <a
                  href={auditHref({ type: entry.objectType as AuditFilterParams["type"], object: entry.objectId })}
                  className="font-mono text-xs break-all text-brand-700 underline"
                  aria-label={`All entries about ${entry.objectName ?? entry.objectId}`}
                >
                  {entry.objectId}
                </a>
              </td>
              <td className="text-sm">
                {describeDetails(entry.details).map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
