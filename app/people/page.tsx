import { requirePage } from "@/lib/auth/loaders";
import { listPeople } from "@/lib/people/data";
import { PersonAccessControls } from "@/lib/people/components/person-access-controls";
import { seniorityLabels } from "@/lib/people/labels";
import { roleLabels } from "@/lib/ui/nav";
import { Card, PageHeader } from "@/lib/ui/page";

export const metadata = { title: "People" };

export default async function PeoplePage() {
  const admin = await requirePage("/people");
  const people = await listPeople();
  return (
    <>
      <PageHeader title="People" description={`${people.length} accounts and their roles.`} />
      <Card>
        <div className="overflow-x-auto">
          <table className="table">
            <caption className="sr-only">Accounts</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Department</th>
                <th scope="col">Time zone</th>
                <th scope="col">Role and sessions</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <td>
                    <div className="font-medium">{person.name}</div>
                    <div className="text-xs text-stone-500">{person.email}</div>
                  </td>
                  <td>
                    <div>{person.department ?? "—"}</div>
                    {person.seniority ? <div className="text-xs text-stone-500">{seniorityLabels[person.seniority]}</div> : null}
                  </td>
                  <td className="whitespace-nowrap">{person.timeZone.replaceAll("_", " ")}</td>
                  <td className="min-w-72">
                    {person.id === admin.id ? (
                      <span className="text-sm text-stone-600">{roleLabels[person.role]}: you (your own role stays as it is)</span>
                    ) : (
                      <PersonAccessControls person={{ id: person.id, name: person.name, role: person.role }} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
