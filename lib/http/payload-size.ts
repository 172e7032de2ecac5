/*
 * How big a form's server action request will be, worked out in the browser before sending, so that a form
 * over the limit (lib/http/request-checks.ts) gets a message beside the field instead of the proxy's 413.
 */

const encoder = new TextEncoder();
// Per field: the boundary line (up to ~70 bytes), the Content-Disposition header and React's "_1_" prefix.
const perFieldOverhead = 128;

/**
 * An upper bound on the multipart body React sends for an action call with this form: each field under
 * its header, plus the argument list, which repeats the form's previous state (useActionState sends it back).
 */
export function estimatedActionBodyBytes(formData: FormData, previousState: unknown): number {
  let bytes = 512 + encoder.encode(JSON.stringify(previousState ?? null)).byteLength;
  for (const [name, value] of formData.entries()) {
    bytes += perFieldOverhead + encoder.encode(name).byteLength;
    bytes += typeof value === "string" ? encoder.encode(value).byteLength : value.size + encoder.encode(value.name).byteLength;
  }
  return bytes;
}

/** The field with the longest value: where the "too long to send" message belongs. */
export function largestField(formData: FormData): string | null {
  let largest: string | null = null;
  let size = -1;
  for (const [name, value] of formData.entries()) {
    const length = typeof value === "string" ? value.length : value.size;
    if (length > size) [largest, size] = [name, length];
  }
  return largest;
}
