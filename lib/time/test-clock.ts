import "server-only";
import { z } from "zod";
import { findScheduledJob } from "@/lib/jobs/schedules";
import { appJobClock } from "@/lib/jobs/clock";
import { appClock, maxOffsetMs } from "./clock";

/*
 * What the test-only routes (app/api/test) do, on a server started with SAFARI_TEST_CLOCK=1; each route
 * answers 404 before calling these when the clock is not movable, so a normal server shows nothing of them.
 */

const offset = z.number().int().min(0).max(maxOffsetMs);

/** Either the offset itself, or a step ahead from the current one. */
export const clockMoveSchema = z.union([z.strictObject({ offsetMs: offset }), z.strictObject({ advanceMs: z.number().int().min(0).max(maxOffsetMs) })]);

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** The clock as the app reads it now. */
export function clockState(): Response {
  const clock = appClock();
  return json(200, { now: clock.now().toISOString(), offsetMs: clock.offsetMs() });
}

/** Sets or advances the clock from a JSON body; 400 with the problem for anything else. */
export async function moveClock(request: Request): Promise<Response> {
  const parsed = clockMoveSchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return json(400, { error: "Send { offsetMs } or { advanceMs }: whole milliseconds, not negative." });
  const clock = appClock();
  const target = "offsetMs" in parsed.data ? parsed.data.offsetMs : clock.offsetMs() + parsed.data.advanceMs;
  if (target > maxOffsetMs) return json(400, { error: `The clock may be at most ${maxOffsetMs} ms ahead.` });
  clock.setOffset(target);
  return clockState();
}

/** Runs one scheduled job once, now, as pg-boss's worker would (with the app's clock); its figures as JSON. */
export async function runJobOnce(name: string): Promise<Response> {
  const job = findScheduledJob(name);
  if (!job) return json(404, { error: `No scheduled job ${name}.` });
  const figures = await job.run(appJobClock);
  return json(200, { job: job.name, ranAt: appClock().now().toISOString(), figures });
}
