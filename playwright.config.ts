import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { clockServerPort, clockServerURL } from "./e2e/support/clock-server";
import { smtpPort } from "./e2e/support/smtp-port";

/*
 * End-to-end tests against the production build (`npm run build` first; `npm run test:e2e` does both).
 * The server starts on a freshly seeded database: the one in DATABASE_URL when set (CI hands us a new
 * one), otherwise a PGlite folder that is deleted first, so every run starts from the same demo data.
 */
// E2E_PORT lets two checkouts run their end-to-end tests side by side.
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
const pgliteDir = ".data/e2e-pglite";
const clockPgliteDir = ".data/e2e-clock-pglite";
const usesServer = Boolean(process.env.DATABASE_URL);
// Results per database, so a run on PostgreSQL after one on PGlite keeps the first run's traces.
const runName = usesServer ? "postgres" : "pglite";

// Playwright's own Chromium where it is installed (`npx playwright install chromium`), else Debian's.
function hasBundledChromium(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}
const launchOptions = hasBundledChromium()
  ? {}
  : { executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-background-networking"] };

// What both servers share (below).
const serverOptions = { reuseExistingServer: false, timeout: 180_000, stdout: "pipe" } as const;
const serverEnv = {
  // The server runs in a zone that is neither UTC nor the browser's, so a hidden assumption shows.
  TZ: "Pacific/Auckland",
  // A fixed test-only key: production-mode `next start` refuses to run without one.
  AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
  // Mail goes to the real SMTP server e2e/calendar-mail.spec.ts starts (while no spec listens, sends fail and are retried).
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  outputDir: `test-results/${runName}`,
  reporter: [["list"], ["html", { open: "never", outputFolder: `playwright-report/${runName}` }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    locale: "en-GB",
    timezoneId: "Europe/Berlin",
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } }],
  /*
   * Two servers of the one build. Playwright starts the entries of this array one after the other, each
   * once the one before answers its url, so the second never seeds or migrates while the first does.
   * - The main one, on a freshly seeded database, for every spec but one.
   * - The clock server (e2e/support/clock-server.ts), for e2e/reflection-journey.spec.ts alone: its clock
   *   can be moved ahead (SAFARI_TEST_CLOCK=1) and it runs no scheduled jobs (SAFARI_JOBS=off), so a clock
   *   30 days ahead never sweeps the shared data on a schedule. On PGlite it has a seeded folder of its
   *   own (one PGlite folder serves one process); on a server it shares the database, seeded by the first.
   */
  webServer: [
    {
      command: `${usesServer ? "" : `rm -rf ${pgliteDir} && `}npx tsx db/seed.ts && npx next start -p ${port}`,
      url: `${baseURL}/sign-in`,
      ...serverOptions,
      env: { ...serverEnv, PGLITE_DATA_DIR: pgliteDir, APP_URL: baseURL },
    },
    {
      command: `${usesServer ? "" : `rm -rf ${clockPgliteDir} && npx tsx db/seed.ts && `}npx next start -p ${clockServerPort}`,
      url: `${clockServerURL}/sign-in`,
      ...serverOptions,
      env: { ...serverEnv, PGLITE_DATA_DIR: clockPgliteDir, APP_URL: clockServerURL, SAFARI_TEST_CLOCK: "1", SAFARI_JOBS: "off" },
    },
  ],
});
