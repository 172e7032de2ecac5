import { tz } from "@date-fns/tz";
import { addMonths } from "date-fns";
import type { EventStatus } from "@/db/enums";
import { formatInZone } from "@/lib/time/zones";

/*
 * What may happen to an event, and when: the one place pages, components and mutations ask. Pure (no
 * database, no clock): callers pass the event and "now". Mutations ask while holding the event's row lock,
 * so the answer cannot change before they write.
 *
 * The lifecycle is draft → published → completed, or → cancelled:
 * - A draft is nobody's business yet, so it may be edited and cancelled at any time (a draft whose start
 *   has passed can be moved to a new time); it may be published only while its start is ahead and within
 *   the limits below.
 * - A published event may be edited or cancelled only before it starts. Once started it can only be
 *   completed, and only once it has ended: what happened there (attendance, reflections) stays true.
 * - Completed and cancelled are final.
 */

export type EventLimits = {
  /** How far ahead a start may lie, in calendar months counted in the event's zone. */
  maxMonthsAhead: number;
  /** How long an event may last, in elapsed hours (a night with a clock change counts as it is lived). */
  maxDurationHours: number;
};

export type Verdict = { ok: true } | { ok: false; why: string };
export type LifecycleAction = "publish" | "edit" | "cancel" | "complete";

type Timed = { status: EventStatus; startAt: Date; endAt: Date; timeZone: string };

const ok: Verdict = { ok: true };
const no = (why: string): Verdict => ({ ok: false, why });

/** Attendance can be recorded from this long before the start: executives arrive early. */
export const checkInOpensMinutesBefore = 60;

export const hasStarted = (event: { startAt: Date }, now: Date) => now.getTime() >= event.startAt.getTime();
export const hasEnded = (event: { endAt: Date }, now: Date) => now.getTime() >= event.endAt.getTime();

const statusWords: Record<EventStatus, string> = { draft: "a draft", published: "published", completed: "completed", cancelled: "cancelled" };
const when = (instant: Date, zone: string) => formatInZone(instant, zone);

/** Why a start and end break the limits, per form field; empty when they do not. */
export function limitProblems(
  times: { startAt: Date; endAt: Date; timeZone: string },
  now: Date,
  limits: EventLimits,
): { start?: string; end?: string } {
  const problems: { start?: string; end?: string } = {};
  const latestStart = addMonths(now, limits.maxMonthsAhead, { in: tz(times.timeZone) });
  if (times.startAt.getTime() > latestStart.getTime()) {
    problems.start = `Choose a start within the next ${limits.maxMonthsAhead} months (by ${when(latestStart, times.timeZone)}).`;
  }
  const minutes = Math.round((times.endAt.getTime() - times.startAt.getTime()) / 60_000);
  if (minutes > limits.maxDurationHours * 60) {
    problems.end = `A safari can last at most ${limits.maxDurationHours} hours; from this start to this end is ${duration(minutes)}.`;
  }
  return problems;
}

function duration(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  const hours = plural(Math.floor(minutes / 60), "hour");
  return minutes % 60 === 0 ? hours : `${hours} ${plural(minutes % 60, "minute")}`;
}

export function publishVerdict(event: Timed, now: Date, limits: EventLimits): Verdict {
  if (event.status !== "draft") return no(`Only a draft can be published; this safari is ${statusWords[event.status]}.`);
  if (hasStarted(event, now)) return no("This draft's start has passed: move it to a new time before publishing it.");
  const problems = limitProblems(event, now, limits);
  const problem = problems.start ?? problems.end;
  if (problem) return no(`Edit the times before publishing: ${problem}`);
  return ok;
}

export function editVerdict(event: Timed, now: Date): Verdict {
  if (event.status === "draft") return ok;
  if (event.status === "published") {
    return hasStarted(event, now)
      ? no("This safari has started, so it can no longer be changed. Mark it completed once it has ended.")
      : ok;
  }
  return no(`This safari is ${statusWords[event.status]} and can no longer be changed.`);
}

/** Editing may not move a published event to a start that has already come: sign-up would close behind its executives' backs. */
export function moveVerdict(event: Timed, newStartAt: Date, now: Date): Verdict {
  const editable = editVerdict(event, now);
  if (!editable.ok) return editable;
  if (event.status === "published" && hasStarted({ startAt: newStartAt }, now)) {
    return no("A published safari can only be moved to a start that is still ahead.");
  }
  return ok;
}

export function cancelVerdict(event: Timed, now: Date): Verdict {
  if (event.status === "draft") return ok;
  if (event.status === "published") {
    return hasStarted(event, now)
      ? no("This safari has started, so it can no longer be cancelled. Mark it completed once it has ended.")
      : ok;
  }
  return no(`This safari is ${statusWords[event.status]} and can no longer be cancelled.`);
}

export function completeVerdict(event: Timed, now: Date): Verdict {
  if (event.status !== "published") return no(`Only a published safari can be marked completed; this one is ${statusWords[event.status]}.`);
  if (!hasEnded(event, now)) return no(`It can be marked completed once it has ended (${when(event.endAt, event.timeZone)}).`);
  return ok;
}

/** Every lifecycle step at once, for the buttons of the organizer's event page. */
export function lifecycle(event: Timed, now: Date, limits: EventLimits): Record<LifecycleAction, Verdict> {
  return {
    publish: publishVerdict(event, now, limits),
    edit: editVerdict(event, now),
    cancel: cancelVerdict(event, now),
    complete: completeVerdict(event, now),
  };
}

/** Executives may sign up (or withdraw) while the event is published and has not started. */
export function signUpIsOpen(event: { status: EventStatus; startAt: Date }, now: Date): boolean {
  return event.status === "published" && !hasStarted(event, now);
}

/** Attendance can be recorded from an hour before the start, for published or completed events. */
export function checkInVerdict(event: { status: EventStatus; startAt: Date }, now: Date): Verdict {
  if (event.status !== "published" && event.status !== "completed") {
    return no("Attendance can only be recorded for published or completed safaris.");
  }
  if (now.getTime() < event.startAt.getTime() - checkInOpensMinutesBefore * 60_000) return no("Check-in opens an hour before the start.");
  return ok;
}

export const checkInIsOpen = (event: { status: EventStatus; startAt: Date }, now: Date) => checkInVerdict(event, now).ok;
