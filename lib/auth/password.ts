import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (OWASP's recommended memory and time costs).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Used when the e-mail is unknown, so a failed sign-in takes as long whether or not the account exists.
const decoyHash = "$argon2id$v=19$m=19456,t=2,p=1$c2FmYXJpLWRlY295$5JQG/Cbz9dhYhucOwt3NWyOg0cRPc3Az08ixkDIULGc";

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? decoyHash, password);
  } catch {
    return false;
  }
}
