import type { ParticipationStatus } from "@/db/schema";
import { Badge } from "@/lib/ui/page";

export const participationStatusLabels: Record<ParticipationStatus, string> = {
  invited: "Invited",
  confirmed: "Confirmed",
  waitlisted: "Waitlisted",
  declined: "Withdrawn",
  attended: "Attended",
  no_show: "No-show",
  cancelled: "Event cancelled",
};

const tones = {
  invited: "amber",
  confirmed: "green",
  waitlisted: "amber",
  declined: "neutral",
  attended: "blue",
  no_show: "red",
  cancelled: "red",
} as const;

export function ParticipationStatusBadge({ status }: { status: ParticipationStatus }) {
  return <Badge tone={tones[status]}>{participationStatusLabels[status]}</Badge>;
}
