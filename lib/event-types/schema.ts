/*
 * What forms and pages need to know about the catalogue of safari types (event_types), free of database
 * code so client forms can use it: the choices, and the rule that a type's seat limit holds.
 */

/** One type as forms see it. */
export type TypeChoice = {
  key: string;
  name: string;
  defaultDurationMinutes: number;
  defaultSeats: number;
  /** No event of this type may have more seats (null: only the app-wide limit). */
  maxSeats: number | null;
  lateWithdrawalHours: number;
  guidance: string;
  archived: boolean;
};

/** Select options for the types still offered (archived ones only where an event already has one). */
export function typeOptions(types: readonly TypeChoice[], keep?: string) {
  return types.filter((type) => !type.archived || type.key === keep).map((type) => ({ value: type.key, label: type.name }));
}

/** The name of `key`, or the key itself for a type no longer in the list. */
export function typeName(types: readonly TypeChoice[], key: string): string {
  return types.find((type) => type.key === key)?.name ?? key;
}

/** Why `seats` is too many for `type`, or null. */
export function seatsProblem(type: TypeChoice | undefined, seats: number): string | null {
  if (!type || type.maxSeats === null || seats <= type.maxSeats) return null;
  return `A ${type.name.toLowerCase()} takes at most ${type.maxSeats} executive${type.maxSeats === 1 ? "" : "s"}.`;
}
