/**
 * The security headers, in one place. No "server-only": next.config.ts and proxy.ts use them.
 *
 * - next.config.ts sends STATIC_SECURITY_HEADERS on every path (pages, API, static files) and
 *   API_CONTENT_SECURITY_POLICY on /api (JSON and files, never a page to run scripts in).
 * - proxy.ts sends the pages' Content-Security-Policy with a fresh nonce per request (Next puts
 *   it on its own scripts), the static headers again (so its own redirects and refusals carry
 *   them) and HSTS when APP_URL is https. Route handlers add HSTS and `Cache-Control: no-store`
 *   (lib/http/problem.ts), as the proxy does not run for /api.
 */

export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Sent only when APP_URL is https: a year, subdomains included. */
export const HSTS = "max-age=31536000; includeSubDomains";

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The pages' policy. Scripts run only with this response's nonce ('strict-dynamic' lets those
 * scripts load the app's chunks), so an injected <script> or onerror= handler cannot run.
 * Style elements need the nonce too; style attributes are allowed (style-src-attr), as React
 * and the charts (recharts) position elements with them, and a style attribute cannot run code.
 */
export function pageContentSecurityPolicy(nonce: string, options: { dev?: boolean; https?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // In development Next's overlay injects styles without the nonce.
    options.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
