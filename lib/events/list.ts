import { z } from "zod";
import { eventStatuses, eventTypeKeyRegex } from "@/db/enums";
import { dayParam, onePosition, pageFields, param, textParam } from "@/lib/paging/params";

/*
 * The organizer's list of events, as its URL holds it (/organize?when=…&status=…&type=…&from=…&to=…&q=…
 * &size=…&after=…|before=…). No database code: the filter form renders from it too.
 */

export const eventListTabs = ["upcoming", "past"] as const;
export type EventListTab = (typeof eventListTabs)[number];

export const eventListSchema = z
  .object({
    when: param(z.enum(eventListTabs, { error: "Choose upcoming or past events." })),
    status: param(z.enum(eventStatuses, { error: "Choose a status from the list." })),
    type: param(z.string().regex(eventTypeKeyRegex, "Choose a type from the list.")),
    from: dayParam("From"),
    to: dayParam("To"),
    q: textParam("The title search", 120),
    ...pageFields,
  })
  .refine(...onePosition)
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ["to"], message: "The last day comes on or after the first." });

export type EventListParams = z.output<typeof eventListSchema>;

/** The filter values of a list URL, without its page position: what the form and the page links keep. */
export const eventListFilters = (params: Partial<EventListParams>) => ({
  when: params.when,
  status: params.status,
  type: params.type,
  from: params.from,
  to: params.to,
  q: params.q,
  size: params.size,
});
