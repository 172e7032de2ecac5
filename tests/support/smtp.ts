import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/*
 * A real SMTP server for tests (nodemailer's smtp-server): plain SMTP on a free local port, no TLS and no
 * authentication, keeping every message it accepts, parsed by mailparser. `rejectNext(n)` makes it refuse
 * the next n messages with a temporary failure (451), as a server under load would.
 * For e2e: `startSmtpServer(port)` on the port the app's SMTP_URL names (smtp://127.0.0.1:<port>).
 */

export type ReceivedMail = ParsedMail & { raw: string; envelopeTo: string[] };

export type TestSmtpServer = {
  url: string;
  port: number;
  received: ReceivedMail[];
  rejectNext: (count: number) => void;
  /** How many messages it refused so far. */
  rejected: () => number;
  stop: () => Promise<void>;
};

export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let toReject = 0;
  let rejected = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (toReject > 0) {
          toReject -= 1;
          rejected += 1;
          callback(Object.assign(new Error("Try again later (test server)"), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then((parsed) => {
            received.push(Object.assign(parsed, { raw, envelopeTo: session.envelope.rcptTo.map((to) => to.address) }));
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${actualPort}`,
    port: actualPort,
    received,
    rejectNext: (count) => {
      toReject = count;
    },
    rejected: () => rejected,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The text/calendar part of a received mail (the alternative carrying METHOD), as text. */
export function calendarPart(mail: ReceivedMail): { method: string | undefined; content: string } | undefined {
  const part = mail.attachments.find((attachment) => attachment.contentType === "text/calendar");
  if (!part) return undefined;
  const contentType = part.headers.get("content-type") as { params?: Record<string, string> } | undefined;
  return { method: contentType?.params?.method, content: part.content.toString("utf8") };
}
