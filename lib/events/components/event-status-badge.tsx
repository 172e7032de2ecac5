import type { EventStatus } from "@/db/schema";
import { Badge } from "@/lib/ui/page";
import { eventStatusLabels } from "../schema";

const tones = { draft: "amber", published: "green", completed: "blue", cancelled: "red" } as const;

export function EventStatusBadge({ status }: { status: EventStatus }) {
  return <Badge tone={tones[status]}>{eventStatusLabels[status]}</Badge>;
}
