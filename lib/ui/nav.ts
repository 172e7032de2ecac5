import type { UserRole } from "@/db/enums";

const account = { href: "/account", label: "Account" };

/** The navigation each role sees; pages still check the role themselves. */
export const navByRole: Record<UserRole, { href: string; label: string }[]> = {
  organizer: [
    { href: "/organize", label: "Events" },
    { href: "/organize/events/new", label: "New event" },
    { href: "/organize/executives", label: "Executives" },
    { href: "/organize/cadence", label: "Cadence" },
    { href: "/organize/match", label: "Matching" },
    { href: "/organize/types", label: "Types" },
    { href: "/agenda", label: "Agenda" },
    { href: "/organize/hosts", label: "Hosts" },
    { href: "/organize/personas", label: "Personas" },
    { href: "/organize/commitments", label: "Commitments" },
    { href: "/library", label: "Library" },
    { href: "/summary", label: "Summary" },
    account,
  ],
  executive: [
    { href: "/safaris", label: "Open safaris" },
    { href: "/safaris/mine", label: "My safaris" },
    { href: "/commitments", label: "My commitments" },
    { href: "/library", label: "My moments" },
    { href: "/agenda", label: "Agenda" },
    { href: "/profile", label: "Profile" },
    account,
  ],
  reviewer: [{ href: "/summary", label: "Summary" }, account],
  admin: [
    { href: "/people", label: "People" },
    { href: "/summary", label: "Summary" },
    { href: "/audit", label: "Audit trail" },
    { href: "/admin/mail", label: "Mail" },
    account,
  ],
};

export const roleLabels: Record<UserRole, string> = {
  organizer: "CX team",
  executive: "Executive",
  reviewer: "Leadership reviewer",
  admin: "Admin",
};
