import { requirePage } from "@/lib/auth/loaders";
import { listMySafaris } from "@/lib/participation/data";
import { MySafarisList } from "@/lib/participation/components/my-safaris-list";
import { Card, PageHeader } from "@/lib/ui/page";

export const metadata = { title: "My safaris" };

export default async function MySafarisPage() {
  const user = await requirePage("/safaris/mine");
  const now = new Date();
  const { upcoming, past } = await listMySafaris(user.id, now);
  return (
    <>
      <PageHeader title="My safaris" description="Where you are going, and where you have been." />
      <div className="flex flex-col gap-6">
        <Card title="Upcoming">
          <MySafarisList safaris={upcoming} viewerTimeZone={user.timeZone} now={now} empty="Nothing planned yet. Pick one of the open safaris." />
        </Card>
        <Card title="Past">
          <MySafarisList safaris={past} viewerTimeZone={user.timeZone} now={now} empty="No past safaris yet." />
        </Card>
      </div>
    </>
  );
}
