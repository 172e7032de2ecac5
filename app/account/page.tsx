import { requirePage } from "@/lib/auth/loaders";
import { ChangePasswordForm } from "@/lib/auth/components/change-password-form";
import { roleLabels } from "@/lib/ui/nav";
import { Card, PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePage("/account");
  return (
    <>
      <PageHeader title="Account" description={`${user.name} · ${user.email} · ${roleLabels[user.role]}`} />
      <Card title="Change password" className="max-w-lg">
        <p className="mb-4 text-sm text-stone-600">Changing your password signs you out on every other device and browser.</p>
        <ChangePasswordForm />
      </Card>
    </>
  );
}
