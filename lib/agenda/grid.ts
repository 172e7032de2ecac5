import { nextDay, startOfDayIn } from "@/lib/time/zones";

/*
 * The agenda's days: calendar dates ("2026-03-29") counted with plain date arithmetic, and turned into
 * instants only at the edges, in the viewer's zone. A day is [its first instant, the next day's first
 * instant), so a day the clocks change on is 23 or 25 hours long and nothing shifts. Pure.
 */
export type AgendaView = "week" | "month";

export type AgendaGrid = {
  view: AgendaView;
  /** Every day shown, in order: a week Monday to Sunday, a month its first to its last day. */
  days: string[];
  /** The instants the days cover, [start, end). */
  start: Date;
  end: Date;
  /** The dates the previous and next links open. */
  previous: string;
  next: string;
};

const parts = (day: string) => day.split("-").map(Number) as [number, number, number];
const utcDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** `day` moved by `days` (either sign). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return utcDay(y, m, d + days);
}

/** Monday 1 … Sunday 7. */
export function isoWeekday(day: string): number {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

/** The same day of the month `months` away, or that month's last day when it has no such day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return utcDay(y, m + months, Math.min(d, lastDay));
}

export function agendaGrid(view: AgendaView, date: string, zone: string): AgendaGrid {
  let days: string[];
  if (view === "week") {
    const monday = addDays(date, 1 - isoWeekday(date));
    days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  } else {
    const [y, m] = parts(date);
    const first = utcDay(y, m, 1);
    const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
    days = Array.from({ length }, (_, i) => addDays(first, i));
  }
  return {
    view,
    days,
    start: startOfDayIn(days[0]!, zone),
    end: startOfDayIn(nextDay(days.at(-1)!), zone),
    previous: view === "week" ? addDays(date, -7) : addMonths(date, -1),
    next: view === "week" ? addDays(date, 7) : addMonths(date, 1),
  };
}

/**
 * The entries of each day, in the viewer's zone: an entry is on every day it touches (one that runs past
 * midnight is on both days), in order of start.
 */
export function entriesByDay<E extends { startAt: Date; endAt: Date }>(entries: readonly E[], days: readonly string[], zone: string): Map<string, E[]> {
  const sorted = [...entries].sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
  const byDay = new Map<string, E[]>();
  for (const day of days) {
    const start = startOfDayIn(day, zone).getTime();
    const end = startOfDayIn(nextDay(day), zone).getTime();
    byDay.set(
      day,
      sorted.filter((entry) => entry.startAt.getTime() < end && entry.endAt.getTime() > start),
    );
  }
  return byDay;
}

/** How many entries a day shows before "N more": a month's cells stay small, a week's days readable. */
export const shownPerDay: Record<AgendaView, number> = { week: 12, month: 3 };

/** The weeks of a month view, Monday first, with null for the days before the 1st and after the last. */
export function monthWeeks(days: readonly string[]): (string | null)[][] {
  const cells: (string | null)[] = [...Array<null>(isoWeekday(days[0]!) - 1).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}
