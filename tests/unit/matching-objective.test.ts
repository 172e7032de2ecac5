import { describe, expect, it } from "vitest";
import { proposeMatches } from "@/lib/matching/matcher";
import { placementBonus, scoreAssignments } from "@/lib/matching/objective";
import { prepare } from "@/lib/matching/prepare";
import { staticBlock } from "@/lib/matching/rules";
import { buildState } from "@/lib/matching/state";
import type { Assignment, MatchEvent, MatchExecutive, MatchingInput } from "@/lib/matching/types";
import { familyNamed } from "@/bench/matching/families";
import { at, daysAgo, event, executive, interval, matchingInput, placed, seat } from "@/tests/support/matching-builders";

/*
 * Each tier of the objective on a case small enough that the right answer is obvious. Every case is run
 * twice with the ids swapped, so a matcher that merely picks the first (or last) id cannot pass, and the
 * objective must rank the right answer above the wrong one.
 */

const pairs = (list: string[]): Assignment[] =>
  list.map((pair) => {
    const [executiveId, eventId] = pair.split("@");
    return { executiveId: executiveId!, eventId: eventId! };
  });

const total = (input: MatchingInput, list: string[]) => scoreAssignments(input, pairs(list)).total;

/** Builds the case twice: with the given ids and with each pair of ids swapped. */
function bothWays(build: (x: string, y: string) => { input: MatchingInput; better: string[]; worse: string[] }) {
  return [build("a", "b"), build("b", "a")].map((c) => ({ ...c, label: c.better.join(" ") }));
}

function expectBest({ input, better, worse }: { input: MatchingInput; better: string[]; worse: string[] }) {
  expect(placed(proposeMatches(input))).toEqual([...better].sort());
  expect(total(input, better)).toBeGreaterThan(total(input, worse));
}

describe("tier 1: executives below target are placed, longest without contact first", () => {
  it.each(
    bothWays((x, y) => ({
      input: matchingInput({ events: [event("e1")], executives: [executive(x, { lastContactAt: daysAgo(200) }), executive(y, { lastContactAt: daysAgo(100) })] }),
      better: [`${x}@e1`],
      worse: [`${y}@e1`],
    })),
  )("gives one seat for two to the one who waited longer ($label)", expectBest);

  it.each(
    bothWays((x, y) => ({
      input: matchingInput({ events: [event("e1")], executives: [executive(x, { lastContactAt: null }), executive(y, { lastContactAt: daysAgo(700) })] }),
      better: [`${x}@e1`],
      worse: [`${y}@e1`],
    })),
  )("counts never having had contact as the longest wait ($label)", expectBest);

  it.each(
    bothWays((x, y) => ({
      input: matchingInput({ events: [event("e1")], executives: [executive(x, { lastContactAt: null }), executive(y, { lastContactAt: daysAgo(1500) })] }),
      better: [`${x}@e1`],
      worse: [`${y}@e1`],
    })),
  )("still puts never before a very long wait beyond two years ($label)", ({ input, better }) => {
    expect(placed(proposeMatches(input))).toEqual(better);
  });

  it.each(
    bothWays((x, y) => ({
      input: matchingInput({
        events: [event("e1")],
        executives: [executive(x, { seniority: "c_level", lastContactAt: daysAgo(300) }), executive(y, { seniority: "director", lastContactAt: daysAgo(200) })],
      }),
      better: [`${x}@e1`],
      worse: [`${y}@e1`],
    })),
  )("places a C-level executive who waited longer: not exempt ($label)", expectBest);

  it.each(
    bothWays((x, y) => ({
      input: matchingInput({
        events: [event("e1")],
        executives: [executive(x, { seniority: "director", lastContactAt: daysAgo(300) }), executive(y, { seniority: "c_level", lastContactAt: daysAgo(200) })],
      }),
      better: [`${x}@e1`],
      worse: [`${y}@e1`],
    })),
  )("does not favour a C-level executive who waited less ($label)", expectBest);

  it.each(
    bothWays((x, y) => ({
      // A day's longer wait outranks variety (tier 1 before tier 2), however close the two waits are.
      input: matchingInput({
        events: [event("e1", { type: "customer_breakfast", personas: [{ id: "p1", name: "Young families" }] })],
        executives: [
          executive(x, { lastContactAt: daysAgo(101), typesMet: ["customer_breakfast"], personasMet: ["p1"] }),
          executive(y, { lastContactAt: daysAgo(100) }),
        ],
      }),
      better: [`${x}@e1`],
      worse: [`${y}@e1`],
    })),
  )("puts a longer wait before variety, even by one day ($label)", expectBest);

  it("does not let seniority change who gets the seat between otherwise equal executives", () => {
    const build = (seniorityOfA: string, seniorityOfB: string) =>
      matchingInput({
        events: [event("e1")],
        executives: [executive("a", { seniority: seniorityOfA, lastContactAt: daysAgo(90) }), executive("b", { seniority: seniorityOfB, lastContactAt: daysAgo(90) })],
      });
    const one = proposeMatches(build("c_level", "director"));
    const other = proposeMatches(build("director", "c_level"));
    expect(one.proposals).toHaveLength(1);
    expect(placed(one)).toEqual(placed(other));
  });

  it.each(
    bothWays((x, y) => {
      // x never had contact and speaks English and German; y spoke to a customer 10 days ago and speaks
      // only English. ex is the more attractive event for x (new persona, preferred type) but the only one
      // y can take: giving it to x would leave y out.
      const events = [
        event(`e${x}`, { language: "en", type: "home_visit", personas: [{ id: "p1", name: "Young families" }] }),
        event(`e${y}`, { language: "de", type: "call_listening" }),
      ];
      const executives = [
        executive(x, { languages: ["en", "de"], lastContactAt: null, preferredTypes: ["home_visit"], typesMet: ["call_listening"] }),
        executive(y, { languages: ["en"], lastContactAt: daysAgo(10) }),
      ];
      return { input: matchingInput({ events, executives }), better: [`${x}@e${y}`, `${y}@e${x}`], worse: [`${x}@e${x}`] };
    }),
  )("places two executives rather than one, even when the one waited longer ($label)", expectBest);

  it("moves a placed executive when that lets someone else reach their target", () => {
    // "never" goes first and likes e2 best (a new persona), but "eager" needs two seats that do not
    // overlap, and only e2 + e3 qualify: "never" must end up at e1. Ids keep the long event first, so
    // picking the lowest id among equal events is the wrong choice.
    const input = matchingInput({
      events: [
        event("e1-long", { start: at("2026-03-10T09:00:00Z"), end: at("2026-03-10T11:30:00Z"), type: "home_visit" }),
        event("e2-late", { start: at("2026-03-10T11:00:00Z"), end: at("2026-03-10T11:30:00Z"), personas: [{ id: "p3", name: "Seniors" }] }),
        event("e3-early", { start: at("2026-03-10T09:00:00Z"), end: at("2026-03-10T09:30:00Z"), type: "home_visit" }),
      ],
      executives: [
        executive("eager", { cadenceTarget: 2, lastContactAt: daysAgo(1), typesMet: ["home_visit"] }),
        executive("never", { lastContactAt: null }),
      ],
    });
    expectBest({ input, better: ["eager@e2-late", "eager@e3-early", "never@e1-long"], worse: ["eager@e1-long", "never@e2-late"] });
    expect(proposeMatches(input).unplaced).toEqual([]);
  });

  it("scores two recent executives placed above one who never had contact", () => {
    const input = matchingInput({
      events: [event("e1", { freeSeats: 2 })],
      executives: [executive("long", { lastContactAt: null }), executive("r1", { lastContactAt: daysAgo(1) }), executive("r2", { lastContactAt: daysAgo(1) })],
    });
    expect(total(input, ["r1@e1", "r2@e1"])).toBeGreaterThan(total(input, ["long@e1"]));
  });

  it("scores each safari up to the target, and none beyond it", () => {
    const events = [event("e1"), event("e2", { start: at("2026-03-20T09:00:00Z") })];
    const twoShort = matchingInput({ events, executives: [executive("a", { cadenceTarget: 2 })] });
    expect(total(twoShort, ["a@e1", "a@e2"])).toBeGreaterThan(total(twoShort, ["a@e1"]));
    // Not even the department-mix bonus: otherwise a solver maximising the score would overshoot targets.
    const oneShort = matchingInput({ events, executives: [executive("a", { cadenceTarget: 1 })] });
    expect(total(oneShort, ["a@e1", "a@e2"])).not.toBeGreaterThan(total(oneShort, ["a@e1"]));
    const atTarget = matchingInput({ events, executives: [executive("a", { cadenceTarget: 1, booked: [interval("2026-04-02T09:00:00Z")] })] });
    expect(total(atTarget, ["a@e1"])).not.toBeGreaterThan(total(atTarget, []));
  });
});

// Two free events on different days; the executive is one short of target.
const twoEvents = (better: MatchEvent, worse: MatchEvent, who: MatchExecutive) => matchingInput({ events: [better, worse], executives: [who] });

describe("tier 2: variety", () => {
  it.each(
    bothWays((x, y) => ({
      input: twoEvents(
        event(`e${x}`, { personas: [{ id: "p2", name: "Small business owners" }] }),
        event(`e${y}`, { start: at("2026-03-12T09:00:00Z"), personas: [{ id: "p1", name: "Young families" }] }),
        executive("m", { personasMet: ["p1"] }),
      ),
      better: [`m@e${x}`],
      worse: [`m@e${y}`],
    })),
  )("sends the executive to the event with a persona they have not met ($label)", expectBest);

  it.each(
    bothWays((x, y) => ({
      input: twoEvents(event(`e${x}`, { type: "home_visit" }), event(`e${y}`, { start: at("2026-03-12T09:00:00Z"), type: "call_listening" }), executive("m", { typesMet: ["call_listening"] })),
      better: [`m@e${x}`],
      worse: [`m@e${y}`],
    })),
  )("sends the executive to the event of a type they have not met ($label)", expectBest);

  it.each(
    bothWays((x, y) => ({
      // A new persona on an event of a met type still beats an event with nothing new.
      input: twoEvents(
        event(`e${x}`, { type: "call_listening", personas: [{ id: "p1", name: "Young families" }, { id: "p2", name: "Seniors" }] }),
        event(`e${y}`, { start: at("2026-03-12T09:00:00Z"), type: "call_listening", personas: [{ id: "p1", name: "Young families" }] }),
        executive("m", { typesMet: ["call_listening"], personasMet: ["p1"] }),
      ),
      better: [`m@e${x}`],
      worse: [`m@e${y}`],
    })),
  )("counts an event as new when any of its personas is new ($label)", expectBest);

  it.each(
    bothWays((x, y) => ({
      // Both events are new to "long" (who goes first); only e{y} is new to "recent": they must not both end up with nothing new.
      input: matchingInput({
        events: [event(`e${x}`, { type: "home_visit" }), event(`e${y}`, { start: at("2026-03-12T09:00:00Z"), type: "store_visit" })],
        executives: [executive("long", { lastContactAt: daysAgo(400) }), executive("recent", { lastContactAt: daysAgo(40), typesMet: ["home_visit"] })],
      }),
      better: [`long@e${x}`, `recent@e${y}`],
      worse: [`long@e${y}`, `recent@e${x}`],
    })),
  )("shares out new experiences when two executives compete for two events ($label)", expectBest);
});

describe("tier 3: preferred types", () => {
  it.each(
    bothWays((x, y) => ({
      input: twoEvents(event(`e${x}`, { type: "store_visit" }), event(`e${y}`, { start: at("2026-03-12T09:00:00Z"), type: "home_visit" }), executive("m", { preferredTypes: ["store_visit"] })),
      better: [`m@e${x}`],
      worse: [`m@e${y}`],
    })),
  )("breaks a tie in variety with the executive's preferred type ($label)", expectBest);

  it.each(
    bothWays((x, y) => ({
      input: twoEvents(
        event(`e${x}`, { type: "home_visit" }),
        event(`e${y}`, { start: at("2026-03-12T09:00:00Z"), type: "store_visit" }),
        executive("m", { preferredTypes: ["store_visit"], typesMet: ["store_visit"] }),
      ),
      better: [`m@e${x}`],
      worse: [`m@e${y}`],
    })),
  )("ranks variety above preference ($label)", expectBest);
});

describe("tier 4: department mix", () => {
  // Each event has one executive on it already (Sales at one, Finance at the other) and one free seat.
  function mixCase(x: string, y: string, candidates: MatchExecutive[], types: { sales?: string; finance?: string } = {}) {
    const withSales = seat(event(`e${x}`, { type: types.sales ?? "call_listening" }), [executive("sales0", { cadenceTarget: 0 })]);
    const withFinance = seat(event(`e${y}`, { start: at("2026-03-12T09:00:00Z"), type: types.finance ?? "call_listening" }), [
      executive("finance0", { department: "Finance", cadenceTarget: 0 }),
    ]);
    return matchingInput({ events: [withSales.event, withFinance.event], executives: [...withSales.executives, ...withFinance.executives, ...candidates] });
  }

  it.each(
    bothWays((x, y) => ({
      input: mixCase(x, y, [executive("s1"), executive("f1", { department: "Finance" })]),
      better: [`f1@e${x}`, `s1@e${y}`],
      worse: [`f1@e${y}`, `s1@e${x}`],
    })),
  )("mixes departments with those already on each event ($label)", expectBest);

  it.each(
    bothWays((x, y) => ({
      // The Finance event would mix departments, but the Sales event is of the executive's preferred type.
      input: mixCase(x, y, [executive("s1", { preferredTypes: ["home_visit"] })], { sales: "home_visit", finance: "store_visit" }),
      better: [`s1@e${x}`],
      worse: [`s1@e${y}`],
    })),
  )("ranks preference above department mix ($label)", expectBest);
});

describe("the matcher's working tables", () => {
  // buildState works the placement bonus out per type and per set of personas; it must be placementBonus exactly.
  it.each(["random", "one-wanted-event", "most-at-target", "month-edges"])("hold placementBonus for every pair an executive may take (%s)", (name) => {
    const input = familyNamed(name).build({ executives: 120, events: 40 }, 7);
    const p = prepare(input);
    const state = buildState(p);
    let pairs = 0;
    for (const executive of p.executives) {
      for (const event of p.events) {
        const allowed = executive.deficit > 0 && staticBlock(p, executive, event) === null;
        expect(state.bonusAt[event.index * p.executives.length + executive.index]).toBe(allowed ? placementBonus(executive, event) : -1);
        if (allowed) pairs += 1;
      }
    }
    // Enough pairs and enough different bonuses that a wrong table could not pass by luck.
    expect(pairs).toBeGreaterThan(500);
    expect(new Set(state.bonuses.flatMap((list) => [...list])).size).toBeGreaterThanOrEqual(3);
  });
});
