import { z } from "zod";

/*
 * The environment, validated once. Everything optional has a working default for the quick start;
 * production refuses to start without a real secret (see lib/auth/secret.ts).
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || /^postgres(ql)?:\/\/[^/]+/.test(value), {
      message: "must be a postgres:// or postgresql:// connection URL",
    }),
  /** Where the embedded database keeps its files, or "memory://" for a throwaway one. */
  PGLITE_DATA_DIR: z.string().trim().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Where people open the app: links in e-mails and calendar entries point here. */
  APP_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .default("http://localhost:3000")
    .transform((value) => value.replace(/\/+$/, "")),
  /** The SMTP server mail goes through (smtp:// or smtps://, user and password in the URL); without it mail stays in the outbox. */
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || /^smtps?:\/\/[^/]+/.test(value), { message: "must be an smtp:// or smtps:// URL" }),
  /** The sender of every mail: "Name <address>". */
  MAIL_FROM: z.string().trim().min(3).default("Customer Safari <safari@localhost>"),
  /** The zone the organisation's quarters and reports are counted in. */
  ORG_TIME_ZONE: z.string().default("Europe/Berlin"),
  /** How far ahead an event may start, in months (lib/events/rules.ts). */
  EVENT_MAX_MONTHS_AHEAD: z.coerce.number().int("must be a whole number of months").min(1).max(120).default(24),
  /** How long an event may last, in hours. */
  EVENT_MAX_DURATION_HOURS: z.coerce.number().int("must be a whole number of hours").min(1).max(24 * 14).default(24),
  /**
   * "1" on a test server only: the app's clock (lib/time/clock.ts) may then be moved ahead through the
   * test routes (app/api/test). Anything else keeps the clock on real time and the routes answer 404.
   */
  SAFARI_TEST_CLOCK: z
    .enum(["0", "1"], { error: "must be 1 (on) or 0 (off)" })
    .default("0")
    .transform((value) => value === "1"),
  /** "off" starts the server without the scheduled jobs (lib/jobs), as the e2e clock server does. */
  SAFARI_JOBS: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new EnvError(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/** The process's environment, read and validated on first use. */
export function getEnv(): Env {
  cached ??= readEnv();
  return cached;
}
