import { notFound } from "next/navigation";
import { z } from "zod";

/** An id from a URL, or null when it is not a UUID (so the database never sees a malformed one). */
export function parseId(value: unknown): string | null {
  const parsed = z.uuid().safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** For pages: the id from a URL, or the 404 page when it cannot be one. */
export function idOrNotFound(value: unknown): string {
  return parseId(value) ?? notFound();
}
