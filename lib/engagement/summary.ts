import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import type { JourneyStage, MomentKind, Seniority } from "@/db/enums";
import { seniorityLabels } from "@/lib/people/labels";
import { groupContributions, guardFigure, suppressSmallGroups, type Group, type Guarded } from "@/lib/privacy/small-groups";
import { journeyStageLabel } from "@/lib/reflections/labels";
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

/** "+0.7 points": an empathy shift on the 1–7 items, signed so that a fall reads as one. */
export function formatShift(shift: number): string {
  const points = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(shift);
  return `${points} points`;
}

/** "3.4 of 5". */
export function formatOutOfFive(score: number): string {
  return `${score.toFixed(1)} of 5`;
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
  /**
   * Empathy shift and surprise score of the period's reflections their authors let count, per author
   * (only authors who rated at least one): sums and how many reflections were rated.
   */
  scores: { authorId: string; shiftSum: number; shiftCount: number; surpriseSum: number; surpriseCount: number }[];
  /** Moments their authors let count, per kind and journey stage (moments without a stage are no theme), with their distinct authors. */
  themes: { kind: MomentKind; stage: JourneyStage; authorIds: string[]; moments: number }[];
  /** Commitments of the period whose loop was closed, per owner, and of those how many told the customer and the frontline host. */
  loops: { ownerId: string; closed: number; customerTold: number; frontlineTold: number }[];
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

/** An average over reflections and the distinct people who wrote them. */
export type Average = { average: number; people: number };

/**
 * The average of one score over every rated reflection (not per person: someone out three times weighs
 * three times), shown only when at least five people rated it. Only the number of people is given, not
 * of reflections: "Reflections written" minus that count would tell how many were private or unrated.
 */
export function averageScore(scores: EngagementFigures["scores"], sum: "shiftSum" | "surpriseSum", count: "shiftCount" | "surpriseCount"): Guarded<Average> {
  const rated = scores.filter((row) => row[count] > 0);
  const total = rated.reduce((all, row) => all + row[count], 0);
  return guardFigure(
    rated.map((row) => row.authorId),
    { average: rated.reduce((all, row) => all + row[sum], 0) / Math.max(total, 1), people: rated.length },
  );
}

/** The most themes shown per kind; the other stages that may be shown join the merged row. */
export const topThemeCount = 5;
export const otherStagesLabel = "Other stages (merged)";

/**
 * The journey stages with the most moments of one kind: each row rests on the distinct authors of its
 * moments. Stages under five people are merged as in every breakdown (lib/privacy), and stages beyond the
 * top five go into that same merged row, so that it stays the rest of the stages that were counted.
 */
export function themeRows(themes: EngagementFigures["themes"], kind: MomentKind) {
  const add = (a: number, b: number) => a + b;
  const groups = groupContributions(
    themes.filter((row) => row.kind === kind),
    { label: (row) => journeyStageLabel(row.stage), people: (row) => row.authorIds, value: (row) => row.moments, merge: add },
  ).sort((a, b) => b.value - a.value || b.people.size - a.people.size || a.label.localeCompare(b.label));
  const table = suppressSmallGroups(groups, { otherLabel: otherStagesLabel, merge: add });
  const own = table.rows.filter((row) => row.label !== otherStagesLabel);
  const rest = [...own.slice(topThemeCount), ...table.rows.filter((row) => row.label === otherStagesLabel)];
  const other: Group<number>[] = rest.length
    ? [{ label: otherStagesLabel, people: new Set(rest.flatMap((row) => [...row.people])), value: rest.reduce((all, row) => all + row.value, 0) }]
    : [];
  return {
    rows: [...own.slice(0, topThemeCount), ...other].map(({ label, people, value }) => ({ label, moments: value, people: people.size })),
    incomplete: table.incomplete,
  };
}

/**
 * A part of a total that is shown (loops closed of the commitments made, customers told of the loops
 * closed): shown only when the part rests on five people and the rest, which subtracting it from the
 * total would give, is nothing or rests on five as well. That is the rule's own merge of a two-row
 * breakdown: were the rest too few, it would take the part in with it.
 */
function partOf(part: { people: string[]; count: number }, ...rests: { people: string[] }[]): Guarded<number> {
  const label = "part";
  return rests.every((rest) => {
    const groups: Group<number>[] = [{ label, people: new Set(part.people), value: part.count }];
    if (rest.people.length) groups.push({ label: "rest", people: new Set(rest.people), value: 0 });
    return suppressSmallGroups(groups, { otherLabel: "merged", merge: (a, b) => a + b }).rows.some((row) => row.label === label);
  })
    ? { shown: true, value: part.count }
    : { shown: false };
}

/**
 * Loops closed among the commitments made, and of those, how many were told back to the customer and to
 * the frontline host. All rest on the commitments' owners. Each is a part of figures the page shows
 * ("Made", "Done", "Loops closed"), so each is shown only when what subtraction would leave is safe too.
 */
export function loopRows(commitments: EngagementFigures["commitments"], loops: EngagementFigures["loops"]) {
  const closedBy = new Map(loops.map((row) => [row.ownerId, row]));
  const owners = (test: (row: EngagementFigures["loops"][number]) => boolean) => loops.filter(test).map((row) => row.ownerId);
  const count = (key: "closed" | "customerTold" | "frontlineTold") => loops.reduce((all, row) => all + row[key], 0);
  // Per owner: commitments made and done, to find who has some not closed.
  const made = new Map<string, { made: number; done: number }>();
  for (const row of commitments) {
    const mine = made.get(row.ownerId) ?? { made: 0, done: 0 };
    mine.made += row.count;
    if (row.state === "done") mine.done += row.count;
    made.set(row.ownerId, mine);
  }
  const withOpenLoops = (key: "made" | "done") => [...made].filter(([ownerId, mine]) => mine[key] > (closedBy.get(ownerId)?.closed ?? 0)).map(([ownerId]) => ownerId);
  const closed = partOf({ people: owners((row) => row.closed > 0), count: count("closed") }, { people: withOpenLoops("made") }, { people: withOpenLoops("done") });
  const told = (key: "customerTold" | "frontlineTold") =>
    closed.shown ? partOf({ people: owners((row) => row[key] > 0), count: count(key) }, { people: owners((row) => row.closed > row[key]) }) : ({ shown: false } as const);
  return { closed, customerTold: told("customerTold"), frontlineTold: told("frontlineTold") };
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
    // Each the authors of the rated reflections.
    empathyShift: averageScore(figures.scores, "shiftSum", "shiftCount"),
    surprise: averageScore(figures.scores, "surpriseSum", "surpriseCount"),
    // Each row its moments' authors.
    ouchThemes: themeRows(figures.themes, "ouch"),
    aahThemes: themeRows(figures.themes, "aah"),
    // The owners.
    loops: loopRows(figures.commitments, figures.loops),
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
