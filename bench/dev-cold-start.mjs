// Cold start of the dev server on the embedded database: no .next cache, an empty PGlite folder
// (so migrations run too), from `next dev` to the first page served. Prints seconds; run a few times.
//   npm run bench:cold-start [-- runs]
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

const runs = Number(process.argv[2] ?? 3);
const port = 3400;
const dataDir = ".data/bench-cold-start";

async function firstPage(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no answer from ${url}`);
}

const results = [];
for (let run = 1; run <= runs; run++) {
  rmSync(".next", { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  const started = performance.now();
  const server = spawn("npx", ["next", "dev", "-p", String(port)], {
    env: { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  try {
    await firstPage(`http://127.0.0.1:${port}/sign-in`, Date.now() + 120_000);
    results.push((performance.now() - started) / 1000);
    console.log(`run ${run}: first page after ${results.at(-1).toFixed(1)} s`);
  } finally {
    process.kill(-server.pid, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
rmSync(dataDir, { recursive: true, force: true });
results.sort((a, b) => a - b);
console.log(`dev cold start to first page (embedded DB): median ${results[Math.floor(results.length / 2)].toFixed(1)} s, min ${results[0].toFixed(1)} s, max ${results.at(-1).toFixed(1)} s over ${runs} runs`);
