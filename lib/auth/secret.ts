import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv, type Env } from "@/lib/env";

const devSecretFile = path.join(process.cwd(), ".data", "auth-secret");

/**
 * The key that signs session tokens. Production must set AUTH_SECRET; a development machine gets one
 * generated once and kept in the git-ignored data folder, so the quick start needs no setup.
 */
export function getAuthSecret(env: Pick<Env, "AUTH_SECRET" | "NODE_ENV"> = getEnv()): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") {
    throw new Error(
      "AUTH_SECRET is not set. Production needs a secret of at least 32 characters: generate one with `openssl rand -base64 32`.",
    );
  }
  try {
    return readFileSync(devSecretFile, "utf8").trim();
  } catch {
    const secret = randomBytes(32).toString("base64url");
    mkdirSync(path.dirname(devSecretFile), { recursive: true });
    try {
      writeFileSync(devSecretFile, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another process wrote it first: use theirs.
      return readFileSync(devSecretFile, "utf8").trim();
    }
  }
}
