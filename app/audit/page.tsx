import { requirePage } from "@/lib/auth/loaders";
import { listAuditActors, listAuditEntries } from "@/lib/audit/data";
import { auditHref, auditPageSize, auditPeriod, parseAuditFilter } from "@/lib/audit/schema";
import { AuditFilterForm } from "@/lib/audit/components/audit-filter-form";
import { AuditTable } from "@/lib/audit/components/audit-table";
import { getEnv } from "@/lib/env";
import { Card, PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Audit trail" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requirePage("/audit");
  const zone = getEnv().ORG_TIME_ZONE;
  const params = await searchParams;
  const parsed = parseAuditFilter(params);
  const actors = await listAuditActors(parsed.success ? (parsed.data.actor ?? null) : null);
  const header = (
    <PageHeader
      title="Audit trail"
      description={`Who did what, and when, newest first. Dates filter on the organisation's calendar (${zone}); times are shown in yours (${admin.timeZone}).`}
    />
  );

  if (!parsed.success) {
    // Show the form with what was asked for, so the admin can correct it; list nothing rather than guess.
    const values = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === "string" ? value : ""]));
    return (
      <>
        {header}
        <p role="alert" className="alert-error mb-6">
          This filter cannot be read: {Object.values(parsed.fieldErrors).flat().join(" ")}
        </p>
        <AuditFilterForm actors={actors} values={values} errors={parsed.fieldErrors} />
      </>
    );
  }

  const filter = parsed.data;
  const { from, to } = auditPeriod(filter, zone);
  const query = { actor: filter.actor ?? null, who: filter.who ?? null, objectType: filter.type ?? null, objectId: filter.object ?? null, from, to };
  const cursor = filter.older ? { older: filter.older } : filter.newer ? { newer: filter.newer } : null;
  const requested = await listAuditEntries(query, cursor, auditPageSize);
  // A page link naming no entry: start again at the newest.
  const page = requested ?? (await listAuditEntries(query, null, auditPageSize))!;
  const values = { actor: filter.actor ?? "", who: filter.who ?? "", type: filter.type ?? "", object: filter.object ?? "", from: filter.from ?? "", to: filter.to ?? "" };

  return (
    <>
      {header}
      {requested ? null : (
        <p role="alert" className="alert-error mb-6">
          That page of the audit trail does not exist; here are the newest entries.
        </p>
      )}
      <AuditFilterForm actors={actors} values={values} />
      <Card>
        <p role="status" className="mb-3 text-sm text-stone-600">
          {page.count === 1 ? "1 entry matches." : `${page.count} entries match.`}
        </p>
        <AuditTable entries={page.entries} zone={admin.timeZone} />
        {page.newer || page.older ? (
          <nav aria-label="Pages of the audit trail" className="mt-4 flex flex-wrap gap-2">
            {page.newer ? (
              <>
                <a href={auditHref(filter)} className="btn-secondary">
                  Newest
                </a>
                <a href={auditHref(filter, { newer: page.newer })} className="btn-secondary">
                  Newer entries
                </a>
              </>
            ) : null}
            {page.older ? (
              <a href={auditHref(filter, { older: page.older })} className="btn-secondary">
                Older entries
              </a>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
