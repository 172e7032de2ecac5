import { expect, type APIRequestContext } from "@playwright/test";

/*
 * The second e2e server (playwright.config.ts): the same build, started with SAFARI_TEST_CLOCK=1 so its
 * clock can be moved ahead (app/api/test), and with SAFARI_JOBS=off so nothing runs on a schedule there.
 * Only e2e/reflection-journey.spec.ts uses it: a moved clock is the whole process's.
 */
export const clockServerPort = Number(process.env.E2E_PORT ?? 3210) + 2;
export const clockServerURL = `http://127.0.0.1:${clockServerPort}`;

const dayMs = 86_400_000;

/** Moves the clock server's clock `days` ahead of where it is; returns the app's new "now". */
export async function advanceClock(request: APIRequestContext, days: number): Promise<Date> {
  const response = await request.post(`${clockServerURL}/api/test/clock`, { data: { advanceMs: Math.round(days * dayMs) } });
  expect(response.status(), await response.text()).toBe(200);
  return new Date(((await response.json()) as { now: string }).now);
}

/** Puts the clock server's clock back on real time (the offset 0). */
export async function resetClock(request: APIRequestContext): Promise<void> {
  const response = await request.post(`${clockServerURL}/api/test/clock`, { data: { offsetMs: 0 } });
  expect(response.status(), await response.text()).toBe(200);
}

/** Runs one scheduled job once on the clock server, as of its clock; returns the job's figures. */
export async function runJob(request: APIRequestContext, name: string): Promise<Record<string, number>> {
  const response = await request.post(`${clockServerURL}/api/test/jobs/${name}`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { figures: Record<string, number> }).figures;
}
