import { z } from "zod";
import { eventTypeKeyRegex } from "@/db/enums";
import { dayParam, onePosition, pageFields, param } from "@/lib/paging/params";

/*
 * The executive's lists as their URLs hold them: open safaris (/safaris?type=…&persona=…&from=…&to=…
 * &seats=free&size=…&after=…|before=…) and their own (/safaris/mine?when=past&size=…&after=…|before=…).
 * No database code: the filter forms render from it too.
 */

export const openSafariListSchema = z
  .object({
    type: param(z.string().regex(eventTypeKeyRegex, "Choose a type from the list.")),
    persona: param(z.uuid({ error: "Choose a customer persona from the list." })),
    from: dayParam("From"),
    to: dayParam("To"),
    seats: param(z.enum(["free"], { error: "Choose whether to show only safaris with a free seat." })),
    ...pageFields,
  })
  .refine(...onePosition)
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ["to"], message: "The last day comes on or after the first." });

export type OpenSafariListParams = z.output<typeof openSafariListSchema>;

export const openSafariFilters = ({ type, persona, from, to, seats, size }: Partial<OpenSafariListParams>) => ({ type, persona, from, to, seats, size });

export const mySafariTabs = ["upcoming", "past"] as const;
export type MySafariTab = (typeof mySafariTabs)[number];

export const mySafariListSchema = z
  .object({
    when: param(z.enum(mySafariTabs, { error: "Choose upcoming or past safaris." })),
    ...pageFields,
  })
  .refine(...onePosition);

export type MySafariListParams = z.output<typeof mySafariListSchema>;
