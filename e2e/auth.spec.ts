import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import type { UserRole } from "@/db/schema";
import { demoPassword, demoSignIns } from "@/db/seed-data";
import { AccountPage } from "./pages/account-page";
import { AppShell } from "./pages/app-shell";
import { PeoplePage } from "./pages/people-page";
import { SignInPage } from "./pages/sign-in-page";
import { demoAccount } from "./support/demo-accounts";

const genericFailure = "That e-mail and password do not match an account.";
const startPage: Record<UserRole, string> = { organizer: "/organize", executive: "/safaris", reviewer: "/summary", admin: "/people" };
const executive = demoSignIns.find((s) => s.role === "executive")!;

test("a signed-out visitor is sent to sign in, and comes back where they were going", async ({ page }) => {
  await page.goto("/safaris");
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  const signIn = new SignInPage(page);
  await expect(signIn.heading).toBeVisible();

  await signIn.signIn(executive.email, demoPassword);
  await expect(page).toHaveURL((url) => url.pathname === "/safaris");
});

test("a wrong password and an unknown e-mail get the same message", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(executive.email, "not-the-password");
  await expect(signIn.alert(genericFailure)).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  // The e-mail stays filled in; the password does not.
  await expect(signIn.email).toHaveValue(executive.email);
  await expect(signIn.password).toHaveValue("");

  await signIn.signIn("nobody@safari.example", demoPassword);
  await expect(signIn.alert(genericFailure)).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
});

test("the form says which field is missing before anything is sent", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.submit.click();
  await expect(signIn.email).toHaveAccessibleDescription(/e-mail/i);
  await expect(signIn.password).toHaveAccessibleDescription(/password/i);
});

const firstOfEachRole = demoSignIns.filter((s, index, all) => all.findIndex((other) => other.role === s.role) === index);

for (const account of firstOfEachRole) {
  test(`the ${account.role} ${account.name} lands on ${startPage[account.role]}`, async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(account.email, demoPassword);
    await expect(page).toHaveURL((url) => url.pathname === startPage[account.role]);
    await expect(new AppShell(page).signOutButton).toBeVisible();
  });
}

test("signing out ends the session", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(executive.email, demoPassword);
  await expect(page).toHaveURL((url) => url.pathname === "/safaris");

  await new AppShell(page).signOut();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  await page.goto("/safaris");
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
});

/* ---- Issue 7: callback URLs, throttling, and sessions that really end ---- */

// Accounts no other spec signs in with: lock-outs and ended sessions must not reach anyone else's test.
const callbackUser = demoAccount("thomas.richter@safari.example");
const lockedByForm = demoAccount("sofia.karali@safari.example");
const lockedAtEndpoint = demoAccount("petra.schulz@safari.example");
const signsOutByForm = demoAccount("anna.schmitt@safari.example");
const signsOutAtEndpoint = demoAccount("sarah.cohen@safari.example");
const endedByAdmin = demoAccount("michael.wolf@safari.example");
const changesPassword = demoAccount("frank.bauer@safari.example");
const admin = demoSignIns.find((s) => s.role === "admin")!;

const tooManyAttempts = "Too many attempts. Try again in 15 minutes.";

async function csrfToken(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/auth/csrf");
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** Signs in at Auth.js's own endpoint, as a script would, without following the redirect. */
async function endpointSignIn(request: APIRequestContext, form: Record<string, string>, headers: Record<string, string> = {}, query = "") {
  const token = await csrfToken(request);
  return request.post(`/api/auth/callback/credentials${query}`, { form: { ...form, csrfToken: token }, headers, maxRedirects: 0 });
}

/** A second browser holding a copy of the first one's cookies, as someone who copied them would. */
async function copyOfCookies(browser: Browser, from: BrowserContext, baseURL: string | undefined) {
  const copy = await browser.newContext({ baseURL });
  await copy.addCookies(await from.cookies());
  return copy;
}

async function signInAs(page: Page, who: { email: string }, password = demoPassword) {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(who.email, password);
  await expect(page).not.toHaveURL((url) => url.pathname === "/sign-in");
}

/** The copy no longer opens a page, and the form it had open no longer runs its action. */
async function expectSessionGone(copy: Page, openForm: AccountPage) {
  await openForm.changePassword(demoPassword, "this-would-be-a-new-password");
  await expect(openForm.alert("Please sign in first.")).toBeVisible();
  await copy.goto("/safaris");
  await expect(copy).toHaveURL((url) => url.pathname === "/sign-in");
}

const hostileCallbacks = [
  "http://127.0.0.1//evil.example/x",
  "http://localhost//evil.example/x",
  "/.//evil.example/x",
  "//evil.example/x",
  "/\\evil.example/x",
  "https://evil.example/x",
  "javascript:alert(document.domain)",
  "data:text/html,<script>alert(1)</script>",
  "mailto:ceo@evil.example",
];

for (const callbackUrl of hostileCallbacks) {
  test(`signing in with callbackUrl ${JSON.stringify(callbackUrl)} stays on this site`, async ({ page, baseURL }) => {
    const signIn = new SignInPage(page);
    await signIn.goto(callbackUrl);
    await signIn.signIn(callbackUser.email, demoPassword);
    await expect(page).toHaveURL((url) => url.origin === new URL(baseURL!).origin && url.pathname === "/safaris");
  });
}

test("a callbackUrl on this site is kept", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto("/safaris/mine");
  await signIn.signIn(callbackUser.email, demoPassword);
  await expect(page).toHaveURL((url) => url.pathname === "/safaris/mine");
});

test("Auth.js's endpoint sends hostile callback URLs, as field, cookie or query, to this site only", async ({ playwright, baseURL }) => {
  const base = new URL(baseURL!);
  async function signInFor(callbackUrl: string, via: "field" | "cookie" | "query") {
    const callbackCookie = { name: "authjs.callback-url", value: encodeURIComponent(callbackUrl), domain: base.hostname, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" as const };
    const request = await playwright.request.newContext({ baseURL, storageState: { cookies: via === "cookie" ? [callbackCookie] : [], origins: [] } });
    const query = via === "query" ? `?${new URLSearchParams({ callbackUrl })}` : "";
    const response = await endpointSignIn(request, { email: callbackUser.email, password: demoPassword, ...(via === "field" ? { callbackUrl } : {}) }, {}, query);
    const result = { status: response.status(), location: new URL(response.headers()["location"] ?? "", base) };
    await request.dispose();
    return result;
  }
  // The endpoint names its own origin from the URL Next.js gives it (localhost without AUTH_URL), not
  // from the Host header: a same-site callback shows which origin that is.
  const own = await signInFor("/safaris/mine", "field");
  expect(own.location.pathname).toBe("/safaris/mine");
  expect(own.location.port).toBe(base.port);

  for (const callbackUrl of hostileCallbacks) {
    for (const via of ["field", "cookie", "query"] as const) {
      const { status, location } = await signInFor(callbackUrl, via);
      const what = `${via}: ${callbackUrl}`;
      expect(status, what).toBe(302);
      expect(location.origin, what).toBe(own.location.origin);
      expect(location.pathname, what).toBe("/");
    }
  }
});

test("wrong passwords lock the account: then even the right one is refused, with a clear message", async ({ page }) => {
  // An address of its own, so this test's failures do not count against everyone's 127.0.0.1.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.10" });
  const signIn = new SignInPage(page);
  await signIn.goto();
  for (let attempt = 1; attempt <= 4; attempt++) {
    await signIn.signIn(lockedByForm.email, `wrong-${attempt}`);
    await expect(signIn.alert(genericFailure)).toBeVisible();
  }
  await signIn.signIn(lockedByForm.email, "wrong-5");
  await expect(signIn.alert(tooManyAttempts)).toBeVisible();

  await signIn.signIn(lockedByForm.email, demoPassword);
  await expect(signIn.alert(tooManyAttempts)).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  await page.goto("/safaris");
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
});

test("the sign-in endpoint answers a locked account with 429 and Retry-After", async ({ request }) => {
  const from = { "x-forwarded-for": "203.0.113.11" };
  for (let attempt = 1; attempt <= 4; attempt++) {
    const response = await endpointSignIn(request, { email: lockedAtEndpoint.email, password: `wrong-${attempt}` }, from);
    expect(response.status()).toBe(302);
    expect(response.headers()["location"]).toContain("error=CredentialsSignin");
  }
  const fifth = await endpointSignIn(request, { email: lockedAtEndpoint.email, password: "wrong-5" }, from);
  expect(fifth.status()).toBe(429);

  const right = await endpointSignIn(request, { email: lockedAtEndpoint.email, password: demoPassword }, from);
  expect(right.status()).toBe(429);
  expect(Number(right.headers()["retry-after"])).toBeGreaterThan(800);
  expect(Number(right.headers()["retry-after"])).toBeLessThanOrEqual(900);
  expect(await right.text()).toBe(tooManyAttempts);
  // And nothing was signed in.
  const session = await request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
});

test("after signing out with the header's button, a copied cookie opens nothing and runs nothing", async ({ browser, page, context, baseURL }) => {
  await signInAs(page, signsOutByForm);
  const copy = await copyOfCookies(browser, context, baseURL);
  const copyPage = await copy.newPage();
  const openForm = new AccountPage(copyPage);
  await openForm.goto();
  await expect(openForm.heading).toBeVisible();

  await new AppShell(page).signOut();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  await expectSessionGone(copyPage, openForm);
  await copy.close();
});

test("after signing out at Auth.js's endpoint, a copied cookie opens nothing and runs nothing", async ({ browser, page, context, baseURL }) => {
  await signInAs(page, signsOutAtEndpoint);
  const copy = await copyOfCookies(browser, context, baseURL);
  const copyPage = await copy.newPage();
  const openForm = new AccountPage(copyPage);
  await openForm.goto();
  await expect(openForm.heading).toBeVisible();

  const token = await csrfToken(page.request);
  const signOut = await page.request.post("/api/auth/signout", { form: { csrfToken: token }, maxRedirects: 0 });
  expect(signOut.status()).toBe(302);
  await expectSessionGone(copyPage, openForm);
  await copy.close();
});

test("when the admin ends all sessions of a person, their browser and any copy are signed out", async ({ browser, page, context, baseURL }) => {
  await signInAs(page, endedByAdmin);
  const copy = await copyOfCookies(browser, context, baseURL);
  const copyPage = await copy.newPage();
  const openForm = new AccountPage(copyPage);
  await openForm.goto();
  await expect(openForm.heading).toBeVisible();

  const adminContext = await browser.newContext({ baseURL });
  const adminPage = await adminContext.newPage();
  await signInAs(adminPage, admin);
  const people = new PeoplePage(adminPage);
  await people.goto(admin.email);
  // The admin's own row has no controls: an admin cannot change their own role.
  await expect(people.row(admin.name)).toBeVisible();
  await expect(people.roleSelect(admin.name)).toHaveCount(0);
  await people.goto(endedByAdmin.email);
  await people.endAllSessions(endedByAdmin.name);
  await expect(people.row(endedByAdmin.name).getByRole("status")).toHaveText("1 session ended.");

  await page.goto("/safaris");
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  await expectSessionGone(copyPage, openForm);
  await Promise.all([copy.close(), adminContext.close()]);
});

test("changing the password keeps this browser signed in and signs out every copy", async ({ browser, page, context, baseURL }) => {
  const newPassword = "a-long-new-password-for-frank";
  await signInAs(page, changesPassword);
  const copy = await copyOfCookies(browser, context, baseURL);
  const copyPage = await copy.newPage();
  await copyPage.goto("/safaris");
  await expect(copyPage).toHaveURL((url) => url.pathname === "/safaris");

  const account = new AccountPage(page);
  await account.goto();
  await account.changePassword("not-my-password", newPassword);
  await expect(account.currentPassword).toHaveAccessibleDescription("That is not your current password.");
  await account.changePassword(demoPassword, "short");
  await expect(account.newPassword).toHaveAccessibleDescription(/at least 12 characters/);

  await account.changePassword(demoPassword, newPassword);
  await expect(account.status("Your password has been changed.")).toBeVisible();
  await expect(new AppShell(page).signOutButton).toBeVisible();
  await page.goto("/safaris");
  await expect(page).toHaveURL((url) => url.pathname === "/safaris");

  await copyPage.goto("/safaris");
  await expect(copyPage).toHaveURL((url) => url.pathname === "/sign-in");

  // The old password no longer works; the new one does.
  const fresh = await browser.newContext({ baseURL });
  const freshPage = await fresh.newPage();
  const signIn = new SignInPage(freshPage);
  await signIn.goto();
  await signIn.signIn(changesPassword.email, demoPassword);
  await expect(signIn.alert(genericFailure)).toBeVisible();
  await signIn.signIn(changesPassword.email, newPassword);
  await expect(freshPage).toHaveURL((url) => url.pathname === "/safaris");
  await Promise.all([copy.close(), fresh.close()]);
});
