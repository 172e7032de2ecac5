import { requirePage } from "@/lib/auth/loaders";
import { ChangePasswordForm } from "@/lib/auth/components/change-password-form";
import { CalendarFeedCard } from "@/lib/calendar/components/feed-card";
import { MailPreferences } from "@/lib/mail/components/mail-preferences";
import { roleLabels } from "@/lib/ui/nav";
import { Card, PageHeader } from "@/lib/ui/page";

export const metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const user = await requirePage("/account");
  // Set by the password change's redirect, which signs this browser in again with a fresh session.
  const { changed } = await searchParams;
  return (
    <>
      <PageHeader title="Account" description={`${user.name} · ${user.email} · ${roleLabels[user.role]}`} />
      <Card title="Change password" className="max-w-lg">
        {changed === "1" ? (
          <p role="status" className="alert-success mb-4">
            Your password has been changed. You have been signed out everywhere else.
          </p>
        ) : null}
        <p className="mb-4 text-sm text-stone-600">Changing your password signs you out on every other device and browser.</p>
        <ChangePasswordForm />
      </Card>
      <CalendarFeedCard user={user} />
      <MailPreferences user={user} />
    </>
  );
}
