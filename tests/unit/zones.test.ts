import { describe, expect, it } from "vitest";
import { formatRangeInZone, instantToLocal, isValidTimeZone, localToInstant, quarterContaining } from "@/lib/time/zones";

describe("localToInstant", () => {
  it("reads a wall-clock time in the named zone, not the machine's", () => {
    expect(localToInstant("2026-07-01T09:00", "Europe/Berlin")?.toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(localToInstant("2026-07-01T09:00", "America/New_York")?.toISOString()).toBe("2026-07-01T13:00:00.000Z");
  });

  it("returns null for the hour skipped when clocks go forward", () => {
    expect(localToInstant("2026-03-29T02:30", "Europe/Berlin")).toBeNull();
    expect(localToInstant("2026-03-08T02:30", "America/New_York")).toBeNull();
  });

  it("takes the first of the two instants when clocks go back", () => {
    expect(localToInstant("2026-10-25T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(localToInstant("2026-11-01T01:30", "America/New_York")?.toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  it("makes the day of a DST change 23 or 25 hours long", () => {
    const hours = (a: string, b: string) => (localToInstant(b, "Europe/Berlin")!.getTime() - localToInstant(a, "Europe/Berlin")!.getTime()) / 3_600_000;
    expect(hours("2026-03-28T09:00", "2026-03-29T09:00")).toBe(23);
    expect(hours("2026-10-24T09:00", "2026-10-25T09:00")).toBe(25);
  });

  it("refuses malformed input and unknown zones", () => {
    expect(localToInstant("2026-02-30T09:00", "Europe/Berlin")).toBeNull();
    expect(localToInstant("tomorrow", "Europe/Berlin")).toBeNull();
    expect(localToInstant("2026-07-01T09:00", "Mars/Olympus_Mons")).toBeNull();
  });
});

describe("instantToLocal", () => {
  it("round-trips through a zone, on both sides of a DST change", () => {
    for (const local of ["2026-03-28T23:30", "2026-03-29T03:00", "2026-10-25T01:59", "2026-10-25T03:00"]) {
      expect(instantToLocal(localToInstant(local, "Europe/Berlin")!, "Europe/Berlin")).toBe(local);
    }
  });
});

describe("isValidTimeZone", () => {
  it("knows IANA names", () => {
    expect(isValidTimeZone("Europe/Athens")).toBe(true);
    expect(isValidTimeZone("Europe/Atlantis")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});

describe("quarterContaining", () => {
  it("counts quarters in the organisation's zone", () => {
    // 2026-03-31T22:30Z is already 1 April in Berlin.
    const q = quarterContaining(new Date("2026-03-31T22:30:00Z"), "Europe/Berlin");
    expect(q.label).toBe("Q2 2026");
    expect(q.start.toISOString()).toBe("2026-03-31T22:00:00.000Z");
    expect(q.end.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(quarterContaining(new Date("2026-03-31T22:30:00Z"), "America/New_York").label).toBe("Q1 2026");
  });
});

describe("formatRangeInZone", () => {
  it("shows one date for a same-day range, in the zone given", () => {
    const start = new Date("2026-07-01T07:00:00Z");
    const end = new Date("2026-07-01T09:30:00Z");
    expect(formatRangeInZone(start, end, "Europe/Berlin")).toBe("Wed 1 Jul 2026, 09:00–11:30 GMT+2");
  });
});
