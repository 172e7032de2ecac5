import { z } from "zod";
import { notificationKinds } from "@/db/enums";
import { listHref, onePosition, pageFields, param, parseListParams, textParam } from "@/lib/paging/params";

/*
 * The mail forms' and lists' input, shared by the forms in the browser and the actions on the server.
 */

/** Which mails one wants: the ticked boxes named "wanted", one kind each (FormData joins them by line). */
export const mailPreferencesSchema = z.object({
  wanted: z
    .string()
    .default("")
    .transform((value) => value.split("\n").filter(Boolean))
    .pipe(z.array(z.enum(notificationKinds, { error: "One of the boxes is not a kind of mail we send." }))),
});

/** "Send again" for a notice whose mail failed. */
export const resendMailSchema = z.object({
  notificationId: z.uuid({ error: "Unknown notice." }),
});

/** How mails left: through the SMTP server, or kept in the outbox only. */
export const mailTransports = ["smtp", "outbox"] as const;

/** The admin outbox's state in the URL: recipient (part of a name or address), how sent, and the page. */
export const outboxListSchema = z
  .object({
    to: textParam("Recipient", 100),
    via: param(z.enum(mailTransports, { error: "Choose SMTP or outbox only." })),
    ...pageFields,
  })
  .refine(...onePosition);

export type OutboxList = z.output<typeof outboxListSchema>;

export const parseOutboxList = (params: Record<string, string | string[] | undefined>) => parseListParams(outboxListSchema, params);

export const outboxHref = (list: OutboxList, page: { after?: string; before?: string } = {}) =>
  listHref("/admin/mail", { to: list.to, via: list.via, size: list.size }, page);
