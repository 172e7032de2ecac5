import { requirePage } from "@/lib/auth/loaders";
import { listPeople } from "@/lib/people/data";
import { PersonAccessControls } from "@/lib/people/components/person-access-controls";
import { seniorityLabels } from "@/lib/people/labels";
import { roleLabels } from "@/lib/ui/nav";
import { cursorOf, listHref, pageSizeOf, parseListParams, rawValues } from "@/lib/paging/params";
import { peopleFilters, peopleListSchema } from "@/lib/people/list";
import { PeopleFilter } from "@/lib/people/components/people-filters";
import { Card, PageHeader } from "@/lib/ui/page";
import { MatchCount, MissingPageNotice, Pager, UnreadableViewNotice } from "@/lib/ui/pager";

export const metadata = { title: "People" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function PeoplePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requirePage("/people");
  const params = await searchParams;
  const parsed = parseListParams(peopleListSchema, params);
  const header = <PageHeader title="People" description="Every account, its role and its sessions." />;
  if (!parsed.success) {
    return (
      <>
        {header}
        <UnreadableViewNotice fieldErrors={parsed.fieldErrors} />
        <PeopleFilter values={rawValues(params)} errors={parsed.fieldErrors} />
      </>
    );
  }

  const filter = parsed.data;
  const query = { role: filter.role, search: filter.q };
  const pageSize = pageSizeOf(filter);
  const requested = await listPeople(query, cursorOf(filter), pageSize);
  const page = requested ?? (await listPeople(query, null, pageSize))!;
  const filters = peopleFilters(filter);
  return (
    <>
      {header}
      {requested ? null : <MissingPageNotice />}
      <PeopleFilter values={filters} />
      <Card>
        <MatchCount count={page.count} one="account" many="accounts" />
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
              {page.rows.map((person) => (
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
        <Pager label="Pages of accounts" previous={page.previous} next={page.next} href={(position) => listHref("/people", filters, position)} />
      </Card>
    </>
  );
}
