import { requirePage } from "@/lib/auth/loaders";
import { listExecutives } from "@/lib/people/data";
import { ExecutivesTable } from "@/lib/people/components/executives-table";
import { Card, PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Executives" };

export default async function ExecutivesPage() {
  await requirePage("/organize/executives");
  const executives = await listExecutives();
  return (
    <>
      <PageHeader title="Executives" description="Department, seniority, cadence target and monthly cap of every executive." />
      <Card>
        <ExecutivesTable executives={executives} />
      </Card>
    </>
  );
}
