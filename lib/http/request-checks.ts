/*
 * Checks proxy.ts makes before a request reaches Next.js, for input that would otherwise end in a 500:
 * a cross-origin action post, a URL that does not decode, a body over the action limit, an action payload
 * no form of ours sends. Pure functions on web-standard types, unit-tested in tests/unit/http-*.test.ts.
 */

/**
 * The largest server action body we accept. next.config.mjs sets the same figure as
 * `experimental.serverActions.bodySizeLimit` (tests/unit/http-request-checks.test.ts keeps them equal).
 */
export const actionBodyLimitBytes = 1024 * 1024;

/**
 * Whether a POST comes from another site: the same comparison Next.js makes for server actions (the
 * Origin's host against X-Forwarded-Host, else Host), made first so the answer is a 403 rather than
 * Next's 500. A request without Origin is let through, as Next does: browsers send it on every POST, so
 * only a hand-made request lacks it, and that cannot carry a victim's cookies.
 */
export function isCrossOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  if (origin === "null") return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return !host || host !== originHost;
}

/** Whether a path has a `%` escape that does not decode (Next.js answers those with a 500). */
export function hasMalformedEscape(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * A body read up to `limit` bytes, or "too-large" as soon as it passes it (so a chunked body without a
 * Content-Length is refused too, without reading all of it).
 */
export async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | "too-large"> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Whether a declared Content-Length is over the limit (an invalid one counts as over: refuse it). */
export function declaresTooLarge(contentLength: string | null, limit: number): boolean {
  if (contentLength === null) return false;
  const length = Number(contentLength);
  return !Number.isSafeInteger(length) || length < 0 || length > limit;
}

/**
 * Whether an action uses none of its arguments, read from its id as Next.js's client does: the id's first
 * byte has one bit for each of the first six parameters the action uses, and one for "...rest".
 */
export function actionTakesNoArguments(actionId: string): boolean {
  const info = parseInt(actionId.slice(0, 2), 16);
  return /^[0-9a-f]{2}/i.test(actionId) && ((info >> 1) & 0x3f) === 0 && (info & 1) === 0;
}

/**
 * Why a server action request (one with a `Next-Action` header) is not what our forms send, or null
 * when it is. Every action of this app takes form data, so React encodes each call as multipart form data
 * whose root field "0" is the JSON argument list, ending with a "$K<n>" reference to the form's fields:
 * `[previousState, "$K1"]` from useActionState, `["$K1"]` from a plain `<form action>`. Only an action
 * that uses no parameter at all (sign-out) gets the empty list `[]` as plain text, since Next.js's client
 * leaves out arguments an action does not use. Anything else (a plain object, no arguments for an action
 * that needs them, broken JSON, a body that is not multipart) would only make the action throw.
 */
export async function malformedActionPayload(actionId: string, contentType: string | null, body: Uint8Array): Promise<string | null> {
  const type = contentType?.toLowerCase() ?? "";
  if (actionTakesNoArguments(actionId)) {
    const text = new TextDecoder().decode(body);
    return type.startsWith("text/plain") && text.trim() === "[]" ? null : "arguments for an action that takes none";
  }
  if (!type.startsWith("multipart/form-data")) return `content type ${contentType ?? "missing"}`;
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": contentType! } }).formData();
  } catch {
    return "body is not valid multipart form data";
  }
  const root = form.get("0");
  if (typeof root !== "string") return 'no root field "0"';
  let args: unknown;
  try {
    args = JSON.parse(root);
  } catch {
    return "root field is not JSON";
  }
  if (!Array.isArray(args) || args.length === 0) return "arguments are not a non-empty list";
  const last: unknown = args[args.length - 1];
  if (typeof last !== "string" || !/^\$K[0-9a-f]+$/.test(last)) return "last argument is not form data";
  return null;
}
