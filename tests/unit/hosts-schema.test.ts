import { describe, expect, it } from "vitest";
import type { EventLimits } from "@/lib/events/rules";
import { eventFormSchema } from "@/lib/events/schema";
import { validateForm } from "@/lib/forms";
import { hostFormSchema, personaFormSchema, recordConsentSchema } from "@/lib/hosts/schema";
import { hostListSchema } from "@/lib/hosts/list";
import { builtInTypes } from "../support/event-types";

/* The host, persona and consent forms, and the event form's logistics: field errors, and what is kept. */

const fieldErrors = (schema: Parameters<typeof validateForm>[0], values: Record<string, string>) => {
  const result = validateForm(schema, values);
  return result.success ? {} : result.fieldErrors;
};

describe("the host form", () => {
  it("keeps only the fields a host holds, trimmed, with empty contacts allowed", () => {
    const parsed = hostFormSchema.parse({ firstName: " Jana ", lastName: "", contactEmail: "", contactPhone: "", personaId: "", language: "de", notes: "x" });
    expect(parsed).toEqual({ firstName: "Jana", lastName: "", contactEmail: "", contactPhone: "", personaId: "", language: "de" });
  });

  it("gives a field error for a missing first name, a malformed e-mail or phone, an unknown persona id or language", () => {
    const errors = fieldErrors(hostFormSchema, { firstName: " ", contactEmail: "jana@", contactPhone: "call me", personaId: "young-families", language: "klingon" });
    expect(Object.keys(errors).sort()).toEqual(["contactEmail", "contactPhone", "firstName", "language", "personaId"]);
    expect(errors.contactPhone).toEqual(["Enter a phone number such as +49 30 5550 1234, or leave it empty."]);
    expect(fieldErrors(hostFormSchema, { firstName: "Jana", contactPhone: "+49 (30) 5550-1234", language: "el" })).toEqual({});
    expect(fieldErrors(hostFormSchema, { firstName: "Jana", contactPhone: "+1 2", language: "el" })).toHaveProperty("contactPhone");
  });
});

describe("the consent form of a host", () => {
  const schema = recordConsentSchema(["home_visit", "customer_breakfast"], "2026-07-01");

  it("parses the ticked types and names the host", () => {
    const parsed = schema.parse({ hostId: "6f1e8f9e-3f7a-4c59-9d3c-2a3f0e7b1c11", types: "home_visit\ncustomer_breakfast", givenOn: "2026-07-01", validUntil: "2027-06-30", executivesMayObserve: "on" });
    expect(parsed).toMatchObject({ types: ["home_visit", "customer_breakfast"], executivesMayObserve: true, recordingAllowed: false });
    expect(parsed.hostId).toBe("6f1e8f9e-3f7a-4c59-9d3c-2a3f0e7b1c11");
  });

  it("refuses an unknown host id beside the consent's own field errors", () => {
    const errors = fieldErrors(schema, { hostId: "nobody", types: "", givenOn: "2026-07-02", validUntil: "2026-07-02" });
    expect(Object.keys(errors).sort()).toEqual(["givenOn", "hostId", "types", "validUntil"]);
  });
});

describe("the persona form and the hosts list URL", () => {
  it("needs a name of 2 to 80 characters", () => {
    expect(fieldErrors(personaFormSchema, { name: "x" })).toHaveProperty("name");
    expect(fieldErrors(personaFormSchema, { name: "x".repeat(81) })).toHaveProperty("name");
    expect(personaFormSchema.parse({ name: " Students " })).toEqual({ name: "Students", description: "" });
  });

  it("refuses a persona filter that is not an id, and an archived filter other than 'only'", () => {
    expect(hostListSchema.safeParse({ persona: "young-families" }).success).toBe(false);
    expect(hostListSchema.safeParse({ archived: "yes" }).success).toBe(false);
    expect(hostListSchema.parse({ q: " Jana ", archived: "only" })).toMatchObject({ q: "Jana", archived: "only" });
  });
});

describe("the event form's logistics", () => {
  const limits: EventLimits = { maxMonthsAhead: 24, maxDurationHours: 24 };
  const schema = eventFormSchema(limits, new Date("2026-01-15T10:00:00Z"), builtInTypes);
  const valid = {
    type: "service_desk_day",
    title: "A day at the service desk",
    start: "2026-03-28T09:00",
    end: "2026-03-28T17:00",
    timeZone: "Europe/Berlin",
    seats: "2",
  };

  it("keeps a video link, who meets the executives and the frontline colleague, all optional", () => {
    expect(schema.parse(valid)).toMatchObject({ videoUrl: "", meetingContact: "", frontlineName: "", frontlineRole: "" });
    const parsed = schema.parse({ ...valid, videoUrl: " https://meet.example.com/abc ", meetingContact: "Anna at the desk", frontlineName: "Anna Weber", frontlineRole: "Service desk" });
    expect(parsed).toMatchObject({ videoUrl: "https://meet.example.com/abc", meetingContact: "Anna at the desk", frontlineName: "Anna Weber", frontlineRole: "Service desk" });
  });

  it("refuses a link that is not https, one with credentials, a role without a name and text over the limits", () => {
    for (const videoUrl of ["http://meet.example.com/abc", "javascript:alert(1)", "meet.example.com", "https://user:pw@meet.example.com/"]) {
      expect(fieldErrors(schema, { ...valid, videoUrl }), videoUrl).toEqual({ videoUrl: ["Enter a video link that starts with https://, or leave it empty."] });
    }
    expect(fieldErrors(schema, { ...valid, frontlineRole: "Team lead" })).toEqual({ frontlineName: ["Name the frontline colleague whose role you gave."] });
    const long = fieldErrors(schema, { ...valid, meetingContact: "x".repeat(201), frontlineName: "x".repeat(121) });
    expect(Object.keys(long).sort()).toEqual(["frontlineName", "meetingContact"]);
  });
});
