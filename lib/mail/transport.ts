import "server-only";
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { getEnv } from "@/lib/env";
import type { RenderedMail } from "./messages";

/*
 * Where a mail goes: an SMTP server through nodemailer when SMTP_URL is set, or nowhere but the outbox
 * table (lib/mail/mutations.ts records every mail either way), so the embedded quick start works with no
 * mail server and admins still read what would have been sent.
 */

export type MailTransport = {
  kind: "smtp" | "outbox";
  /** Sends the mail, or throws when the server refuses it; resolves to its Message-ID. */
  send: (mail: RenderedMail) => Promise<{ messageId: string }>;
};

export const outboxTransport: MailTransport = {
  kind: "outbox",
  send: async () => ({ messageId: `<${randomUUID()}@customer-safari.outbox>` }),
};

/**
 * Timeouts in milliseconds, unless the URL sets its own (nodemailer reads options from the query string).
 * nodemailer's defaults wait up to 2 minutes to connect and 10 minutes on a silent socket; a send holds its
 * notice's row lock (lib/mail/mutations.ts), so a stuck server should fail it soon, to be retried later.
 */
const smtpTimeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** `url` with the timeouts above where it names none. */
export function withTimeouts(url: string): string {
  const parsed = new URL(url);
  for (const [name, value] of Object.entries(smtpTimeouts)) {
    if (!parsed.searchParams.has(name)) parsed.searchParams.set(name, String(value));
  }
  return parsed.toString();
}

/** A transport to the SMTP server at `url` (smtp:// or smtps://, credentials in the URL), sending as `from`. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(withTimeouts(url));
  return {
    kind: "smtp",
    send: async (mail) => {
      const info = await transporter.sendMail({
        from,
        to: { name: mail.to.name, address: mail.to.email },
        subject: mail.subject,
        text: mail.text,
        // nodemailer sends the calendar twice, as Gmail and Outlook expect: a text/calendar alternative with
        // its method parameter (what shows the invitation's buttons), and an application/ics attachment.
        ...(mail.calendar
          ? { icalEvent: { method: mail.calendar.method, filename: mail.calendar.method === "CANCEL" ? "cancel.ics" : "invite.ics", content: mail.calendar.content } }
          : {}),
      });
      return { messageId: String(info.messageId) };
    },
  };
}

const globalForMail = globalThis as typeof globalThis & { __safariMail?: MailTransport };

/** The process's transport, from SMTP_URL and MAIL_FROM. */
export function mailTransport(): MailTransport {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  globalForMail.__safariMail ??= SMTP_URL ? smtpTransport(SMTP_URL, MAIL_FROM) : outboxTransport;
  return globalForMail.__safariMail;
}
