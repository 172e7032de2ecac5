/*
 * Limits on failed sign-ins, per account and per client address. The counting itself is one atomic
 * upsert per key in PostgreSQL (lib/auth/mutations.ts), so the limits hold across app instances.
 */

export type ThrottleRule = { limit: number; windowSeconds: number; lockSeconds: number };

export const throttleRules = {
  // Five guesses at one password in a quarter of an hour, then a quarter of an hour's pause.
  account: { limit: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  // Higher: a whole office may sign in from one address, but one address may not try many accounts.
  address: { limit: 30, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleKey = { kind: keyof typeof throttleRules; key: string };

/** The keys a sign-in attempt counts against. The account key is the e-mail whether or not it has an account. */
export function throttleKeys(email: string, address: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ kind: "account", key: `account:${email.trim().toLowerCase()}` }];
  if (address) keys.push({ kind: "address", key: `address:${address}` });
  return keys;
}

/** The one key for every value that is not an address. */
export const unrecognisedAddress = "unrecognised";

/**
 * The client's address, from the request headers. We trust only the LAST entry of X-Forwarded-For: the
 * proxy or load balancer in front of the app appends the address it was connected from, and everything
 * to the left of it is whatever the client chose to send. Without a proxy, Next.js itself sets the header
 * to the socket's address when the client sent none. X-Real-IP (set, not appended, by nginx) is the
 * fallback. Behind more than one proxy of our own this would count the inner proxy's address: then this
 * is the place to skip that many entries.
 */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((entry) => entry.trim()).filter(Boolean).at(-1);
  const address = last ?? headers.get("x-real-ip")?.trim();
  if (!address) return null;
  // An address fits in 45 characters (IPv6 with an IPv4 tail). Whatever else a client puts there shares
  // one count, so that sending garbage is no way around the limit.
  return /^[0-9A-Fa-f:.]{2,45}$/.test(address) ? address.toLowerCase() : unrecognisedAddress;
}

/** "Try again in N minutes", rounded up so that it is never too early. */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
