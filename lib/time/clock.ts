import "server-only";
import { getEnv } from "@/lib/env";

/*
 * The app's clock for domain rules: whether a safari has begun, which follow-ups are due, what "upcoming"
 * means. It is real time plus an offset, and the offset stays 0 unless the server was started with
 * SAFARI_TEST_CLOCK=1: then the end-to-end tests move it through app/api/test/clock, to see a 30-day
 * follow-up arrive without waiting 30 days.
 *
 * What stays on real time, on purpose:
 * - Sessions and sign-in throttling (lib/auth): a session must not expire because a test moved the clock.
 * - Database defaults (created_at default now()). Rules that compare such a timestamp with appNow() then
 *   see it as older by the offset, which is the point: a commitment made today is "30 days old" once the
 *   clock is 30 days ahead. The offset is never negative, so no stored timestamp lies in the app's future.
 * - Client components: the browser has its own clock.
 */

/** How far the test clock may be moved: ahead only, and by at most about five years. */
export const maxOffsetMs = 5 * 366 * 86_400_000;

export type AppClock = {
  /** Whether the offset may be set: only on a server started with SAFARI_TEST_CLOCK=1. */
  readonly movable: boolean;
  /** The domain's "now". */
  now(): Date;
  /** How far ahead of real time `now()` is, in milliseconds. */
  offsetMs(): number;
  /** Moves the clock to real time + `offsetMs`; throws where the clock is not movable or the offset is out of range. */
  setOffset(offsetMs: number): void;
};

export class ClockNotMovableError extends Error {
  override name = "ClockNotMovableError";
}

/** A clock over `realNow`; `movable` false is the production clock, whose offset is always 0. */
export function createAppClock(movable: boolean, realNow: () => number = Date.now): AppClock {
  let offset = 0;
  return {
    movable,
    now: () => new Date(realNow() + offset),
    offsetMs: () => offset,
    setOffset(offsetMs: number) {
      if (!movable) throw new ClockNotMovableError("The clock can be moved only on a server started with SAFARI_TEST_CLOCK=1.");
      if (!Number.isSafeInteger(offsetMs) || offsetMs < 0 || offsetMs > maxOffsetMs) {
        throw new RangeError(`The clock's offset must be a whole number of milliseconds from 0 to ${maxOffsetMs}.`);
      }
      offset = offsetMs;
    },
  };
}

// One per process, on globalThis: Next.js may load this module more than once (per bundle), and every
// copy must read the same offset that the test route set.
const globalForClock = globalThis as typeof globalThis & { __safariAppClock?: AppClock };

/** The process's clock, movable only when the server was started with SAFARI_TEST_CLOCK=1. */
export function appClock(): AppClock {
  globalForClock.__safariAppClock ??= createAppClock(getEnv().SAFARI_TEST_CLOCK);
  return globalForClock.__safariAppClock;
}

/** The domain's "now": real time, unless a test server's clock was moved ahead. */
export function appNow(): Date {
  return appClock().now();
}
