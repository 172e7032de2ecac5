import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { demoPassword, demoSignIns } from "@/db/seed-data";
import { actionBodyLimitBytes, malformedActionPayload } from "@/lib/http/request-checks";
import { AppShell } from "./pages/app-shell";
import { EventFormPage } from "./pages/event-form-page";
import { OrganizerEventPage } from "./pages/organizer-event-page";
import { SignInPage } from "./pages/sign-in-page";

/*
 * What probing `next start` found, checked against the running production build: the security headers on
 * every kind of response, pages that still work under the nonce-based CSP, and no 500 for bad input
 * (cross-origin action posts, malformed URLs, oversized bodies, malformed action payloads).
 */
const executive = demoSignIns.find((s) => s.role === "executive")!;
const organizer = demoSignIns.find((s) => s.role === "organizer")!;

/** Server action ids by exported name, from the build this server runs. */
function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`No server action ${name} in the build`);
  return found[0];
}

/** Signs the request context in through Auth.js's own endpoints; its cookies stay in the context. */
async function signInApi(request: APIRequestContext, email: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: demoPassword },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect((await request.storageState()).cookies.some((c) => c.name.includes("session-token"))).toBe(true);
}

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  const scripts = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scripts).not.toContain("unsafe-inline");
  expect(scripts).not.toContain("unsafe-eval");
  // Not over plain HTTP: HSTS is only for responses served over TLS.
  expect(headers["strict-transport-security"]).toBeUndefined();
  return csp;
}

test.describe("security headers", () => {
  test("pages carry a nonce-based CSP, and Next.js puts that nonce on its scripts", async ({ request }) => {
    const response = await request.get("/sign-in");
    expect(response.status()).toBe(200);
    const csp = expectSecurityHeaders(response);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const html = await response.text();
    const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
    // A new nonce for every response.
    const again = (await request.get("/sign-in")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);
  });

  test("redirects, static files, icons and Auth.js's endpoints carry the headers too", async ({ request }) => {
    const redirect = await request.get("/safaris", { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expectSecurityHeaders(redirect);

    const html = await (await request.get("/sign-in")).text();
    const chunk = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
    const staticFile = await request.get(chunk);
    expect(staticFile.status()).toBe(200);
    expectSecurityHeaders(staticFile);

    for (const path of ["/icon.svg", "/api/auth/csrf", "/api/auth/session"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expectSecurityHeaders(response);
    }
  });

  test("HSTS when served over TLS behind a proxy", async ({ request }) => {
    for (const path of ["/sign-in", "/api/auth/csrf"]) {
      const response = await request.get(path, { headers: { "x-forwarded-proto": "https" } });
      expect(response.headers()["strict-transport-security"], path).toMatch(/^max-age=\d{8,}/);
    }
  });
});

test.describe("the app works under the CSP", () => {
  /** CSP violations the page reports, as console messages and as securitypolicyviolation events. */
  async function watchViolations(page: Page): Promise<string[]> {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/content security policy|securitypolicyviolation/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`securitypolicyviolation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    return violations;
  }

  // One account per role: each sees different pages.
  const firstOfEachRole = demoSignIns.filter((s, index, all) => all.findIndex((other) => other.role === s.role) === index);

  for (const account of firstOfEachRole) {
    test(`the ${account.role}: sign in, navigate, submit forms and sign out without a single violation`, async ({ page }) => {
      const violations = await watchViolations(page);
      // Every action request the browser sends, through the same check the proxy makes.
      const actionRequests: Promise<string | null>[] = [];
      page.on("request", (request) => {
        const id = request.headers()["next-action"];
        if (request.method() !== "POST" || !id) return;
        const body = new Uint8Array(request.postDataBuffer() ?? Buffer.alloc(0));
        actionRequests.push(malformedActionPayload(id, request.headers()["content-type"] ?? null, body));
      });

      const signIn = new SignInPage(page);
      const document = await page.goto("/sign-in");
      // The policy really is in force (so "no violations" means something).
      expect(document?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
      // A submit the browser refuses (empty fields), then a wrong password the server refuses, then the real one.
      await signIn.submit.click();
      await expect(signIn.email).toHaveAccessibleDescription(/e-mail/i);
      await signIn.signIn(account.email, "not-the-password");
      await expect(signIn.alert("That e-mail and password do not match an account.")).toBeVisible();
      await signIn.signIn(account.email, demoPassword);
      await expect(page).not.toHaveURL((url) => url.pathname === "/sign-in");

      const shell = new AppShell(page);
      const links = shell.mainNav.getByRole("link");
      const count = await links.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const link = links.nth(i);
        const href = await link.getAttribute("href");
        await link.click();
        await expect(page).toHaveURL((url) => url.pathname === href);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      }
      if (account.role === "organizer") {
        // The biggest form, checked in the browser: nothing is sent, every field says what is missing.
        const form = new EventFormPage(page);
        await form.gotoNew();
        await form.createDraft.click();
        await expect(form.title).toHaveAccessibleDescription(/title/i);
      }
      await shell.signOut();
      await expect(page).toHaveURL((url) => url.pathname === "/sign-in");

      expect(violations).toEqual([]);
      // What React really sends passes the proxy's payload check: sign-in twice, sign-out once.
      expect(actionRequests.length).toBeGreaterThanOrEqual(3);
      expect(await Promise.all(actionRequests)).toEqual(actionRequests.map(() => null));
    });
  }
});

test.describe("no 500 for bad input", () => {
  const signIn = () => actionId("signInAction");
  /** A sign-in call as React encodes it: the form's fields first, then the argument list as field "0". */
  const validSignIn = (email: string = executive.email) => {
    const form = new FormData();
    form.append("_1_email", email);
    form.append("_1_password", "not-the-password");
    form.append("0", '[{"status":"idle"},"$K1"]');
    return form;
  };

  test("a well-formed action post still works", async ({ request, baseURL }) => {
    const response = await request.post("/sign-in", {
      headers: { "Next-Action": signIn(), Origin: new URL(baseURL!).origin },
      multipart: validSignIn(),
    });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("That e-mail and password do not match an account.");
  });

  test("a cross-origin action post gets a 403", async ({ request }) => {
    const fetchAction = await request.post("/sign-in", {
      headers: { "Next-Action": signIn(), Origin: "https://evil.example" },
      multipart: validSignIn(),
    });
    expect(fetchAction.status()).toBe(403);
    expectSecurityHeaders(fetchAction);
    // Without JavaScript a form posts to the page itself, with the action id among the fields.
    const formPost = await request.post("/sign-in", {
      headers: { Origin: "null" },
      multipart: { [`$ACTION_ID_${signIn()}`]: "", email: executive.email, password: "x" },
    });
    expect(formPost.status()).toBe(403);
  });

  test("malformed URLs and ids give the not-found page", async ({ request }) => {
    await signInApi(request, organizer.email);
    for (const path of ["/organize/events/%E0%A4%A", "/organize/events/%ZZ/edit", "/organize/%"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).toContain("There is nothing at this address");
      expectSecurityHeaders(response);
    }
  });

  test("malformed ids give the not-found page to an executive too", async ({ request }) => {
    await signInApi(request, executive.email);
    for (const path of ["/safaris/%ZZ", "/reflections/%E0%A4%A"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).toContain("There is nothing at this address");
    }
  });

  test("an action body over the limit gets a 413, with or without a Content-Length", async ({ request, baseURL }) => {
    const big = "a".repeat(actionBodyLimitBytes + 1);
    const declared = await request.post("/sign-in", {
      headers: { "Next-Action": signIn() },
      multipart: validSignIn(big),
    });
    expect(declared.status()).toBe(413);
    expect(await declared.text()).toBe("This form is too large to send.");
    expectSecurityHeaders(declared);

    // A chunked body declares no length: the proxy counts while it reads.
    const boundary = "----e2eBoundary";
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--${boundary}\r\nContent-Disposition: form-data; name="_1_email"\r\n\r\n${big}\r\n--${boundary}--\r\n`;
    const chunkedStatus = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(new URL("/sign-in", baseURL), {
        method: "POST",
        headers: { "Next-Action": signIn(), "Content-Type": `multipart/form-data; boundary=${boundary}`, "Transfer-Encoding": "chunked" },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      // The server may answer and close before it has read everything.
      req.on("error", (error) => (error.message.includes("EPIPE") || error.message.includes("ECONNRESET") ? undefined : reject(error)));
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
      req.end();
    });
    expect(chunkedStatus).toBe(413);

    // The same without JavaScript: a form post to the page.
    const formPost = await request.post("/sign-in", { multipart: { [`$ACTION_ID_${signIn()}`]: "", email: big } });
    expect(formPost.status()).toBe(413);
  });

  test("a form too large to send says so beside the field, and sends nothing", async ({ page }) => {
    const actionPosts: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["next-action"]) actionPosts.push(request.url());
    });
    const signIn = new SignInPage(page);
    await signIn.goto();
    // A megabyte in one field: the request could not be sent, which the form says before anything else.
    await signIn.signIn(`${"a".repeat(actionBodyLimitBytes)}@safari.example`, demoPassword);
    await expect(signIn.email).toHaveAccessibleDescription(/too long to send/);
    await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
    expect(actionPosts).toEqual([]);
  });

  test("a post the server refuses shows the friendly error page, and nothing is written", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(organizer.email, demoPassword);
    await expect(page).toHaveURL((url) => url.pathname === "/organize");

    // A draft of this test's own, far enough ahead to be publishable.
    const title = `Refused publish ${Date.now().toString(36)}`;
    const start = new Date(Date.now() + 10 * 86_400_000);
    const day = start.toISOString().slice(0, 10);
    const form = new EventFormPage(page);
    await form.gotoNew();
    await form.fill({ type: "Call listening", title, briefing: "", timeZone: "Europe/Berlin", start: `${day}T10:00`, end: `${day}T11:00`, seats: "1" });
    await form.createDraft.click();
    const event = new OrganizerEventPage(page);
    await expect(event.heading(title)).toBeVisible();

    // The buttons-only forms have no browser-side checks: a field slipped in makes the post too large.
    await event.publish.evaluate((button, size) => {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = "padding";
      input.value = "a".repeat(size);
      (button as HTMLButtonElement).form!.append(input);
    }, actionBodyLimitBytes + 1);
    const refused = page.waitForResponse((response) => response.request().method() === "POST");
    await event.publish.click();
    expect((await refused).status()).toBe(413);
    await expect(page.getByRole("heading", { name: "Something went wrong", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();

    await page.reload();
    await expect(event.heading(title)).toBeVisible();
    await expect(event.publish).toBeVisible();
  });

  test("malformed action payloads get a 400", async ({ request }) => {
    const headers = { "Next-Action": signIn() };
    const boundary = "----e2eBoundary";
    const cases: { name: string; headers: Record<string, string>; data: string }[] = [
      { name: "a plain object", headers: { "Content-Type": "text/plain;charset=UTF-8" }, data: '{"email":"x"}' },
      { name: "no arguments", headers: { "Content-Type": "text/plain;charset=UTF-8" }, data: "[]" },
      { name: "broken JSON", headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, data: `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{"status":\r\n--${boundary}--\r\n` },
      { name: "an object in form data", headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, data: `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n{"email":"x"}\r\n--${boundary}--\r\n` },
      { name: "an unclosed multipart body", headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, data: `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]` },
    ];
    for (const c of cases) {
      const response = await request.post("/sign-in", { headers: { ...headers, ...c.headers }, data: c.data });
      expect(response.status(), c.name).toBe(400);
      expectSecurityHeaders(response);
    }
    // Sign-out takes no arguments, so the browser sends "[]": anything else is not ours either.
    const signOutWithArguments = await request.post("/sign-in", {
      headers: { "Next-Action": actionId("signOutAction"), "Content-Type": "text/plain;charset=UTF-8" },
      data: '[{"a":1}]',
    });
    expect(signOutWithArguments.status()).toBe(400);
  });
});
