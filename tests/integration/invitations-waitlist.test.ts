import { describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { events, notifications, participations } from "@/db/schema";
import { toAppError } from "@/lib/errors/app-error";
import { cancelEvent, updateEvent } from "@/lib/events/mutations";
import { listNotifications, unreadCount } from "@/lib/notifications/data";
import { markRead } from "@/lib/notifications/mutations";
import {
  acceptInvitation,
  declineInvitation,
  expireInvitations,
  joinWaitlist,
  leaveWaitlist,
  remindUnanswered,
  signUp,
  withdraw,
} from "@/lib/participation/mutations";
import { makeEvent, makeExecutive, makeUser } from "../support/factories";

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => toAppError(error)?.code ?? error,
  );

const hours = (n: number) => n * 3_600_000;
const now = new Date("2031-03-02T09:00:00Z");
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);

async function invite(eventId: string, executiveId: string, respondBy = inDays(5)) {
  const db = await getDb();
  const [row] = await db.insert(participations).values({ eventId, executiveId, status: "invited", source: "matched", respondBy }).returning();
  return row!;
}

async function rowOf(participationId: string) {
  const db = await getDb();
  const [row] = await db.select().from(participations).where(eq(participations.id, participationId));
  return row!;
}

async function seatsTaken(eventId: string) {
  const db = await getDb();
  const [row] = await db.select({ seatsTaken: events.seatsTaken }).from(events).where(eq(events.id, eventId));
  return row!.seatsTaken;
}

async function noticesOf(userId: string) {
  const db = await getDb();
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.createdAt));
}

async function statusOf(eventId: string, executiveId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ status: participations.status })
    .from(participations)
    .where(and(eq(participations.eventId, eventId), eq(participations.executiveId, executiveId)));
  return row?.status;
}

async function setting() {
  const organizer = await makeUser("organizer");
  const event = await makeEvent(organizer.id, { startAt: inDays(10), endAt: new Date(inDays(10).getTime() + hours(2)), seats: 1 });
  return { organizer, event };
}

describe("an invitation", () => {
  it("holds its seat and its time until answered", async () => {
    const { organizer, event } = await setting();
    const invited = await makeExecutive();
    await invite(event.id, invited.id);
    expect(await seatsTaken(event.id)).toBe(1);
    expect(await codeOf(signUp(event.id, (await makeExecutive()).id, now))).toBe("EVENT_FULL");
    // The invited executive's time is held too: no overlapping sign-up elsewhere.
    const overlapping = await makeEvent(organizer.id, { startAt: new Date(event.startAt.getTime() + hours(1)), endAt: new Date(event.endAt.getTime() + hours(1)) });
    expect(await codeOf(signUp(overlapping.id, invited.id, now))).toBe("DOUBLE_BOOKED");
  });

  it("is accepted into a confirmed seat, once, and only by its executive", async () => {
    const { event } = await setting();
    const [invited, stranger] = [await makeExecutive(), await makeExecutive()];
    const invitation = await invite(event.id, invited.id);
    expect(await codeOf(acceptInvitation(invitation.id, stranger.id, now))).toBe("NOT_FOUND");
    await acceptInvitation(invitation.id, invited.id, now);
    expect(await rowOf(invitation.id)).toMatchObject({ status: "confirmed", source: "matched", respondedAt: now });
    expect(await seatsTaken(event.id)).toBe(1);
    expect(await codeOf(acceptInvitation(invitation.id, invited.id, now))).toBe("INVALID_STATE");
  });

  it("cannot be answered after its deadline or once the safari is cancelled", async () => {
    const { organizer, event } = await setting();
    const invited = await makeExecutive();
    const invitation = await invite(event.id, invited.id, inDays(1));
    const error = await acceptInvitation(invitation.id, invited.id, inDays(1)).catch((e: unknown) => toAppError(e));
    expect(error).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/expired/) });
    await cancelEvent(event.id, organizer.id, "The host moved away.", now);
    expect(await codeOf(declineInvitation(invitation.id, invited.id, null, now))).toBe("INVALID_STATE");
  });

  it("declined with a reason frees the seat for the first on the waitlist, who is told, in the same transaction", async () => {
    const { event } = await setting();
    const [invited, first, second] = [await makeExecutive(), await makeExecutive(), await makeExecutive()];
    const invitation = await invite(event.id, invited.id);
    expect(await joinWaitlist(event.id, first.id, now)).toBe("waitlisted");
    expect(await joinWaitlist(event.id, second.id, new Date(now.getTime() + 1000))).toBe("waitlisted");

    await declineInvitation(invitation.id, invited.id, "Board meeting that week.", now);

    expect(await rowOf(invitation.id)).toMatchObject({ status: "declined", declineReason: "Board meeting that week.", respondedAt: now });
    expect(await statusOf(event.id, first.id)).toBe("confirmed");
    expect(await statusOf(event.id, second.id)).toBe("waitlisted");
    expect(await seatsTaken(event.id)).toBe(1);
    expect(await noticesOf(first.id)).toMatchObject([{ kind: "promotion", eventId: event.id, details: { title: event.title }, readAt: null }]);
    expect(await noticesOf(second.id)).toEqual([]);
  });

  it("lapses at its deadline: the seat goes to the waitlist, and running the expiry again changes nothing", async () => {
    const { event } = await setting();
    const [invited, waiting] = [await makeExecutive(), await makeExecutive()];
    const invitation = await invite(event.id, invited.id, inDays(2));
    await joinWaitlist(event.id, waiting.id, now);

    expect(await expireInvitations(inDays(1))).toBe(0);
    expect(await rowOf(invitation.id)).toMatchObject({ status: "invited" });

    expect(await expireInvitations(inDays(2))).toBeGreaterThanOrEqual(1);
    expect(await rowOf(invitation.id)).toMatchObject({ status: "declined", expiredAt: inDays(2) });
    expect(await statusOf(event.id, waiting.id)).toBe("confirmed");
    await expireInvitations(inDays(3));
    expect(await seatsTaken(event.id)).toBe(1);
    expect((await noticesOf(waiting.id)).map((n) => n.kind)).toEqual(["promotion"]);
  });

  it("is reminded once when its deadline is near, and not once answered", async () => {
    const { organizer, event } = await setting();
    const [open, answered] = [await makeExecutive(), await makeExecutive()];
    const other = await makeEvent(organizer.id, { startAt: inDays(12), endAt: new Date(inDays(12).getTime() + hours(1)), seats: 1 });
    await invite(event.id, open.id, inDays(2));
    const done = await invite(other.id, answered.id, inDays(2));
    await acceptInvitation(done.id, answered.id, now);

    await remindUnanswered(now, 24); // two days away: not yet
    expect(await noticesOf(open.id)).toEqual([]);
    await remindUnanswered(inDays(1), 48);
    await remindUnanswered(new Date(inDays(1).getTime() + hours(1)), 48);
    expect((await noticesOf(open.id)).map((n) => n.kind)).toEqual(["answer_reminder"]);
    expect(await noticesOf(answered.id)).toEqual([]);
  });
});

describe("the waitlist", () => {
  it("gives a free seat at once instead, refuses overlaps and a second place", async () => {
    const { organizer, event } = await setting();
    const executive = await makeExecutive();
    expect(await joinWaitlist(event.id, executive.id, now)).toBe("confirmed");
    expect(await codeOf(joinWaitlist(event.id, executive.id, now))).toBe("ALREADY_SIGNED_UP");
    const full = await makeEvent(organizer.id, { startAt: event.startAt, endAt: event.endAt, seats: 1 });
    await signUp(full.id, (await makeExecutive()).id, now);
    expect(await codeOf(joinWaitlist(full.id, executive.id, now))).toBe("DOUBLE_BOOKED");
    const started = await makeEvent(organizer.id, { startAt: now, endAt: new Date(now.getTime() + hours(1)) });
    expect(await codeOf(joinWaitlist(started.id, executive.id, now))).toBe("SIGNUP_CLOSED");
  });

  it("promotes nobody once the safari has started", async () => {
    const { event } = await setting();
    const [invited, waiting] = [await makeExecutive(), await makeExecutive()];
    const invitation = await invite(event.id, invited.id, new Date(event.startAt.getTime() - hours(1)));
    await joinWaitlist(event.id, waiting.id, now);
    await expireInvitations(new Date(event.startAt.getTime() + 60_000));
    expect(await rowOf(invitation.id)).toMatchObject({ status: "declined" });
    expect(await statusOf(event.id, waiting.id)).toBe("waitlisted");
  });

  it("promotes in order, skipping whoever has meanwhile booked the same time", async () => {
    const { organizer, event } = await setting();
    const holder = await makeExecutive();
    const holderSeat = await signUp(event.id, holder.id, now);
    const [busy, next, last] = [await makeExecutive(), await makeExecutive(), await makeExecutive()];
    for (const [i, executive] of [busy, next, last].entries()) await joinWaitlist(event.id, executive.id, new Date(now.getTime() + i * 1000));
    // `busy` takes another safari at the same time after joining the waitlist.
    const sameTime = await makeEvent(organizer.id, { startAt: event.startAt, endAt: event.endAt });
    await signUp(sameTime.id, busy.id, now);

    await withdraw(holderSeat, holder.id, now);
    expect(await statusOf(event.id, busy.id)).toBe("waitlisted");
    expect(await statusOf(event.id, next.id)).toBe("confirmed");
    expect(await statusOf(event.id, last.id)).toBe("waitlisted");
  });

  it("moves up when the organizer adds seats, and everyone on a cancelled or moved safari is told", async () => {
    const { organizer, event } = await setting();
    await signUp(event.id, (await makeExecutive()).id, now);
    const [a, b] = [await makeExecutive(), await makeExecutive()];
    await joinWaitlist(event.id, a.id, now);
    await joinWaitlist(event.id, b.id, new Date(now.getTime() + 1000));
    const fields = { type: event.type, title: event.title, briefing: "", location: "", timeZone: event.timeZone };
    await updateEvent(event.id, organizer.id, { ...fields, startAt: event.startAt, endAt: event.endAt, seats: 2 }, now);
    expect([await statusOf(event.id, a.id), await statusOf(event.id, b.id)]).toEqual(["confirmed", "waitlisted"]);

    const later = new Date(event.startAt.getTime() + hours(24));
    await updateEvent(event.id, organizer.id, { ...fields, startAt: later, endAt: new Date(later.getTime() + hours(2)), seats: 2 }, now);
    expect((await noticesOf(b.id)).map((n) => n.kind)).toEqual(["time_change"]);
    expect((await noticesOf(b.id))[0]!.details).toMatchObject({ previousStartAt: event.startAt.toISOString(), startAt: later.toISOString() });

    await cancelEvent(event.id, organizer.id, "The store is closed for a flood.", now);
    expect((await noticesOf(a.id)).map((n) => n.kind)).toEqual(["promotion", "time_change", "cancellation"]);
    expect((await noticesOf(b.id)).at(-1)).toMatchObject({ kind: "cancellation", details: { reason: "The store is closed for a flood." } });
  });

  it("starts afresh when someone who declined or was promoted comes back", async () => {
    const { event } = await setting();
    const [invited, waiting] = [await makeExecutive(), await makeExecutive()];
    const invitation = await invite(event.id, invited.id);
    await joinWaitlist(event.id, waiting.id, now);
    await declineInvitation(invitation.id, invited.id, "Travelling.", now);
    const [promoted] = await (await getDb()).select().from(participations).where(and(eq(participations.eventId, event.id), eq(participations.executiveId, waiting.id)));
    await withdraw(promoted!.id, waiting.id, now);
    // The freed seat: the one who declined signs up, the one who withdrew joins the waitlist again.
    await signUp(event.id, invited.id, now);
    expect(await rowOf(invitation.id)).toMatchObject({ status: "confirmed", source: "signed_up", declineReason: null, respondedAt: null, respondBy: null });
    expect(await joinWaitlist(event.id, waiting.id, new Date(now.getTime() + 1000))).toBe("waitlisted");
    expect(await rowOf(promoted!.id)).toMatchObject({ status: "waitlisted", promotedAt: null, withdrawnAt: null, waitlistedAt: new Date(now.getTime() + 1000) });
  });

  it("can be left, and a place left is not promoted", async () => {
    const { event } = await setting();
    const holder = await makeExecutive();
    const seat = await signUp(event.id, holder.id, now);
    const leaver = await makeExecutive();
    await joinWaitlist(event.id, leaver.id, now);
    const place = (await getDb()).select().from(participations).where(and(eq(participations.eventId, event.id), eq(participations.executiveId, leaver.id)));
    const [row] = await place;
    expect(await codeOf(leaveWaitlist(row!.id, holder.id))).toBe("NOT_FOUND");
    await leaveWaitlist(row!.id, leaver.id);
    await withdraw(seat, holder.id, now);
    expect(await statusOf(event.id, leaver.id)).toBe("declined");
    expect(await seatsTaken(event.id)).toBe(0);
  });

  it("under 200 concurrent joins and withdrawals, never overfills, promotes in order, and never into an overlap", async () => {
    const organizer = await makeUser("organizer");
    const seats = 5;
    const a = await makeEvent(organizer.id, { startAt: inDays(20), endAt: new Date(inDays(20).getTime() + hours(2)), seats });
    // B overlaps A: someone holding a seat on B must never be promoted into A.
    const b = await makeEvent(organizer.id, { startAt: new Date(a.startAt.getTime() + hours(1)), endAt: new Date(a.endAt.getTime() + hours(1)), seats: 40 });
    const holders = await Promise.all(Array.from({ length: seats }, () => makeExecutive()));
    const holderSeats = await Promise.all(holders.map((h) => signUp(a.id, h.id, now)));
    const joiners = await Promise.all(Array.from({ length: 150 }, () => makeExecutive()));
    const bTakers = joiners.slice(0, 45);

    const tasks: Promise<unknown>[] = [];
    joiners.forEach((executive, i) => tasks.push(codeOf(joinWaitlist(a.id, executive.id, new Date(now.getTime() + i)))));
    holders.forEach((holder, i) => tasks.push(codeOf(withdraw(holderSeats[i]!, holder.id, now))));
    bTakers.forEach((executive) => tasks.push(codeOf(signUp(b.id, executive.id, now))));
    const outcomes = await Promise.all(tasks);
    expect(outcomes.length).toBe(200);
    expect(outcomes.filter((o) => typeof o !== "string")).toEqual([]);

    const db = await getDb();
    const rows = await db.select().from(participations).where(eq(participations.eventId, a.id));
    const onA = rows.filter((r) => r.status === "confirmed");
    expect(onA.length).toBeLessThanOrEqual(seats);
    expect(await seatsTaken(a.id)).toBe(onA.length);
    // Nobody confirmed on A also holds a seat on the overlapping B.
    const onB = new Set((await db.select().from(participations).where(and(eq(participations.eventId, b.id), eq(participations.status, "confirmed")))).map((r) => r.executiveId));
    expect(onA.filter((r) => onB.has(r.executiveId))).toEqual([]);
    // Order: every promoted executive joined before everyone still waiting who could have taken the seat.
    const waiting = rows.filter((r) => r.status === "waitlisted" && !onB.has(r.executiveId));
    const promoted = rows.filter((r) => r.promotedAt !== null && r.status === "confirmed");
    if (waiting.length > 0 && promoted.length > 0) {
      const lastPromoted = Math.max(...promoted.map((r) => r.waitlistedAt!.getTime()));
      const firstWaiting = Math.min(...waiting.map((r) => r.waitlistedAt!.getTime()));
      expect(lastPromoted).toBeLessThan(firstWaiting);
    }
    // All seats given back were filled: the waitlist was long enough.
    expect(onA.length).toBe(seats);
  }, 120_000);
});

describe("the inbox", () => {
  it("counts unread notices, pages newest first, and marks only one's own read", async () => {
    const { organizer } = await setting();
    const [reader, other] = [await makeExecutive(), await makeExecutive()];
    for (let i = 0; i < 5; i++) {
      const e = await makeEvent(organizer.id, { startAt: inDays(30 + i), endAt: new Date(inDays(30 + i).getTime() + hours(1)), title: `Safari ${i}` });
      await invite(e.id, reader.id);
      await cancelEvent(e.id, organizer.id, `Reason ${i}`, new Date(now.getTime() + i * 1000));
    }
    await signUp((await setting()).event.id, other.id, now);
    expect(await unreadCount(reader.id)).toBe(5);
    const first = await listNotifications(reader.id, null, 2);
    expect(first).toMatchObject({ total: 5, hasMore: true });
    expect(first.rows.map((r) => r.details.title)).toEqual(["Safari 4", "Safari 3"]);
    const second = await listNotifications(reader.id, first.rows.at(-1)!.id, 2);
    expect(second.rows.map((r) => r.details.title)).toEqual(["Safari 2", "Safari 1"]);
    const lastPage = await listNotifications(reader.id, second.rows.at(-1)!.id, 2);
    expect(lastPage).toMatchObject({ hasMore: false });
    expect(lastPage.rows.map((r) => r.details.title)).toEqual(["Safari 0"]);
    // Another user's cursor reads nothing of this inbox.
    expect((await listNotifications(other.id, first.rows[0]!.id, 2)).rows).toEqual([]);

    expect(await markRead(other.id, [first.rows[0]!.id], now)).toBe(0);
    expect(await markRead(reader.id, [first.rows[0]!.id], now)).toBe(1);
    expect(await unreadCount(reader.id)).toBe(4);
    expect(await markRead(reader.id, "all", now)).toBe(4);
    expect(await unreadCount(reader.id)).toBe(0);
  });
});
