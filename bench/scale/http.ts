import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { gunzipSync } from "node:zlib";
import { median, p95 } from "./stats";

/*
 * Pages over real HTTP, as a browser gets them: `next start` (the production build) on a loaded database,
 * a sign-in through Auth.js's credentials endpoint, then each page requested again and again on one
 * kept-alive connection, gzip accepted. A request's time runs from sending it to the last byte of the body.
 */

export type PageFigures = {
  path: string;
  role: string;
  status: number;
  requests: number;
  medianMs: number;
  p95Ms: number;
  htmlBytes: number;
  gzipBytes: number;
  /** The React Server Components payload the HTML carries as `self.__next_f.push(…)` scripts. */
  payloadBytes: number;
};

export type RunningServer = { baseUrl: string; stop: () => Promise<void> };

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Starts `next start` with `env` and waits until the sign-in page answers; its output goes to `logFile`. */
export async function startServer(env: NodeJS.ProcessEnv, logFile: string): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited: number | null = null;
  child.once("exit", (code) => (exited = code ?? -1));
  const stop = async () => {
    if (exited !== null) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    // The app waits up to 10 s for a running job before it exits (lib/startup.ts).
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await gone;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`next start exited with ${exited}; see ${logFile}`);
    const status = await fetch(`${baseUrl}/sign-in`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { baseUrl, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`next start did not answer within 180 s; see ${logFile}`);
}

/** Cookies as a browser keeps them: the latest value per name. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  has(pattern: RegExp) {
    return [...this.cookies.keys()].some((name) => pattern.test(name));
  }
}

/**
 * Signs in the way the browser's form does without JavaScript: the CSRF token from /api/auth/csrf, then
 * csrfToken, email and password posted as a form to the credentials provider. Returns the Cookie header.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new CookieJar();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }),
  });
  jar.take(response);
  if (!jar.has(/authjs\.session-token/)) throw new Error(`sign-in as ${email} failed: HTTP ${response.status} ${response.headers.get("location") ?? ""}`);
  return jar.header();
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(url: string, cookie: string): Promise<{ status: number; ms: number; body: Buffer; wire: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, headers: { cookie, accept: "text/html", "accept-encoding": "gzip" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const ms = performance.now() - started;
        const raw = Buffer.concat(chunks);
        const body = response.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
        resolve({ status: response.statusCode ?? 0, ms, body, wire: raw.length });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** Bytes of the inline scripts that feed the RSC payload to the browser (`self.__next_f.push(…)`). */
export function payloadBytes(html: string): number {
  let bytes = 0;
  for (const match of html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
    if (match[1]!.includes("self.__next_f")) bytes += Buffer.byteLength(match[1]!);
  }
  return bytes;
}

/**
 * Times one page: `warmup` requests first (just one when it takes over 2 s), then up to `requests`, but
 * no more than fit in `budgetMs` once three are done, or one when a request takes over 5 s: a page that
 * takes half a minute would otherwise hold the bench up for many.
 */
export async function measurePage(
  baseUrl: string,
  page: { path: string; role: string },
  cookie: string,
  options: { requests: number; warmup: number; budgetMs: number },
): Promise<PageFigures> {
  let last = await get(`${baseUrl}${page.path}`, cookie);
  for (let i = 1; i < options.warmup && last.ms <= 2_000; i++) last = await get(`${baseUrl}${page.path}`, cookie);
  const times: number[] = [];
  const started = performance.now();
  while (times.length < options.requests) {
    const enough = times.length >= (last.ms > 5_000 ? 1 : 3);
    if (enough && performance.now() - started + last.ms > options.budgetMs) break;
    last = await get(`${baseUrl}${page.path}`, cookie);
    times.push(last.ms);
  }
  const sorted = times.sort((a, b) => a - b);
  const html = last.body.toString("utf8");
  return {
    ...page,
    status: last.status,
    requests: times.length,
    medianMs: median(sorted),
    p95Ms: p95(sorted),
    htmlBytes: last.body.length,
    gzipBytes: last.wire,
    payloadBytes: payloadBytes(html),
  };
}

export function closeConnections() {
  agent.destroy();
}
