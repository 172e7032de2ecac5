import { isRedirectError } from "next/dist/client/components/redirect-error";
import { isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { redirect } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { handleFormAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/config";
import { AppError } from "@/lib/errors/app-error";

/*
 * The action wrapper every form action goes through (lib/auth/action.ts), with the user it would have read
 * from the session handed in: the policy row, validation, error mapping, and Next's control-flow throws.
 */
const organizer: SessionUser = { id: "8f1c6a52-8a0b-4a53-9d53-0d2a8e3c1a01", email: "o@test.example", name: "Olga", role: "organizer", timeZone: "Europe/Berlin" };
const executive: SessionUser = { ...organizer, id: "8f1c6a52-8a0b-4a53-9d53-0d2a8e3c1a02", role: "executive" };

const schema = z.object({ title: z.string().trim().min(3, "At least 3 characters."), seats: z.coerce.number().int().min(1, "At least 1 seat.") });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

afterEach(() => vi.restoreAllMocks());

describe("the action wrapper", () => {
  it("runs the action for a role its policy row allows, with the parsed input, and reports its message", async () => {
    const run = vi.fn(async (input: z.output<typeof schema>) => `Created ${input.title} with ${input.seats} seats.`);
    const state = await handleFormAction("createEventAction", schema, run, organizer, form({ title: " Breakfast ", seats: "2" }));
    expect(state).toEqual({ status: "success", message: "Created Breakfast with 2 seats." });
    expect(run).toHaveBeenCalledWith({ title: "Breakfast", seats: 2 }, organizer);
  });

  it("refuses a role the policy row leaves out with FORBIDDEN, and someone signed out with UNAUTHENTICATED, before running anything", async () => {
    const run = vi.fn(async () => "ran");
    const forbidden = await handleFormAction("createEventAction", schema, run, executive, form({ title: "Breakfast", seats: "2" }));
    expect(forbidden).toMatchObject({ status: "error", code: "FORBIDDEN", message: "You are not allowed to do this." });
    const anonymous = await handleFormAction("signUpAction", schema, run, null, form({ title: "Breakfast", seats: "2" }));
    expect(anonymous).toMatchObject({ status: "error", code: "UNAUTHENTICATED" });
    expect(run).not.toHaveBeenCalled();
  });

  it("answers VALIDATION with an error per field and the values typed, and runs nothing", async () => {
    const run = vi.fn(async () => "ran");
    const state = await handleFormAction("createEventAction", schema, run, organizer, form({ title: "ab", seats: "0" }));
    expect(state).toEqual({
      status: "error",
      code: "VALIDATION",
      message: "Some fields need your attention.",
      values: { title: "ab", seats: "0" },
      fieldErrors: { title: ["At least 3 characters."], seats: ["At least 1 seat."] },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("gives control characters a field error of their own", async () => {
    const run = vi.fn(async () => "ran");
    const state = await handleFormAction("createEventAction", schema, run, organizer, form({ title: "Break\u0000fast", seats: "2" }));
    expect(state).toMatchObject({ code: "VALIDATION", fieldErrors: { title: ["Remove the invisible control characters from this field."] } });
    expect(run).not.toHaveBeenCalled();
  });

  it("maps a domain error to its code and message", async () => {
    const state = await handleFormAction("signUpAction", z.object({}), async () => {
      throw new AppError("EVENT_FULL");
    }, executive, form({}));
    expect(state).toMatchObject({ status: "error", code: "EVENT_FULL", message: "This safari is full: every seat is taken." });
  });

  it("turns an unexpected error into INTERNAL without its message, and logs it once", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await handleFormAction("signUpAction", z.object({}), async () => {
      throw new Error("connection to 10.0.0.7 refused: password for app_user");
    }, executive, form({}));
    expect(state).toMatchObject({ status: "error", code: "INTERNAL", message: "Something went wrong on our side. Please try again." });
    expect(JSON.stringify(state)).not.toContain("10.0.0.7");
    expect(log).toHaveBeenCalledTimes(1);
  });

  it("lets redirect() through, as Next needs it to", async () => {
    const thrown = await handleFormAction("createEventAction", schema, async () => redirect("/organize/events/1"), organizer, form({ title: "Breakfast", seats: "2" })).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isRedirectError(thrown)).toBe(true);
  });

  it("refuses a payload that is not form data with a 404 and one log line", async () => {
    const log = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (const payload of [{ title: "Breakfast" }, undefined, null, "title=Breakfast"]) {
      const thrown = await handleFormAction("createEventAction", schema, async () => "ran", organizer, payload).then(
        () => null,
        (error: unknown) => error,
      );
      expect(isHTTPAccessFallbackError(thrown)).toBe(true);
    }
    expect(log).toHaveBeenCalledTimes(4);
  });
});
