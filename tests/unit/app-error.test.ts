import { describe, expect, it } from "vitest";
import { AppError, toAppError, violatedConstraint } from "@/lib/errors/app-error";
import { readEnv } from "@/lib/env";

describe("toAppError", () => {
  it("maps rule violations from either driver, also when wrapped", () => {
    const postgresJs = { code: "23P01", constraint_name: "participations_no_overlap" };
    const pglite = { code: "23514", constraint: "events_seats_taken_within_seats" };
    expect(toAppError(postgresJs)?.code).toBe("DOUBLE_BOOKED");
    expect(toAppError(new Error("Failed query", { cause: pglite }))?.code).toBe("EVENT_FULL");
  });

  it("leaves unknown failures alone, so they surface as bugs", () => {
    expect(toAppError(new Error("boom"))).toBeUndefined();
    expect(violatedConstraint({ code: "42P01", constraint: "x" })).toBeUndefined();
  });

  it("passes AppErrors through with their own message", () => {
    const error = new AppError("INVALID_STATE", "Only drafts can be published.");
    expect(toAppError(error)).toBe(error);
    expect(error.message).toBe("Only drafts can be published.");
  });
});

describe("readEnv", () => {
  it("accepts the quick start's empty environment", () => {
    const env = readEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
  });

  it("names the variable that is wrong", () => {
    expect(() => readEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => readEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
  });
});
