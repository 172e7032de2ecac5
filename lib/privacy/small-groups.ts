/*
 * The one privacy rule for every figure about people (PRODUCT.md): no figure rests on fewer than five
 * distinct people, and no such group can be worked out by subtracting the figures that are shown from a
 * total. Figures carry the set of people they rest on (ids), never just a count, so that merged groups
 * are unions: one person in two small groups still counts once.
 */

export const minGroupSize = 5;

/** What the page says in place of a figure that rests on too few people. */
export const notShownText = `Not shown: fewer than ${minGroupSize} people`;

export type People = ReadonlySet<string>;

/**
 * Whether a figure resting on `people` may be shown. Nobody counts as too few as well: a zero next to
 * a hidden figure would tell which small groups are empty.
 */
export function showFigure(people: Iterable<string>): boolean {
  return (people instanceof Set ? people : new Set(people)).size >= minGroupSize;
}

/** A figure, or the fact that it is not shown. */
export type Guarded<T> = { shown: true; value: T } | { shown: false };

export function guardFigure<T>(people: Iterable<string>, value: T): Guarded<T> {
  return showFigure(people) ? { shown: true, value } : { shown: false };
}

/** One row of a breakdown: its label, the distinct people it rests on, and its aggregate. */
export type Group<V> = { label: string; people: People; value: V };

/**
 * Rows from contributions (the people behind one item adding to one group: often a single person),
 * merging what falls in the same group.
 */
export function groupContributions<T, V>(
  items: readonly T[],
  by: { label: (item: T) => string; people: (item: T) => Iterable<string>; value: (item: T) => V; merge: (a: V, b: V) => V },
): Group<V>[] {
  const groups = new Map<string, { people: Set<string>; value: V }>();
  for (const item of items) {
    const label = by.label(item);
    const group = groups.get(label);
    if (group) {
      for (const person of by.people(item)) group.people.add(person);
      group.value = by.merge(group.value, by.value(item));
    } else {
      groups.set(label, { people: new Set(by.people(item)), value: by.value(item) });
    }
  }
  return [...groups].map(([label, group]) => ({ label, ...group }));
}

export type SuppressedTable<V> = {
  /** Every row rests on at least `minGroupSize` people; the merged one, if any, comes last. */
  rows: Group<V>[];
  /** Some people are in no row, because even all groups together were too few to show. */
  incomplete: boolean;
};

/**
 * Applies the rule to a breakdown. Groups under `minGroupSize` are merged into one row, `otherLabel`.
 * While that merge is still too small, the smallest shown group joins it too, because a total minus the
 * shown rows would otherwise give the small groups away; when even everything together is too small,
 * nothing is shown. Shown groups keep their input order. `merge` combines two aggregates (sums add up,
 * an average must be carried as sum and count).
 */
export function suppressSmallGroups<V>(groups: readonly Group<V>[], options: { otherLabel: string; merge: (a: V, b: V) => V }): SuppressedTable<V> {
  const merged = groups.filter((group) => !showFigure(group.people));
  // Smallest first (then by label), so the fewest people lose their own row.
  const candidates = groups
    .filter((group) => showFigure(group.people))
    .sort((a, b) => a.people.size - b.people.size || a.label.localeCompare(b.label));
  while (merged.length > 0 && !showFigure(union(merged)) && candidates.length > 0) merged.push(candidates.shift()!);

  const rows = groups.filter((group) => showFigure(group.people) && !merged.includes(group));
  if (merged.length === 0) return { rows, incomplete: false };
  const people = union(merged);
  if (!showFigure(people)) return { rows: [], incomplete: true };
  return { rows: [...rows, { label: options.otherLabel, people, value: merged.map((group) => group.value).reduce(options.merge) }], incomplete: false };
}

function union(groups: readonly Group<unknown>[]): Set<string> {
  return new Set(groups.flatMap((group) => [...group.people]));
}
