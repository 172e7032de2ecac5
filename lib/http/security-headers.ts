/*
 * The security headers every response carries, set by proxy.ts. Pure functions, so they are unit-tested
 * without a server and the e2e test checks the same values on the wire.
 */

/** A fresh, unguessable nonce for one response's scripts (16 random bytes, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts run only with this response's nonce (Next.js puts it on its own scripts when it finds the policy
 * on the request) or when such a script loads them ('strict-dynamic'). Development needs 'unsafe-eval' for
 * React's dev tooling and inline styles for the error overlay; production needs neither.
 */
export function contentSecurityPolicy(nonce: string, { dev = false, https = false }: { dev?: boolean; https?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain HTTP (local runs, tests) upgrading would break every subresource.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The rest of the headers: no framing, no sniffing, no referrer to other sites, no powerful features. */
export function securityHeaders({ https = false }: { https?: boolean } = {}): Record<string, string> {
  return {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Only over TLS: a browser ignores it on plain HTTP, and promising HTTPS for a local server would lie.
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
