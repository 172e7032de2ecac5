import type { Seniority } from "@/db/enums";

/** How each seniority reads, on the summary, the cadence board and the people screens alike. */
export const seniorityLabels: Record<Seniority, string> = {
  c_level: "C-level",
  vp: "VP",
  director: "Director",
};
