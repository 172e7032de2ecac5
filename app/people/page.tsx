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
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Department</th>
                <th scope="col">Seniority</th>
                <th scope="col">Time zone</th>
                <th scope="col">Access</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <td className="font-medium">{person.name}</td>
                  <td>{person.email}</td>
                  <td>{roleLabels[person.role]}</td>
                  <td>{person.department ?? "—"}</td>
                  <td>{person.seniority ? seniorityLabels[person.seniority] : "—"}</td>
                  <td>{person.timeZone}</td>
                  <td>
                    {person.id === admin.id ? (
                      <span className="text-sm text-stone-600">You (your own role stays as it is)</span>
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
