import "server-only";
import { getDb } from "@/db";
import { vacuumEmbedded } from "@/db/maintenance";
import { deliverPendingMail } from "@/lib/mail/mutations";
import { mailTransport } from "@/lib/mail/transport";
import { expireInvitations, promptReflections, remindBriefing, remindUnanswered } from "@/lib/participation/mutations";
import { followUpCommitments } from "@/lib/commitments/mutations";
import type { Clock } from "./clock";

/*
 * The app's scheduled work: what runs, how often and why. Each job is a sweep that reads `now` once from
 * the clock and is idempotent (a lapsed invitation is no longer open, a reminder has a dedupe key, a
 * second VACUUM finds nothing left to do), so a repeated, retried or late run changes nothing that an
 * on-time run would not have.
 */

/** Invitations lapsed per transaction batch; a run repeats batches until none is full (a backlog after downtime). */
const expiryBatch = 500;

export type ScheduledJob = {
  /** The pg-boss queue, and the name in logs. */
  name: string;
  /** Five-field cron, evaluated in UTC. */
  cron: string;
  /** One run: does the work as of `clock()` and returns figures that pg-boss keeps as the job's output. */
  run: (clock: Clock) => Promise<Record<string, number>>;
};

export const invitationExpiry: ScheduledJob = {
  name: "expire-invitations",
  // Every minute. A lapsed invitation already cannot be answered (answerVerdict looks at the deadline),
  // but its seat is held until this runs, so the first waitlisted executive waits at most about a minute
  // (plus pg-boss's cron check and polling) for it. The run is one indexed query when nothing is due.
  cron: "* * * * *",
  run: async (clock) => {
    const now = clock();
    let expired = 0;
    for (;;) {
      const batch = await expireInvitations(now, expiryBatch);
      expired += batch;
      if (batch < expiryBatch) return { expired };
    }
  },
};

export const answerReminders: ScheduledJob = {
  name: "remind-unanswered",
  // Every 15 minutes. A reminder is due from 48 hours before the deadline, so a quarter of an hour late
  // costs nothing; but an invitation made close to its safari can have a deadline only a few hours away,
  // and an hourly run could then remind with little time left. Each run is one query and one insert
  // that skips the reminders already written.
  cron: "*/15 * * * *",
  run: async (clock) => ({ reminded: await remindUnanswered(clock()) }),
};

export const embeddedVacuum: ScheduledJob = {
  name: "vacuum-pglite",
  // Hourly, at minute 7 (off the quarter hours, when the reminders run). On PGlite, which has no autovacuum,
  // VACUUM (ANALYZE) of the whole database (db/maintenance.ts). What the bulk changes do not cover piles up
  // steadily: pg-boss's own bookkeeping alone rewrites 20 to 30 rows a minute (measured), and every expiry
  // or answer a few. A run takes 0.1–0.2 s on the demo database, during which PGlite answers nothing else;
  // nightly would let a day's worth pile up for no real saving. On a server it does nothing
  // ({ vacuumed: 0 }): autovacuum sees to it there.
  cron: "7 * * * *",
  run: async () => ({ vacuumed: (await vacuumEmbedded(await getDb())) ? 1 : 0 }),
};

export const mailDelivery: ScheduledJob = {
  name: "deliver-mail",
  // Every minute: a notice's mail goes out at most about a minute after the change it reports (plus
  // pg-boss's cron check and polling). Each run sends what is pending and due (lib/mail/mutations.ts: a
  // failed send is tried again after 1, 5, 15 and 60 minutes, then marked failed for an admin); nothing
  // due is one query on a partial index. The queue's "exclusive" policy keeps two runs from overlapping,
  // and each notice is locked while it is sent, so no mail goes out twice.
  cron: "* * * * *",
  run: async (clock) => deliverPendingMail(clock(), mailTransport()),
};

export const briefingReminders: ScheduledJob = {
  name: "remind-briefing",
  // Every 15 minutes: the day-before reminder is due from 24 hours before the start, and a quarter of an
  // hour late costs nothing. Its dedupe key makes it once per participation; its mail goes out with the
  // next delivery run.
  cron: "*/15 * * * *",
  run: async (clock) => ({ reminded: await remindBriefing(clock()) }),
};

export const reflectionPrompts: ScheduledJob = {
  name: "prompt-reflections",
  // Every 15 minutes: the prompts are due 24 and 48 hours after an attended safari ends, and a quarter of
  // an hour late costs nothing. Each round has its own dedupe key, so each is sent once; a written
  // reflection or a cancelled safari stops the ones not yet sent.
  cron: "*/15 * * * *",
  run: async (clock) => ({ prompted: await promptReflections(clock()) }),
};

export const commitmentFollowUps: ScheduledJob = {
  name: "follow-up-commitments",
  // Hourly, at minute 37 (off the quarter hours and the vacuum): a follow-up is due 30 or 90 days after a
  // commitment was made, so an hour late costs nothing. Its dedupe key (commitment and day) makes it once.
  cron: "37 * * * *",
  run: async (clock) => ({ followedUp: await followUpCommitments(clock()) }),
};

export const scheduledJobs: readonly ScheduledJob[] = [
  invitationExpiry,
  answerReminders,
  embeddedVacuum,
  mailDelivery,
  briefingReminders,
  reflectionPrompts,
  commitmentFollowUps,
];

/** A scheduled job by its queue name, for the test route that runs one on demand (app/api/test/jobs). */
export function findScheduledJob(name: string): ScheduledJob | undefined {
  return scheduledJobs.find((job) => job.name === name);
}
