import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request, type APIRequestContext, type APIResponse } from "@playwright/test";
import { demoPassword } from "@/db/seed-data";
import { pageAccess, type ActionName, type PagePath } from "@/lib/auth/policy";

/*
 * Talking to the running server over plain HTTP, as an attacker would: signing in without a browser,
 * reading what a page answered, and posting server actions as React posts them. Shared by the specs that
 * try what each role gets (e2e/authorization.spec.ts, e2e/reflection-visibility.spec.ts).
 */

export type PageOutcome = "shown" | "sign-in" | "not-allowed" | "not-found";

export function pageOutcome(response: APIResponse): PageOutcome | string {
  const status = response.status();
  if (status === 200) return "shown";
  if (status === 404) return "not-found";
  if (status >= 300 && status < 400) {
    const location = new URL(response.headers().location ?? "", "http://app.invalid").pathname;
    if (location === "/sign-in") return "sign-in";
    if (location === "/not-allowed") return "not-allowed";
    return "shown"; // "/" sends each role on to its start page; /sign-in sends a signed-in user to "/"
  }
  return `HTTP ${status}`;
}

// Action ids from the build this run serves; each action is posted as React posts it (multipart form data:
// the form's fields under "_1_", and the argument list in field "0").
// It goes to a page that uses the action (Next would forward it there from any other page).
const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
  node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
};
const actionEndpoints = new Map(
  Object.entries(manifest.node).map(([id, entry]) => {
    const routes = Object.keys(entry.workers)
      .map((worker) => worker.replace(/^app/, "").replace(/\/page$/, "") || "/")
      .filter((route): route is PagePath => route in pageAccess);
    // A public page when there is one (signing in), so that the proxy lets an anonymous caller through;
    // else one without an id in its path where there is one (a match run exists only once made here).
    const route = routes.find((r) => pageAccess[r] === "public") ?? routes.find((r) => !r.includes("[")) ?? routes[0] ?? "/";
    return [entry.exportedName, { id, route }];
  }),
);

/** The build's id of server action `name` and the page (a route pattern) it is posted to. */
export function actionEndpoint(name: ActionName): { id: string; route: string } {
  const endpoint = actionEndpoints.get(name);
  expect(endpoint, `the build has no server action ${name}`).toBeTruthy();
  return endpoint!;
}

/**
 * Posts server action `name` with `fields` as its form, to `url` (the page the build names, when it has no
 * id in its path). An action that uses no argument (signing out) is sent the empty list as plain text.
 */
export async function postAction(
  context: APIRequestContext,
  baseURL: string,
  name: ActionName,
  fields: Record<string, string>,
  options: { url?: string; noArguments?: boolean } = {},
): Promise<APIResponse> {
  const endpoint = actionEndpoint(name);
  const url = options.url ?? endpoint.route;
  const headers = { "Next-Action": endpoint.id, Accept: "text/x-component", Origin: baseURL };
  if (options.noArguments) {
    return context.post(url, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: "[]", maxRedirects: 0 });
  }
  // React streams the fields in and reads them as the argument list refers to them, so the list comes last.
  const multipart = new FormData();
  for (const [key, value] of Object.entries(fields)) multipart.append(`_1_${key}`, value);
  multipart.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return context.post(url, { headers, multipart, maxRedirects: 0 });
}

export type ActionOutcome = "refused" | `code ${string}` | "success" | string;

export async function actionOutcome(response: APIResponse): Promise<ActionOutcome> {
  const status = response.status();
  if (status >= 300 && status < 400) {
    return new URL(response.headers().location ?? "", "http://app.invalid").pathname === "/sign-in" ? "refused" : `redirect ${status}`;
  }
  if (status === 401 || status === 403) return "refused";
  // redirect() inside an action answers a fetch with 200 and this header ("/sign-in;push").
  const actionRedirect = response.headers()["x-action-redirect"]?.split(";")[0];
  if (actionRedirect) return new URL(actionRedirect, "http://app.invalid").pathname === "/sign-in" ? "refused" : `redirect to ${actionRedirect}`;
  const body = await response.text();
  const code = /"code":"([A-Z_]+)"/.exec(body)?.[1];
  if (code === "UNAUTHENTICATED" || code === "FORBIDDEN") return "refused";
  if (code) return `code ${code}`;
  if (/"status":"success"/.test(body)) return "success";
  return `HTTP ${status}: ${body.slice(0, 120)}`;
}

/** A request context signed in as demo account `email` through Auth.js's own endpoints. */
export async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: demoPassword, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${email}`).toBe(302);
  expect(response.headers().location, `sign-in of ${email}`).not.toContain("error");
  return context;
}
