import "server-only";
import { getEnv } from "@/lib/env";
import type { EventLimits } from "./rules";

/** The configured limits on when and how long events are; pages hand them to the form, actions to the schema. */
export function eventLimits(): EventLimits {
  const env = getEnv();
  return { maxMonthsAhead: env.EVENT_MAX_MONTHS_AHEAD, maxDurationHours: env.EVENT_MAX_DURATION_HOURS };
}
