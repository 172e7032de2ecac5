import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actionAccess, isPublicRoute, pageAccess, routeAccess } from "@/lib/auth/policy";

/*
 * The policy table must name every page, route handler and server action the app has, and each of them
 * must read its own row: a page added without a row, or an action that checks roles its own way, fails here.
 */
const root = process.cwd();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? files(file) : [file];
  });
}

const appFiles = files(path.join(root, "app"));

/** "app/organize/events/[id]/page.tsx" → "/organize/events/[id]"; route groups "(name)" add no segment. */
function routeOf(file: string): string {
  const segments = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

const pages = appFiles.filter((file) => /\/page\.tsx?$/.test(file));
const routes = appFiles.filter((file) => /\/route\.tsx?$/.test(file));

/** Every module that starts with "use server", with the names it exports. */
const serverActionModules = [...files(path.join(root, "lib")), ...appFiles]
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => ({ file, source: readFileSync(file, "utf8") }))
  .filter(({ source }) => /^\s*(["'])use server\1/.test(source))
  .map(({ file, source }) => ({
    file: path.relative(root, file),
    source,
    exports: [...source.matchAll(/^export\s+(?:async\s+)?(?:function|const|let)\s+(\w+)/gm)].map((match) => match[1]!),
  }));

describe("the policy table", () => {
  it("has a row for every page and no row for a page that does not exist", () => {
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.map(routeOf).sort()).toEqual(Object.keys(pageAccess).sort());
  });

  it("has a row for every route handler", () => {
    expect(routes.map(routeOf).sort()).toEqual(Object.keys(routeAccess).sort());
  });

  it("is what every route handler of ours checks: each asks for its own row (Auth.js's endpoints check their own)", () => {
    for (const file of routes.filter((f) => !f.includes("[...nextauth]"))) {
      const source = readFileSync(file, "utf8");
      const asked = [...source.matchAll(/requireRoute\("([^"]+)"\)/g)].map((match) => match[1]);
      expect({ route: path.relative(root, file), asked }).toEqual({ route: path.relative(root, file), asked: [routeOf(file)] });
    }
  });

  it("lets the proxy through to the public route handlers only", () => {
    expect(isPublicRoute("/calendar/feed/abc")).toBe(true);
    expect(isPublicRoute("/api/auth/session")).toBe(true);
    expect(isPublicRoute("/calendar/feed/abc/more")).toBe(false);
    expect(isPublicRoute("/calendar/safaris/abc")).toBe(false);
  });

  it("has a row for every exported server action and none for an action that does not exist", () => {
    const exported = serverActionModules.flatMap((m) => m.exports);
    expect(exported.length).toBeGreaterThan(5);
    expect(new Set(exported).size).toBe(exported.length);
    expect(exported.sort()).toEqual(Object.keys(actionAccess).sort());
  });

  it("is what every page checks: each page asks for its own row", () => {
    for (const file of pages) {
      const source = readFileSync(file, "utf8");
      const asked = [...source.matchAll(/requirePage\("([^"]+)"\)/g)].map((match) => match[1]);
      expect({ page: path.relative(root, file), asked }).toEqual({ page: path.relative(root, file), asked: [routeOf(file)] });
    }
  });

  it("is what every action checks: each exported action names its own row", () => {
    for (const actionModule of serverActionModules) {
      for (const name of actionModule.exports) {
        const checks = new RegExp(`(validatedAction|requireAction)\\("${name}"`).test(actionModule.source);
        expect({ action: `${actionModule.file} ${name}`, checks }).toEqual({ action: `${actionModule.file} ${name}`, checks: true });
      }
    }
  });
});
