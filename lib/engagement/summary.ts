import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import type { seniorities } from "@/db/schema";
import { quarterContaining } from "@/lib/time/zones";

/*
 * Pure shaping for the leadership-engagement summary: quarters, shares and the small-group rule.
 * The counting itself happens in SQL (data.ts).
 */

export type Quarter = { key: string; label: string; start: Date; end: Date };

/** Groups smaller than this are never shown on their own (PRODUCT.md). */
export const minGroupSize = 5;

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

export type GroupRow = { label: string; executives: number; withContact: number; share: number | null };
export type GroupTable = { rows: GroupRow[]; hiddenExecutives: number };

/**
 * Executives by group with the share that had customer contact. A group under `minGroupSize` is not
 * shown on its own: small groups are merged into `otherLabel`. While that merge is still too small,
 * the smallest shown group joins it too, because the total minus the shown rows would otherwise give
 * the small groups away; when even everything together is too small, it is left out and only counted
 * in `hiddenExecutives`.
 */
export function groupShares(members: { group: string; hasContact: boolean }[], otherLabel: string): GroupTable {
  const byGroup = new Map<string, { executives: number; withContact: number }>();
  for (const member of members) {
    const group = byGroup.get(member.group) ?? { executives: 0, withContact: 0 };
    group.executives += 1;
    if (member.hasContact) group.withContact += 1;
    byGroup.set(member.group, group);
  }
  const shown = [...byGroup].filter(([, group]) => group.executives >= minGroupSize);
  const other = { executives: 0, withContact: 0 };
  for (const [, group] of byGroup) {
    if (group.executives >= minGroupSize) continue;
    other.executives += group.executives;
    other.withContact += group.withContact;
  }
  // Smallest first (then by name), so the fewest executives lose their own row.
  shown.sort(([a, x], [b, y]) => x.executives - y.executives || a.localeCompare(b));
  while (other.executives > 0 && other.executives < minGroupSize && shown.length > 0) {
    const [, group] = shown.shift()!;
    other.executives += group.executives;
    other.withContact += group.withContact;
  }
  const rows: GroupRow[] = shown
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, group]) => ({ label, ...group, share: percent(group.withContact, group.executives) }));
  if (other.executives >= minGroupSize) {
    rows.push({ label: otherLabel, ...other, share: percent(other.withContact, other.executives) });
    return { rows, hiddenExecutives: 0 };
  }
  return { rows, hiddenExecutives: other.executives };
}

export const seniorityLabels: Record<(typeof seniorities)[number], string> = {
  c_level: "C-level",
  vp: "VP",
  director: "Director",
};

export const noProfileLabel = "No profile yet";

export type ExecutiveExposure = {
  id: string;
  name: string;
  department: string | null;
  seniority: (typeof seniorities)[number] | null;
  safaris: number;
  hours: number;
};

export type EngagementFigures = {
  executives: ExecutiveExposure[];
  reflections: number;
  emotions: { emotion: string; count: number; averageIntensity: number }[];
  commitments: { made: number; open: number; done: number; overdue: number };
};

/** The summary's figures, shaped for the page: totals, shares, and groups with the small-group rule applied. */
export function shapeSummary(figures: EngagementFigures) {
  const { executives } = figures;
  const withContact = executives.filter((executive) => executive.safaris > 0);
  return {
    executives: { total: executives.length, withContact: withContact.length, label: shareLabel(withContact.length, executives.length) },
    hours: executives.reduce((sum, executive) => sum + executive.hours, 0),
    reflections: figures.reflections,
    emotions: figures.emotions,
    commitments: figures.commitments,
    byDepartment: groupShares(
      executives.map((executive) => ({ group: executive.department ?? noProfileLabel, hasContact: executive.safaris > 0 })),
      "Other departments (merged)",
    ),
    bySeniority: groupShares(
      executives.map((executive) => ({
        group: executive.seniority ? seniorityLabels[executive.seniority] : noProfileLabel,
        hasContact: executive.safaris > 0,
      })),
      "Other seniority levels (merged)",
    ),
    notOutYet: executives
      .filter((executive) => executive.safaris === 0)
      .map((executive) => ({ id: executive.id, name: executive.name, department: executive.department ?? noProfileLabel }))
      .sort((a, b) => a.department.localeCompare(b.department) || a.name.localeCompare(b.name)),
  };
}

export type EngagementSummary = ReturnType<typeof shapeSummary>;
