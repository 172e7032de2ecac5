import { describe, expect, it } from "vitest";
import { estimatedActionBodyBytes, largestField } from "@/lib/http/payload-size";

/** The body as a multipart encoder really writes it: the form's fields under "_1_", then the argument list. */
async function realBodyBytes(fields: [string, string][], previousState: unknown): Promise<number> {
  const body = new FormData();
  for (const [name, value] of fields) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([previousState, "$K1"]));
  return (await new Request("http://x/", { method: "POST", body }).arrayBuffer()).byteLength;
}

const form = (fields: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
};

describe("estimatedActionBodyBytes", () => {
  const cases: { name: string; fields: [string, string][]; state: unknown }[] = [
    { name: "an empty form", fields: [], state: { status: "idle" } },
    { name: "a sign-in", fields: [["email", "a@b.example"], ["password", "safari-demo"], ["callbackUrl", "/safaris"]], state: { status: "idle" } },
    {
      name: "an event with a long briefing in umlauts, after a failed submit that echoes it back",
      fields: [["title", "Kündigungsanrufe"], ["briefing", "Grüße aus Köln. ".repeat(320)], ["seats", "3"]],
      state: { status: "error", code: "VALIDATION", message: "Some fields need your attention.", values: { briefing: "Grüße aus Köln. ".repeat(320) } },
    },
    { name: "many small fields", fields: Array.from({ length: 200 }, (_, i) => [`f${i}`, "x"] as [string, string]), state: { status: "idle" } },
  ];

  for (const c of cases) {
    it(`never underestimates, and stays close: ${c.name}`, async () => {
      const real = await realBodyBytes(c.fields, c.state);
      const estimate = estimatedActionBodyBytes(form(c.fields), c.state);
      expect(estimate).toBeGreaterThanOrEqual(real);
      expect(estimate).toBeLessThan(real * 1.5 + 2048);
    });
  }

  it("finds the field to shorten", () => {
    expect(largestField(form([["email", "x".repeat(10)], ["password", "y"]]))).toBe("email");
    expect(largestField(new FormData())).toBeNull();
  });
});
