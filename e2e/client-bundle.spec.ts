import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { getTableName, isTable } from "drizzle-orm";
import * as schema from "@/db/schema";

/*
 * What the production build ships to browsers must hold no database code: neither drizzle (its entity
 * symbols survive minification) nor our table definitions (called with their SQL names as plain strings,
 * `(0,f.X)("commitments",{id:…` in a minified server chunk). Reads the build `npm run test:e2e` has just made.
 */
const staticDir = path.join(process.cwd(), ".next", "static");

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return scripts(file);
    return file.endsWith(".js") ? [file] : [];
  });
}

const tableNames = Object.values(schema)
  .filter((value) => isTable(value))
  .map((table) => getTableName(table));

test("no client bundle contains drizzle or a table definition", () => {
  const files = scripts(staticDir);
  expect(files.length).toBeGreaterThan(0);
  expect(tableNames).toContain("participations");
  const leaks: string[] = [];
  for (const file of files) {
    const code = readFileSync(file, "utf8");
    if (code.includes('Symbol.for("drizzle:')) leaks.push(`${path.relative(staticDir, file)}: drizzle`);
    // A table definition is a call with its SQL name first: pgTable("commitments", …). The bare name alone
    // is not one: the reflection form names its list of commitments "commitments" (inputs, error anchors).
    for (const name of tableNames) {
      if (code.includes(`("${name}",`)) leaks.push(`${path.relative(staticDir, file)}: table "${name}"`);
    }
  }
  expect(leaks).toEqual([]);
});
