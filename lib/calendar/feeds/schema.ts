import { z } from "zod";

/**
 * Making a feed link names the live feed the page showed (or none), so a second tab cannot silently
 * replace a link the user just copied.
 */
export const createFeedSchema = z.object({
  currentFeedId: z.union([z.literal(""), z.uuid({ message: "This is not a feed link of yours." })]),
});

export const revokeFeedSchema = z.object({
  feedId: z.uuid({ message: "This is not a feed link of yours." }),
});
