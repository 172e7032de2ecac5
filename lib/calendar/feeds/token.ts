import { createHash, randomBytes } from "node:crypto";

/*
 * A feed's secret: 32 random bytes, base64url (43 characters). Only its SHA-256 (hex) is stored, so the
 * database never holds a working link; the user sees the token once, when it is made.
 */
export const feedTokenRegex = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const isWellFormedFeedToken = (token: string) => feedTokenRegex.test(token);

/** The feed's https address and its webcal:// twin (which opens a calendar app's subscribe dialog). */
export function feedUrls(appUrl: string, token: string): { url: string; webcalUrl: string } {
  const url = `${appUrl.replace(/\/$/, "")}/calendar/feed/${token}`;
  return { url, webcalUrl: url.replace(/^https?:\/\//, "webcal://") };
}
