import { meetsNewPersona } from "./objective";
import type { Prepared, PreparedEvent, PreparedExecutive } from "./prepare";
import { staticBlock, staticBlocks, type StaticBlock } from "./rules";
import type { Unplaced, UnplacedReason } from "./types";

/* Short human reasons, for the organizer who reviews the proposal. */

const typeName = (type: string) => type.replaceAll("_", " ");

function contactPhrase(executive: PreparedExecutive): string {
  if (executive.daysWithoutContact === null) return "no customer contact yet";
  if (executive.daysWithoutContact === 1) return "no customer contact for 1 day";
  return `no customer contact for ${executive.daysWithoutContact} days`;
}

/**
 * Why this executive at this event, e.g. "no customer contact for 143 days; first time with persona 'Young families'".
 * `bringsDepartment` is true for one executive of a department new at the table: the objective counts a
 * department once per event, so the reason names it once too.
 */
export function explainPlacement(executive: PreparedExecutive, event: PreparedEvent, bringsDepartment: boolean): string {
  const parts = [contactPhrase(executive)];
  if (meetsNewPersona(executive, event)) {
    const persona = event.personaIds.find((id) => !executive.personasMet.has(id))!;
    parts.push(`first time with persona '${event.personaNames.get(persona)}'`);
  }
  if (!executive.typesMet.has(event.type)) parts.push(`first ${typeName(event.type)}`);
  if (executive.preferredTypes.has(event.type)) parts.push(`prefers ${typeName(event.type)}`);
  if (bringsDepartment && !event.attendeeDepartments.has(executive.department)) parts.push(`brings ${executive.department} to the table`);
  return parts.join("; ");
}

const blockReasons: Partial<Record<StaticBlock, { reason: UnplacedReason; text: (executive: PreparedExecutive) => string }>> = {
  blackout: { reason: "blackout", text: () => "a blackout covers every event in the period" },
  monthly_cap: { reason: "monthly_cap", text: (e) => `monthly cap of ${e.monthlyCap} reached in every month with an event` },
  language: { reason: "language", text: (e) => `no event in their language${e.languages.size ? ` (${[...e.languages].sort().join(", ")})` : ""}` },
  already_booked: { reason: "already_booked", text: () => "already booked at the time of every event" },
  already_on_event: { reason: "already_booked", text: () => "already on every event of the period" },
};

const blockLabels: Record<StaticBlock, string> = {
  not_proposable: "not proposable",
  already_on_event: "already on it",
  excluded: "removed by an organizer",
  language: "not in their language",
  blackout: "in a blackout",
  already_booked: "at a time they are booked",
  monthly_cap: "in a month at their cap",
};

/**
 * Why an executive below target stays short of it after the proposals; `fitting` is how many events
 * they could take at all, given what they already have booked.
 */
export function explainShortfall(p: Prepared, executive: PreparedExecutive, placed: number, fitting: number): Unplaced {
  const base = { executiveId: executive.id, missing: executive.deficit - placed };
  if (fitting > 0) {
    const clash = placed > 0 ? " or clash with their other proposals" : "";
    return { ...base, reason: "all_full", explanation: `all ${fitting} fitting event${fitting === 1 ? " is" : "s are"} full${clash}` };
  }
  const proposable = p.events.filter((event) => event.proposable);
  if (proposable.length === 0) return { ...base, reason: "no_events", explanation: "no event to propose in the period" };
  // A rule that blocks every event alone explains the shortfall, whatever else blocks some of them too.
  const all = proposable.map((event) => staticBlocks(p, executive, event));
  const everywhere = (Object.keys(blockLabels) as StaticBlock[]).find((block) => blockReasons[block] && all.every((blocks) => blocks.includes(block)));
  const only = everywhere && blockReasons[everywhere];
  if (only) return { ...base, reason: only.reason, explanation: only.text(executive) };
  const blocks = new Map<StaticBlock, number>();
  for (const event of proposable) {
    const block = staticBlock(p, executive, event)!;
    blocks.set(block, (blocks.get(block) ?? 0) + 1);
  }
  const summary = [...blocks.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([block, count]) => `${count} ${blockLabels[block]}`)
    .join(", ");
  return { ...base, reason: "several", explanation: `no event fits: ${summary}` };
}
