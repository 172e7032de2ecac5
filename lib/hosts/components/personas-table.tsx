import Link from "next/link";
import type { PersonaListItem } from "../data";

/** A page of personas: description, how many current hosts have each, and a link to edit it. */
export function PersonasTable({ personas, editHref }: { personas: PersonaListItem[]; editHref: (personaId: string) => string }) {
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="sr-only">Personas</caption>
        <thead>
          <tr>
            <th scope="col">Persona</th>
            <th scope="col">Description</th>
            <th scope="col" className="text-right">
              Hosts
            </th>
            <th scope="col">
              <span className="sr-only">Edit</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {personas.map((persona) => (
            <tr key={persona.id}>
              <td>{persona.name}</td>
              <td className="text-sm text-stone-600">{persona.description}</td>
              <td className="text-right tabular-nums">{persona.hosts}</td>
              <td>
                <Link href={editHref(persona.id)} className="link" aria-label={`Edit ${persona.name}`}>
                  Edit
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
