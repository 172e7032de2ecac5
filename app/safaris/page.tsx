import { requirePage } from "@/lib/auth/loaders";
import { listOpenSafaris } from "@/lib/participation/data";
import { OpenSafarisList } from "@/lib/participation/components/open-safaris-list";
import { PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Open safaris" };

export default async function OpenSafarisPage() {
  const user = await requirePage("/safaris");
  const safaris = await listOpenSafaris(user.id, new Date());
  return (
    <>
      <PageHeader title="Open safaris" description="Meet one real customer: sign up for a safari with a free seat." />
      <OpenSafarisList safaris={safaris} viewerTimeZone={user.timeZone} />
    </>
  );
}
