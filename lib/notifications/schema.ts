import { z } from "zod";

/** "Mark read": one notice by id, or all of one's unread notices. */
export const markReadSchema = z.object({
  notificationId: z.union([z.literal("all"), z.uuid("Unknown notification.")], { error: "Unknown notification." }),
});
