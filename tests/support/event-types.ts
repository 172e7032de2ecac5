import type { TypeChoice } from "@/lib/event-types/schema";

/*
 * The built-in catalogue as migration 0010 writes it, for unit tests of forms that take the catalogue.
 * tests/integration/event-types.test.ts checks that a migrated database holds exactly these.
 */
const type = (key: string, name: string, defaultDurationMinutes: number, defaultSeats: number, maxSeats: number | null): TypeChoice => ({
  key,
  name,
  defaultDurationMinutes,
  defaultSeats,
  maxSeats,
  lateWithdrawalHours: 24,
  guidance: "",
  archived: false,
});

export const builtInTypes: TypeChoice[] = [
  type("call_listening", "Call listening", 60, 2, null),
  type("customer_breakfast", "Customer breakfast", 120, 4, null),
  type("service_desk_day", "Service-desk day", 480, 1, null),
  type("customer_event", "Customer event", 180, 6, null),
  type("home_visit", "Home visit", 120, 1, 2),
  type("store_visit", "Store / field visit", 180, 2, null),
  type("other", "Other", 120, 2, null),
];

export const builtInTypeKeys = builtInTypes.map((t) => t.key);
