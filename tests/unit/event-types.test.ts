import { describe, expect, it } from "vitest";
import { newEventDefaults } from "@/lib/event-types/defaults";
import { seatsProblem, typeName, typeOptions } from "@/lib/event-types/schema";
import type { EventLimits } from "@/lib/events/rules";
import { eventEditSchema, eventFormSchema } from "@/lib/events/schema";
import { fieldErrorsOf } from "@/lib/forms";
import { builtInTypes } from "../support/event-types";

const homeVisit = builtInTypes.find((type) => type.key === "home_visit")!;
const limits: EventLimits = { maxMonthsAhead: 24, maxDurationHours: 24 };

describe("a new event starts from its type", () => {
  it("with the type's seats and guidance, tomorrow at 09:00 in the organizer's zone, as long as the type usually lasts", () => {
    const type = { ...homeVisit, guidance: "Observe, don't interrupt; ask at the end." };
    expect(newEventDefaults(type, new Date("2026-06-10T20:00:00Z"), "Europe/Berlin")).toEqual({
      type: "home_visit",
      title: "",
      briefing: "Observe, don't interrupt; ask at the end.",
      location: "",
      start: "2026-06-11T09:00",
      end: "2026-06-11T11:00",
      timeZone: "Europe/Berlin",
      seats: "1",
      videoUrl: "",
      meetingContact: "",
      frontlineName: "",
      frontlineRole: "",
    });
  });

  it("counts tomorrow in the organizer's zone, and the length in elapsed time across a clock change", () => {
    // 23:30 on Saturday in New York is already Sunday in UTC; Sunday 8 March 2026 springs forward at 02:00.
    const saturdayNight = new Date("2026-03-08T04:30:00Z");
    const overnight = { ...homeVisit, defaultDurationMinutes: 24 * 60 };
    expect(newEventDefaults(overnight, new Date("2026-03-07T04:30:00Z"), "America/New_York")).toMatchObject({ start: "2026-03-07T09:00", end: "2026-03-08T10:00" });
    expect(newEventDefaults(homeVisit, saturdayNight, "America/New_York")).toMatchObject({ start: "2026-03-08T09:00", end: "2026-03-08T11:00" });
  });
});

describe("the event form and the catalogue", () => {
  const now = new Date("2026-01-15T10:00:00Z");
  const valid = {
    type: "home_visit",
    title: "A family of five and one Wi-Fi network",
    briefing: "",
    location: "Berlin-Pankow",
    start: "2026-03-20T15:00",
    end: "2026-03-20T17:00",
    timeZone: "Europe/Berlin",
    seats: "2",
  };
  const errorsOf = (schema: ReturnType<typeof eventFormSchema> | ReturnType<typeof eventEditSchema>, input: Record<string, string>) => {
    const parsed = schema.safeParse(input);
    return parsed.success ? {} : fieldErrorsOf(parsed.error);
  };

  it("refuses more seats than the type allows, saying how many it takes", () => {
    expect(eventFormSchema(limits, now, builtInTypes).safeParse(valid).success).toBe(true);
    expect(errorsOf(eventFormSchema(limits, now, builtInTypes), { ...valid, seats: "3" })).toEqual({ seats: ["A home visit takes at most 2 executives."] });
    expect(seatsProblem(builtInTypes.find((type) => type.key === "customer_event"), 400)).toBeNull();
  });

  it("offers and accepts only types still offered, but lets an event keep its archived type", () => {
    const archived = builtInTypes.map((type) => (type.key === "home_visit" ? { ...type, archived: true } : type));
    expect(errorsOf(eventFormSchema(limits, now, archived), valid)).toEqual({ type: ["Choose the type of safari from the list."] });
    expect(errorsOf(eventFormSchema(limits, now, archived), { ...valid, type: "space_walk" })).toEqual({ type: ["Choose the type of safari from the list."] });
    const edit = { ...valid, eventId: "7c9e6679-7425-40de-944b-e07fc1f90ae7" };
    expect(errorsOf(eventEditSchema(limits, now, archived, "home_visit"), edit)).toEqual({});
    expect(errorsOf(eventEditSchema(limits, now, archived, "call_listening"), edit)).toEqual({ type: ["Choose the type of safari from the list."] });
    expect(typeOptions(archived).map((option) => option.value)).not.toContain("home_visit");
    expect(typeOptions(archived, ["home_visit"]).map((option) => option.value)).toContain("home_visit");
    expect(typeName(archived, "home_visit")).toBe("Home visit");
    expect(typeName(archived, "gone")).toBe("gone");
  });
});
