import type { seniorities } from "@/db/schema";

export const seniorityLabels: Record<(typeof seniorities)[number], string> = {
  c_level: "C-level",
  vp: "VP",
  director: "Director",
};
