import path from "node:path";
import { defineConfig } from "vitest/config";

// A zone with daylight saving and an odd offset, so code that silently assumes UTC or the server's zone fails.
const testTimeZone = "America/St_Johns";
process.env.TZ = testTimeZone;

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The real package throws outside React Server Components; tests call the data layer directly.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
    environment: "node",
    env: { TZ: testTimeZone, NODE_ENV: "test" },
    setupFiles: ["tests/support/database.ts"],
    pool: "forks",
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
