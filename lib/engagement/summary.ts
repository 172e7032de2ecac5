import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import type { Seniority } from "@/db/enums";
import { seniorityLabels } from "@/lib/people/labels";
import { groupContributions, guardFigure, suppressSmallGroups } from "@/lib/privacy/small-groups";
import { emotionLabel } from "@/lib/reflections/schema";
import { quarterContaining } from "@/lib/time/zones";

/*
 * Pure shaping for the leadership-engagement summary: quarters, shares, and every figure passed through
 * the small-group rule of lib/privacy. The counting itself happens in SQL (data.ts).
 */

export type Quarter = { key: string; label: string; start: Date; end: Date };

const quarterKeySchema = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/)
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= 2000 && year <= 2100;
  });

/** The quarter named "2026-Q3", counted in `zone`, or null for anything else. */
export function parseQuarter(value: unknown, zone: string): Quarter | null {
  const parsed = quarterKeySchema.safeParse(value);
  if (!parsed.success) return null;
  const year = Number(parsed.data.slice(0, 4));
  const quarter = Number(parsed.data.slice(6));
  // Noon on the quarter's first day exists in every zone, whatever its clocks do at midnight.
  return currentQuarter(new TZDate(year, (quarter - 1) * 3, 1, 12, 0, zone), zone);
}

/** The quarter that contains `instant` in `zone`. */
export function currentQuarter(instant: Date, zone: string): Quarter {
  const { start, end, label } = quarterContaining(instant, zone);
  const [quarter, year] = label.split(" ") as [string, string];
  return { key: `${year}-${quarter}`, label, start, end };
}

/**
 * The quarter a `?quarter=` parameter asks for; when missing, the current one, and when unreadable,
 * the current one with a message saying so.
 */
export function resolveQuarter(value: unknown, now: Date, zone: string): { quarter: Quarter; problem: string | null } {
  if (value === undefined || value === "") return { quarter: currentQuarter(now, zone), problem: null };
  const quarter = parseQuarter(value, zone);
  if (quarter) return { quarter, problem: null };
  return {
    quarter: currentQuarter(now, zone),
    problem: `“${String(value).slice(0, 40)}” is not a quarter we know (write it like 2026-Q3), so this is the current quarter.`,
  };
}

/** The quarter picker's choices: the current quarter and the ones before it, newest first, plus `selected` if older. */
export function quarterChoices(now: Date, zone: string, selected: Quarter, count = 8): Quarter[] {
  const quarters = [currentQuarter(now, zone)];
  while (quarters.length < count) {
    const previous = quarters[quarters.length - 1]!;
    quarters.push(currentQuarter(new Date(previous.start.getTime() - 1), zone));
  }
  return quarters.some((quarter) => quarter.key === selected.key) ? quarters : [selected, ...quarters];
}

/** A whole percentage, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}

/** "7 of 12 executives (58 %)". */
export function shareLabel(part: number, whole: number): string {
  const share = percent(part, whole);
  return `${part} of ${whole} executive${whole === 1 ? "" : "s"}${share === null ? "" : ` (${share} %)`}`;
}

export function formatHours(hours: number): string {
  return `${new Intl.NumberFormat("en", { maximumFractionDigits: 1 }).format(hours)} h`;
}

const departmentsOther = "Other departments (merged)";
const senioritiesOther = "Other seniority levels (merged)";

export const noProfileLabel = "No profile yet";

/** Commitments by where they stand: open ones split at their due date, so the four add up to all made. */
export const commitmentStates = ["done", "open", "overdue", "dropped"] as const;
export type CommitmentState = (typeof commitmentStates)[number];

export const commitmentStateLabels: Record<CommitmentState, string> = {
  done: "Done",
  open: "Open, not yet due",
  overdue: "Overdue (open, past due)",
  dropped: "Dropped",
};

export type ExecutiveExposure = {
  id: string;
  department: string | null;
  seniority: Seniority | null;
  safaris: number;
  hours: number;
};

/** What data.ts counts for a period, per person, so that every figure knows whom it rests on. */
export type EngagementFigures = {
  executives: ExecutiveExposure[];
  /** Reflections on the period's safaris, per author. */
  reflections: { authorId: string; count: number }[];
  /** Emotions from reflections their authors let count, per emotion, with the distinct people who reported it. */
  emotions: { emotion: string; authorIds: string[]; reports: number; intensitySum: number }[];
  /** Commitments made on the period's reflections, per owner and state. */
  commitments: { ownerId: string; state: CommitmentState; count: number }[];
};

export type GroupRow = { label: string; executives: number; withContact: number; share: number | null };
export type GroupTable = { rows: GroupRow[]; incomplete: boolean };

/** Executives by group with the share that had customer contact, under the small-group rule. */
export function groupShares(members: { id: string; group: string; hasContact: boolean }[], otherLabel: string): GroupTable {
  const groups = groupContributions<(typeof members)[number], number>(members, {
    label: (member) => member.group,
    people: (member) => [member.id],
    value: (member) => (member.hasContact ? 1 : 0),
    merge: (a, b) => a + b,
  }).sort((a, b) => a.label.localeCompare(b.label));
  const table = suppressSmallGroups(groups, { otherLabel, merge: (a: number, b: number) => a + b });
  return {
    rows: table.rows.map(({ label, people, value }) => ({ label, executives: people.size, withContact: value, share: percent(value, people.size) })),
    incomplete: table.incomplete,
  };
}

type Intensities = { reports: number; intensitySum: number };
const addIntensities = (a: Intensities, b: Intensities): Intensities => ({ reports: a.reports + b.reports, intensitySum: a.intensitySum + b.intensitySum });

/** Emotions by the distinct people who reported them; a merged row averages over all its reports. */
export function emotionRows(emotions: EngagementFigures["emotions"]) {
  const groups = groupContributions(emotions, {
    label: (row) => emotionLabel(row.emotion),
    people: (row) => row.authorIds,
    value: ({ reports, intensitySum }) => ({ reports, intensitySum }),
    merge: addIntensities,
  }).sort((a, b) => b.people.size - a.people.size || a.label.localeCompare(b.label));
  const table = suppressSmallGroups(groups, { otherLabel: "Other emotions (merged)", merge: addIntensities });
  return {
    rows: table.rows.map(({ label, people, value }) => ({ label, people: people.size, averageIntensity: value.intensitySum / value.reports })),
    incomplete: table.incomplete,
  };
}

/** Commitments made, and by state, each resting on the distinct people who own them. */
export function commitmentRows(commitments: EngagementFigures["commitments"]) {
  const order = (label: string) => commitmentStates.findIndex((state) => commitmentStateLabels[state] === label);
  const groups = groupContributions(commitments, {
    label: (row) => commitmentStateLabels[row.state],
    people: (row) => [row.ownerId],
    value: (row) => row.count,
    merge: (a, b) => a + b,
  }).sort((a, b) => order(a.label) - order(b.label));
  const otherLabel = "Other states (merged)";
  const table = suppressSmallGroups(groups, { otherLabel, merge: (a, b) => a + b });
  // Everything merged into one row only repeats "Made": then there is no breakdown to show.
  const merged = table.rows.length === 1 && table.rows[0]!.label === otherLabel;
  return {
    made: guardFigure(
      commitments.map((row) => row.ownerId),
      commitments.reduce((sum, row) => sum + row.count, 0),
    ),
    rows: merged ? [] : table.rows.map(({ label, value }) => ({ label, count: value, overdue: label === commitmentStateLabels.overdue })),
    incomplete: table.incomplete || merged,
  };
}

/**
 * The summary's figures, shaped for the page with the small-group rule (lib/privacy) applied to every
 * one: each rests on the distinct people named beside it below.
 */
export function shapeSummary(figures: EngagementFigures) {
  const { executives } = figures;
  const withContact = executives.filter((executive) => executive.safaris > 0);
  return {
    // The executives counted.
    executives: guardFigure(
      executives.map((executive) => executive.id),
      { total: executives.length, withContact: withContact.length, label: shareLabel(withContact.length, executives.length) },
    ),
    // The people who attended.
    hours: guardFigure(
      withContact.map((executive) => executive.id),
      withContact.reduce((sum, executive) => sum + executive.hours, 0),
    ),
    // Their authors.
    reflections: guardFigure(
      figures.reflections.map((row) => row.authorId),
      figures.reflections.reduce((sum, row) => sum + row.count, 0),
    ),
    emotions: emotionRows(figures.emotions),
    commitments: commitmentRows(figures.commitments),
    byDepartment: groupShares(
      executives.map((executive) => ({ id: executive.id, group: executive.department ?? noProfileLabel, hasContact: executive.safaris > 0 })),
      departmentsOther,
    ),
    bySeniority: groupShares(
      executives.map((executive) => ({
        id: executive.id,
        group: executive.seniority ? seniorityLabels[executive.seniority] : noProfileLabel,
        hasContact: executive.safaris > 0,
      })),
      senioritiesOther,
    ),
  };
}

export type EngagementSummary = ReturnType<typeof shapeSummary>;
