/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its own package folder; argon2 is a native addon.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  experimental: {
    serverActions: {
      // Set on purpose, not left to the default: our largest real form (a reflection, or an event with a
      // 5,000-character briefing) is a few dozen kilobytes, far below this. proxy.ts refuses bigger bodies
      // with a 413 before Next.js would fail on them (lib/http/request-checks.ts holds the same figure).
      bodySizeLimit: "1mb",
    },
    // The copy of a request body the proxy may read. Just above the action limit, so the proxy sees enough
    // to tell a body is too large, and holds no more than that in memory (the default is 10 MB).
    proxyClientMaxBodySize: "2mb",
  },
};

export default nextConfig;
