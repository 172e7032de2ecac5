import { requirePage } from "@/lib/auth/loaders";
import { getPersona, listPersonas } from "@/lib/hosts/data";
import { personaFilters, personaListSchema } from "@/lib/hosts/list";
import { PersonaFilter } from "@/lib/hosts/components/host-filters";
import { PersonaForm } from "@/lib/hosts/components/persona-form";
import { PersonasTable } from "@/lib/hosts/components/personas-table";
import { cursorOf, listHref, pageSizeOf, parseListParams, rawValues } from "@/lib/paging/params";
import { parseId } from "@/lib/route-params";
import { Card, EmptyState, PageHeader } from "@/lib/ui/page";
import { MatchCount, MissingPageNotice, Pager, UnreadableViewNotice } from "@/lib/ui/pager";

export const metadata = { title: "Personas" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function PersonasPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePage("/organize/personas");
  const params = await searchParams;
  const { edit, ...listParams } = params;
  const parsed = parseListParams(personaListSchema, listParams);
  const header = <PageHeader title="Personas" description="The customer segments safaris and hosts belong to." />;
  if (!parsed.success) {
    return (
      <>
        {header}
        <UnreadableViewNotice fieldErrors={parsed.fieldErrors} />
        <PersonaFilter values={rawValues(listParams)} errors={parsed.fieldErrors} />
      </>
    );
  }
  const filter = parsed.data;
  const pageSize = pageSizeOf(filter);
  const requested = await listPersonas(filter.q, cursorOf(filter), pageSize);
  const page = requested ?? (await listPersonas(filter.q, null, pageSize))!;
  const filters = personaFilters(filter);
  const editing = parseId(edit) ? await getPersona(parseId(edit)!) : undefined;
  return (
    <>
      {header}
      {requested ? null : <MissingPageNotice />}
      <PersonaFilter values={filters} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card>
          <MatchCount count={page.count} one="persona" many="personas" />
          {page.rows.length > 0 ? (
            <PersonasTable personas={page.rows} editHref={(personaId) => listHref("/organize/personas", { ...filters, edit: personaId })} />
          ) : (
            <EmptyState>No persona matches.</EmptyState>
          )}
          <Pager label="Pages of personas" previous={page.previous} next={page.next} href={(position) => listHref("/organize/personas", filters, position)} />
        </Card>
        <Card title={editing ? `Edit “${editing.name}”` : "Add a persona"} className="h-fit">
          {editing ? (
            <PersonaForm key={editing.id} personaId={editing.id} initial={editing} />
          ) : (
            <PersonaForm initial={{ name: "", description: "" }} />
          )}
        </Card>
      </div>
    </>
  );
}
