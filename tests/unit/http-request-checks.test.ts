import path from "node:path";
import { pathToFileURL } from "node:url";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import {
  actionBodyLimitBytes,
  actionTakesNoArguments,
  declaresTooLarge,
  hasMalformedEscape,
  isCrossOrigin,
  malformedActionPayload,
  readLimited,
} from "@/lib/http/request-checks";

// Ids from a real build: the first byte says which parameters the action uses.
const signInId = "608ec08ea7dcdc0502177f0ef4925e1ec2ca22c39c"; // (previousState, formData)
const restId = "7f446fd8841fcd5973b5ab629bb4fbf8a89a8cbb10"; // validatedAction's (...args) wrapper
const signOutId = "00359facadf1214769a4c4dcb4ca3383dfb46e4402"; // ()

describe("the action body limit", () => {
  it("is the figure next.config.mjs gives Next.js", async () => {
    // Plain JavaScript without types, loaded as Next.js loads it.
    const configUrl = pathToFileURL(path.resolve(import.meta.dirname, "../../next.config.mjs")).href;
    const nextConfig = ((await import(configUrl)) as { default: NextConfig }).default;
    const limit = nextConfig.experimental?.serverActions?.bodySizeLimit;
    expect(limit).toBe("1mb");
    expect(actionBodyLimitBytes).toBe(1024 * 1024);
  });

  it("refuses a declared length over it, and a length that is not a number", () => {
    expect(declaresTooLarge(null, 10)).toBe(false);
    expect(declaresTooLarge("10", 10)).toBe(false);
    expect(declaresTooLarge("11", 10)).toBe(true);
    expect(declaresTooLarge("ten", 10)).toBe(true);
    expect(declaresTooLarge("-1", 10)).toBe(true);
  });

  it("reads a body up to the limit, and stops as soon as it passes it", async () => {
    let pulled = 0;
    const stream = (chunks: number, size: number) =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled++ >= chunks) controller.close();
          else controller.enqueue(new Uint8Array(size).fill(97));
        },
      });
    expect(await readLimited(stream(3, 4), 12)).toEqual(new Uint8Array(12).fill(97));
    pulled = 0;
    expect(await readLimited(stream(1000, 4), 12)).toBe("too-large");
    expect(pulled).toBeLessThan(10);
    expect(await readLimited(null, 12)).toEqual(new Uint8Array());
  });
});

describe("isCrossOrigin", () => {
  const headers = (init: Record<string, string>) => new Headers(init);

  it("compares the Origin's host with X-Forwarded-Host, else Host, as Next.js does", () => {
    expect(isCrossOrigin(headers({ host: "safari.example", origin: "https://safari.example" }))).toBe(false);
    expect(isCrossOrigin(headers({ host: "safari.example", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOrigin(headers({ host: "internal:3000", "x-forwarded-host": "safari.example, proxy", origin: "https://safari.example" }))).toBe(false);
    expect(isCrossOrigin(headers({ host: "safari.example", "x-forwarded-host": "other.example", origin: "https://safari.example" }))).toBe(true);
    expect(isCrossOrigin(headers({ host: "safari.example:3000", origin: "http://safari.example" }))).toBe(true);
  });

  it("refuses an opaque or unparsable Origin, and lets a request without one through", () => {
    expect(isCrossOrigin(headers({ host: "safari.example", origin: "null" }))).toBe(true);
    expect(isCrossOrigin(headers({ host: "safari.example", origin: "not a url" }))).toBe(true);
    expect(isCrossOrigin(headers({ host: "safari.example" }))).toBe(false);
  });
});

describe("hasMalformedEscape", () => {
  it("finds escapes that do not decode, and only those", () => {
    expect(hasMalformedEscape("/safaris/%ZZ")).toBe(true);
    expect(hasMalformedEscape("/organize/events/%E0%A4%A")).toBe(true);
    expect(hasMalformedEscape("/organize/%")).toBe(true);
    expect(hasMalformedEscape("/safaris/0b7e0a64-2f3c-4e5c-9c1e-4a8f6b2d1e3f")).toBe(false);
    expect(hasMalformedEscape("/people/M%C3%BCller%20%25")).toBe(false);
  });
});

describe("malformedActionPayload", () => {
  const multipart = async (fields: [string, string][]) => {
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    const request = new Request("http://x/", { method: "POST", body: form });
    return { type: request.headers.get("content-type"), body: new Uint8Array(await request.arrayBuffer()) };
  };
  const text = (value: string) => new TextEncoder().encode(value);

  it("reads which parameters an action uses from its id", () => {
    expect(actionTakesNoArguments(signOutId)).toBe(true);
    expect(actionTakesNoArguments(signInId)).toBe(false);
    expect(actionTakesNoArguments(restId)).toBe(false);
  });

  it("accepts what React sends for a form: the fields, then an argument list ending in a form reference", async () => {
    const useActionState = await multipart([["_1_email", "a@b.example"], ["0", '[{"status":"idle"},"$K1"]']]);
    expect(await malformedActionPayload(signInId, useActionState.type, useActionState.body)).toBeNull();
    const plainForm = await multipart([["_1_x", "y"], ["0", '["$K1"]']]);
    expect(await malformedActionPayload(restId, plainForm.type, plainForm.body)).toBeNull();
    expect(await malformedActionPayload(signOutId, "text/plain;charset=UTF-8", text("[]"))).toBeNull();
  });

  it("refuses anything else, saying why", async () => {
    expect(await malformedActionPayload(signInId, "text/plain;charset=UTF-8", text('{"email":"x"}'))).toMatch(/content type/);
    expect(await malformedActionPayload(signInId, "text/plain;charset=UTF-8", text("[]"))).toMatch(/content type/);
    expect(await malformedActionPayload(signInId, null, text("[]"))).toMatch(/content type missing/);
    const object = await multipart([["0", '{"email":"x"}']]);
    expect(await malformedActionPayload(signInId, object.type, object.body)).toMatch(/not a non-empty list/);
    const empty = await multipart([["0", "[]"]]);
    expect(await malformedActionPayload(signInId, empty.type, empty.body)).toMatch(/not a non-empty list/);
    const broken = await multipart([["0", '[{"status":']]);
    expect(await malformedActionPayload(signInId, broken.type, broken.body)).toMatch(/not JSON/);
    const noForm = await multipart([["0", '[{"status":"idle"},{"email":"x"}]']]);
    expect(await malformedActionPayload(signInId, noForm.type, noForm.body)).toMatch(/not form data/);
    const noRoot = await multipart([["_1_email", "x"]]);
    expect(await malformedActionPayload(signInId, noRoot.type, noRoot.body)).toMatch(/no root field/);
    const unclosed = text('--XX\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]');
    expect(await malformedActionPayload(signInId, "multipart/form-data; boundary=XX", unclosed)).toMatch(/not valid multipart/);
    expect(await malformedActionPayload(signOutId, "text/plain;charset=UTF-8", text('[{"a":1}]'))).toMatch(/takes none/);
  });
});
