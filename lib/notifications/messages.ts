import type { NotificationKind } from "@/db/enums";
import { formatInZone, formatRangeInZone } from "@/lib/time/zones";

/*
 * What each kind of notice says. The details are what the text needs, as they were when the notice was
 * written: an invitation keeps the times it was made for even if the safari moves later (that move is a
 * notice of its own).
 */

type Safari = { title: string; startAt: string; endAt: string; timeZone: string };

export type NotificationDetails = {
  invitation: Safari & { respondBy: string };
  answer_reminder: Safari & { respondBy: string };
  promotion: Safari;
  cancellation: Safari & { reason: string };
  time_change: Safari & { previousStartAt: string; previousEndAt: string };
  briefing_reminder: Safari;
  /** To the organizer: a host's consent no longer covers this coming safari. */
  consent_withdrawn: Safari & { hostName: string };
  /** After an attended safari without a reflection: the first prompt (24 h) or the second (48 h). */
  reflection_prompt: Safari & { round: 1 | 2; participationId: string };
  /** 30 or 90 days after a commitment was made, while it is still to keep. */
  commitment_followup: Safari & { body: string; dueOn: string; days: 30 | 90; reflectionId: string };
};

export const notificationLabels: Record<NotificationKind, string> = {
  invitation: "Invitation",
  answer_reminder: "Reminder",
  promotion: "From the waitlist",
  cancellation: "Cancelled",
  time_change: "New time",
  briefing_reminder: "Tomorrow",
  consent_withdrawn: "Consent withdrawn",
  reflection_prompt: "Reflect",
  commitment_followup: "Your commitment",
};

const when = (d: Safari) => formatRangeInZone(new Date(d.startAt), new Date(d.endAt), d.timeZone);

/** The sentence a notice shows, in the safari's own zone (the zone its wall-clock times were planned in). */
export function notificationText(kind: NotificationKind, details: Record<string, unknown>): string {
  switch (kind) {
    case "invitation": {
      const d = details as NotificationDetails["invitation"];
      return `You are invited to “${d.title}” (${when(d)}). Your seat is held until ${formatInZone(new Date(d.respondBy), d.timeZone)}: please accept or decline.`;
    }
    case "answer_reminder": {
      const d = details as NotificationDetails["answer_reminder"];
      return `Your invitation to “${d.title}” (${when(d)}) is still open. It expires ${formatInZone(new Date(d.respondBy), d.timeZone)}.`;
    }
    case "promotion": {
      const d = details as NotificationDetails["promotion"];
      return `A seat came free: you are now confirmed for “${d.title}” (${when(d)}).`;
    }
    case "cancellation": {
      const d = details as NotificationDetails["cancellation"];
      return `“${d.title}” (${when(d)}) has been cancelled: ${d.reason}`;
    }
    case "time_change": {
      const d = details as NotificationDetails["time_change"];
      const before = formatRangeInZone(new Date(d.previousStartAt), new Date(d.previousEndAt), d.timeZone);
      return `“${d.title}” has moved from ${before} to ${when(d)}.`;
    }
    case "briefing_reminder": {
      const d = details as NotificationDetails["briefing_reminder"];
      return `“${d.title}” is coming up (${when(d)}). Read your briefing before you go.`;
    }
    case "consent_withdrawn": {
      const d = details as NotificationDetails["consent_withdrawn"];
      return `${d.hostName} withdrew their consent: it no longer covers “${d.title}” (${when(d)}). Change the host or cancel the safari.`;
    }
    case "reflection_prompt": {
      const d = details as NotificationDetails["reflection_prompt"];
      return `${d.round === 1 ? "How was" : "Still time to reflect on"} “${d.title}” (${when(d)})? Write what you felt, while it is fresh.`;
    }
    case "commitment_followup": {
      const d = details as NotificationDetails["commitment_followup"];
      return `${d.days} days ago you committed after “${d.title}”: “${d.body}” (due ${d.dueOn}). How is it going?`;
    }
  }
}

/** The details every safari notice starts from. */
export const safariDetails = (event: { title: string; startAt: Date; endAt: Date; timeZone: string }): Safari => ({
  title: event.title,
  startAt: event.startAt.toISOString(),
  endAt: event.endAt.toISOString(),
  timeZone: event.timeZone,
});
