import { expect } from "vitest";
import type { Page } from "@/lib/paging/keyset";
import type { Cursor } from "@/lib/paging/params";

type Counted<Row> = Page<Row> & { count: number };

/**
 * Walks a paged list from its first page to its last by the "next" links, and back by the "previous"
 * links, checking the boundaries on the way: the first page has no previous page, the last no next, every
 * page but the last is full, each page says the same count, and walking back gives the same pages. Returns
 * the rows in order.
 */
export async function walkPages<Row>(read: (cursor: Cursor) => Promise<Counted<Row> | null>, pageSize: number, id: (row: Row) => string): Promise<Row[]> {
  const first = await read(null);
  expect(first, "the first page").not.toBeNull();
  expect(first!.previous, "the first page has no previous page").toBeNull();
  const pages = [first!];
  for (let page = first!; page.next; ) {
    page = (await read({ after: page.next }))!;
    expect(page, "a next page").not.toBeNull();
    pages.push(page);
    expect(pages.length, "the walk ends").toBeLessThan(10_000);
  }
  const last = pages[pages.length - 1]!;
  expect(last.next, "the last page has no next page").toBeNull();
  for (const page of pages) expect(page.count).toBe(first!.count);
  for (const page of pages.slice(0, -1)) expect(page.rows).toHaveLength(pageSize);
  expect(last.rows.length).toBeLessThanOrEqual(pageSize);

  const back = [last];
  for (let page = last; page.previous; ) {
    page = (await read({ before: page.previous }))!;
    back.unshift(page);
    expect(back.length, "the walk back ends").toBeLessThanOrEqual(pages.length);
  }
  expect(back.map((page) => page.rows.map(id))).toEqual(pages.map((page) => page.rows.map(id)));

  const rows = pages.flatMap((page) => page.rows);
  expect(rows).toHaveLength(first!.count);
  return rows;
}
