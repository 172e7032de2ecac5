import Link from "next/link";
import { languageLabel } from "@/lib/people/languages";
import type { HostListItem } from "../data";
import { consentStateLabels } from "../list";

/** A page of customer hosts: persona, language and what their consents allow today. */
export function HostsTable({ hosts }: { hosts: HostListItem[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">Customer hosts</caption>
        <thead>
          <tr>
            <th scope="col">Host</th>
            <th scope="col">Persona</th>
            <th scope="col">Language</th>
            <th scope="col">Consent</th>
          </tr>
        </thead>
        <tbody>
          {hosts.map((host) => (
            <tr key={host.id}>
              <td>
                <Link href={`/organize/hosts/${host.id}`} className="link">
                  {host.name}
                </Link>
              </td>
              <td>{host.persona ?? "None"}</td>
              <td>{languageLabel(host.language)}</td>
              <td>{consentStateLabels[host.consent]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
