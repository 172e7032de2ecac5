import "server-only";
import { appNow } from "@/lib/time/clock";

/**
 * Where scheduled work reads the time. The app's jobs read the app's clock (lib/time/clock.ts: real time,
 * or a test server's moved one); integration tests pass a clock they move by hand, so "an invitation whose
 * deadline has passed" can be checked without waiting for it.
 */
export type Clock = () => Date;

export const appJobClock: Clock = appNow;
