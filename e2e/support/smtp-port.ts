/**
 * The port of the SMTP server e2e/calendar-mail.spec.ts starts, and the app's SMTP_URL names
 * (playwright.config.ts): next to the app's own port, so two checkouts side by side do not collide.
 */
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3210) + 1000);
