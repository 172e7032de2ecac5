import { desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, users, type AuditAction } from "@/db/schema";
import { listAuditActors, listAuditEntries, type AuditCursor, type AuditQuery } from "@/lib/audit/data";
import { recordAudit } from "@/lib/audit/mutations";
import { auditHref, auditPeriod, parseAuditFilter } from "@/lib/audit/schema";
import { makeEvent, makeUser } from "../support/factories";

/*
 * The admin's audit trail: filters, keyset pages (newest first, on (at, id)), and a table the database
 * keeps append-only. Thirty entries by two people and the system over a few days, several sharing one
 * instant and some a microsecond apart, so pages must break ties by id and never round to milliseconds.
 */
const berlin = "Europe/Berlin";
const everyone: AuditQuery = { actor: null, objectType: null, objectId: null, from: null, to: null };
let alice: { id: string; name: string };
let bob: { id: string; name: string };
let eventId: string;
/** Every entry's id, newest first, as the trail must list them. */
let newestFirst: string[];

async function entry(at: string, actorId: string | null, action: AuditAction, objectType: string, objectId: string, details: Record<string, unknown> = {}) {
  const db = await getDb();
  // Through SQL, so the microseconds in `at` reach the database as written.
  const [row] = await db
    .insert(auditLog)
    .values({ at: sql`${at}::timestamptz`, actorId, action, objectType, objectId, details })
    .returning({ id: auditLog.id });
  return row!.id;
}

/** Every page from the first, following `older` links. */
async function allPages(query: AuditQuery, pageSize: number) {
  const pages = [];
  let cursor: AuditCursor = null;
  for (let i = 0; i < 50; i++) {
    const page = await listAuditEntries(query, cursor, pageSize);
    pages.push(page!);
    if (!page!.older) break;
    cursor = { older: page!.older };
  }
  return pages;
}

beforeAll(async () => {
  alice = await makeUser("admin", { name: "Alice Admin" });
  bob = await makeUser("organizer", { name: "Bob Organizer" });
  const event = await makeEvent(bob.id, { title: "Breakfast with switchers" });
  eventId = event.id;

  for (let day = 1; day <= 10; day++) {
    const date = `2026-03-${String(20 + day).padStart(2, "0")}`;
    await entry(`${date}T09:00:00Z`, bob.id, "event.edit", "event", eventId, { from: "Old title", to: "Breakfast with switchers" });
    await entry(`${date}T09:00:00Z`, alice.id, "user.role_change", "user", bob.id, { from: "executive", to: "organizer" });
    // Some microseconds later: the same millisecond for JavaScript, a later instant for the database.
    await entry(`${date}T09:00:00.${String(day * 7).padStart(6, "0")}Z`, null, "auth.lockout", "account", "someone@example.com");
  }
  const db = await getDb();
  newestFirst = (await db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.at), desc(auditLog.id))).map((row) => row.id);
  expect(newestFirst).toHaveLength(30);
});

describe("paging the trail, newest first", () => {
  it("shows the newest entries first, with the count of all, and no newer page", async () => {
    const page = (await listAuditEntries(everyone, null, 7))!;
    expect(page.entries.map((e) => e.id)).toEqual(newestFirst.slice(0, 7));
    expect(page.count).toBe(30);
    expect(page.newer).toBeNull();
    expect(page.older).toBe(newestFirst[6]);
    expect(page.entries.map((e) => e.at.getTime())).toEqual([...page.entries.map((e) => e.at.getTime())].sort((a, b) => b - a));
  });

  it("walks to the last page without losing or repeating an entry, even where entries share an instant", async () => {
    const pages = await allPages(everyone, 7);
    expect(pages.map((page) => page.entries.length)).toEqual([7, 7, 7, 7, 2]);
    expect(pages.flatMap((page) => page.entries.map((e) => e.id))).toEqual(newestFirst);
    const last = pages[pages.length - 1]!;
    expect(last.older).toBeNull();
    expect(last.newer).toBe(last.entries[0]!.id);
  });

  it("ends exactly at a page boundary without an empty page after it", async () => {
    const pages = await allPages(everyone, 10);
    expect(pages.map((page) => page.entries.length)).toEqual([10, 10, 10]);
    expect(pages[2]!.older).toBeNull();
  });

  it("goes back to newer entries from any page, to the same pages", async () => {
    const pages = await allPages(everyone, 7);
    const back = (await listAuditEntries(everyone, { newer: pages[3]!.newer! }, 7))!;
    expect(back.entries.map((e) => e.id)).toEqual(pages[2]!.entries.map((e) => e.id));
    expect(back.older).toBe(pages[2]!.older);
    const first = (await listAuditEntries(everyone, { newer: pages[1]!.newer! }, 7))!;
    expect(first.entries.map((e) => e.id)).toEqual(pages[0]!.entries.map((e) => e.id));
    expect(first.newer).toBeNull();
  });

  it("answers null for a cursor that names no entry", async () => {
    expect(await listAuditEntries(everyone, { older: "00000000-0000-4000-8000-000000000000" }, 7)).toBeNull();
  });
});

describe("filters", () => {
  it("finds nothing, with a zero count and no pages, when nothing matches", async () => {
    const page = (await listAuditEntries({ ...everyone, actor: alice.id, objectType: "event" }, null, 7))!;
    expect(page).toEqual({ entries: [], count: 0, older: null, newer: null });
  });

  it("filters by person, and pages within the filter", async () => {
    const query = { ...everyone, actor: bob.id };
    const pages = await allPages(query, 4);
    expect(pages.map((page) => page.entries.length)).toEqual([4, 4, 2]);
    expect(pages.every((page) => page.count === 10)).toBe(true);
    const entries = pages.flatMap((page) => page.entries);
    expect(entries.every((e) => e.actorName === "Bob Organizer" && e.action === "event.edit")).toBe(true);
    expect(entries.map((e) => e.id)).toEqual(newestFirst.filter((id) => entries.some((e) => e.id === id)));
    // Readable: the event's title and the change.
    expect(entries[0]).toMatchObject({ objectType: "event", objectId: eventId, objectName: "Breakfast with switchers", details: { from: "Old title" } });
  });

  it("finds a person's entries by part of their name or e-mail, in any case, and pages within it", async () => {
    const byName = await allPages({ ...everyone, who: "BOB organ" }, 4);
    const byId = await allPages({ ...everyone, actor: bob.id }, 4);
    expect(byName.flatMap((page) => page.entries.map((e) => e.id))).toEqual(byId.flatMap((page) => page.entries.map((e) => e.id)));
    expect(byName[0]!.count).toBe(10);
    const [bobRow] = await (await getDb()).select({ email: users.email }).from(users).where(eq(users.id, bob.id));
    expect((await listAuditEntries({ ...everyone, who: bobRow!.email.slice(0, 12) }, null, 50))!.count).toBe(10);
    // % and _ are themselves, not wildcards; the system's entries have no person to match.
    expect((await listAuditEntries({ ...everyone, who: "B%b" }, null, 50))!.count).toBe(0);
  });

  it("lists the staff in the person filter, and an executive only when chosen", async () => {
    const executive = await makeUser("executive", { name: "Erin Executive" });
    const names = async (chosen: string | null) => (await listAuditActors(chosen)).map((actor) => actor.name);
    expect(await names(null)).toEqual(expect.arrayContaining(["Alice Admin", "Bob Organizer"]));
    expect(await names(null)).not.toContain("Erin Executive");
    expect(await names(executive.id)).toContain("Erin Executive");
  });

  it("filters entries without a person as the system's", async () => {
    const page = (await listAuditEntries({ ...everyone, actor: "system" }, null, 50))!;
    expect(page.count).toBe(10);
    expect(page.entries.every((e) => e.actorId === null && e.actorName === null && e.action === "auth.lockout")).toBe(true);
  });

  it("filters by object type and id, and names a person the entry is about", async () => {
    const page = (await listAuditEntries({ ...everyone, objectType: "user", objectId: bob.id }, null, 50))!;
    expect(page.count).toBe(10);
    expect(page.entries[0]).toMatchObject({ actorName: "Alice Admin", objectName: "Bob Organizer" });
    expect((await listAuditEntries({ ...everyone, objectType: "event", objectId: bob.id }, null, 50))!.count).toBe(0);
  });

  it("filters by days of the organisation's calendar, both ends included, combined with a person and pages", async () => {
    // 23 to 25 March in Berlin: three days, one entry of Alice's a day.
    const period = auditPeriod({ from: "2026-03-23", to: "2026-03-25" }, berlin);
    expect(period).toEqual({ from: new Date("2026-03-22T23:00:00Z"), to: new Date("2026-03-25T23:00:00Z") });
    const query = { ...everyone, ...period, actor: alice.id };
    const pages = await allPages(query, 2);
    expect(pages.map((page) => page.entries.length)).toEqual([2, 1]);
    expect(pages.flatMap((page) => page.entries.map((e) => e.at.toISOString().slice(0, 10)))).toEqual(["2026-03-25", "2026-03-24", "2026-03-23"]);
    // Over the change to summer time (29 March): the day still runs from local midnight to local midnight.
    expect(auditPeriod({ from: "2026-03-29", to: "2026-03-29" }, berlin)).toEqual({
      from: new Date("2026-03-28T23:00:00Z"),
      to: new Date("2026-03-29T22:00:00Z"),
    });
  });
});

describe("reading the filter from the URL", () => {
  it("reads a good filter, and treats empty fields as no filter", () => {
    const parsed = parseAuditFilter({ actor: "system", type: "event", object: " abc ", from: "2026-03-01", to: "", older: undefined });
    expect(parsed).toEqual({ success: true, data: { actor: "system", type: "event", object: "abc", from: "2026-03-01" } });
    expect(auditHref(parsed.success ? parsed.data : {}, { older: eventId })).toBe(`/audit?actor=system&type=event&object=abc&from=2026-03-01&older=${eventId}`);
  });

  it.each([
    [{ actor: "bob" }, "actor", "Choose a person from the list."],
    [{ type: "invoice" }, "type", "Choose a kind of object from the list."],
    [{ from: "2026-02-30" }, "from", "This is not a date on the calendar."],
    [{ to: "yesterday" }, "to", "Write the date as yyyy-mm-dd."],
    [{ from: "2026-03-02", to: "2026-03-01" }, "to", "The end date is before the start date."],
    [{ type: ["event", "user"] }, "type", "Give this filter once."],
    [{ object: "a\u0000b" }, "object", "Remove the invisible control characters from the object id."],
    [{ older: "not-an-id" }, "older", "This link to a page of the trail is broken."],
  ])("refuses %j with a message for the field", (params, field, message) => {
    const parsed = parseAuditFilter(params);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.fieldErrors[field]).toEqual([message]);
  });
});

describe("the trail is append-only", () => {
  const refusal = (error: unknown) => {
    const messages = [String((error as Error).message), String(((error as { cause?: Error }).cause ?? {}).message)];
    return messages.some((message) => message.includes("append-only"));
  };

  it("refuses to change or delete an entry", async () => {
    const db = await getDb();
    const id = newestFirst[0]!;
    await expect(db.update(auditLog).set({ action: "auth.sign_in" }).where(eq(auditLog.id, id))).rejects.toSatisfy(refusal);
    await expect(db.delete(auditLog).where(eq(auditLog.id, id))).rejects.toSatisfy(refusal);
    await expect(db.execute(sql`truncate table audit_log`)).rejects.toSatisfy(refusal);
    const [still] = await db.select().from(auditLog).where(eq(auditLog.id, id));
    expect(still?.action).not.toBe("auth.sign_in");
  });

  it("keeps an erased person's entries, without their id", async () => {
    const db = await getDb();
    const carol = await makeUser("organizer", { name: "Carol Leaving" });
    await recordAudit(null, { actorId: carol.id, action: "event.publish", objectType: "event", objectId: eventId, details: { from: "draft", to: "published" } });
    await db.delete(users).where(eq(users.id, carol.id));
    const page = (await listAuditEntries({ ...everyone, actor: "system", objectType: "event" }, null, 50))!;
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({ actorId: null, action: "event.publish", details: { from: "draft", to: "published" } });
  });
});
