import type { SessionUser } from "@/lib/auth/config";
import { Card } from "@/lib/ui/page";
import { mailOptOuts } from "../data";
import { mailKindsByRole } from "../messages";
import { MailPreferencesForm } from "./mail-preferences-form";

/** The account page's mail section: which of the mails one's role can get are sent. */
export async function MailPreferences({ user }: { user: SessionUser }) {
  const offered = mailKindsByRole[user.role];
  return (
    <Card title="E-mail" className="mt-6 max-w-lg">
      {offered.length === 0 ? (
        <p className="text-sm text-stone-600">Your role gets no e-mail from Customer Safari.</p>
      ) : (
        <>
          <p className="mb-4 text-sm text-stone-600">Every notice still shows in your inbox; these choose only what is also sent to {user.email}.</p>
          <MailPreferencesForm offered={offered} optedOut={await mailOptOuts(user.id)} />
        </>
      )}
    </Card>
  );
}
