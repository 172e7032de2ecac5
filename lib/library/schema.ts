import { z } from "zod";
import { eventTypeKeyRegex, journeyStages, momentEmotions, momentKinds } from "@/db/enums";
import { dayParam, onePosition, pageFields, param, textParam } from "@/lib/paging/params";

/*
 * The ouch/aah library as its URL holds it: /library?q=…&kind=…&persona=…&type=…&emotion=…&stage=…&from=…
 * &to=…&commitment=…&size=…&after=…|before=…. No database code: the filter form renders from it too.
 */

/** The longest search the library runs: longer ones are refused with a field error, not cut short silently. */
export const librarySearchMax = 200;

export const libraryListSchema = z
  .object({
    q: textParam("The search", librarySearchMax),
    kind: param(z.enum(momentKinds, { error: "Choose ouch or aah." })),
    persona: param(z.uuid({ error: "Choose a persona from the list." })),
    type: param(z.string().regex(eventTypeKeyRegex, "Choose a safari type from the list.")),
    emotion: param(z.enum(momentEmotions, { error: "Choose an emotion from the list." })),
    stage: param(z.enum(journeyStages, { error: "Choose a journey stage from the list." })),
    from: dayParam("From"),
    to: dayParam("To"),
    // "Open its moments" from a commitment: the moments it answers.
    commitment: param(z.uuid({ error: "This link to a commitment's moments is broken." })),
    ...pageFields,
  })
  .refine(...onePosition)
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ["to"], message: "The last day comes on or after the first." });

export type LibraryListParams = z.output<typeof libraryListSchema>;

/** The filter values of a library URL, without its page position: what the form and the page links keep. */
export const libraryFilters = (params: Partial<LibraryListParams>) => ({
  q: params.q,
  kind: params.kind,
  persona: params.persona,
  type: params.type,
  emotion: params.emotion,
  stage: params.stage,
  from: params.from,
  to: params.to,
  commitment: params.commitment,
  size: params.size,
});

/** The library filtered to the moments one commitment answers. */
export const momentsOfCommitmentHref = (commitmentId: string) => `/library?commitment=${encodeURIComponent(commitmentId)}`;
