/**
 * Where the app is served, and so the only Origin a browser write may come from. No
 * "server-only" here: the proxy (proxy.ts) uses it too.
 */

/** The address the app is served at: APP_URL, else http://localhost:$PORT. */
export function appUrl(): string {
  return process.env.APP_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`;
}

/** True when the app is served over https (cookies are Secure and HSTS is sent). */
export function isHttpsApp(): boolean {
  return appUrl().startsWith("https://");
}

/**
 * The origins (scheme, host and port) our own pages have: APP_URL's. Without APP_URL (a local
 * run) the loopback names of the same port count too, since http://localhost:3000 and
 * http://127.0.0.1:3000 are the same server to whoever started it.
 */
export function allowedOrigins(): string[] {
  const configured = process.env.APP_URL?.trim();
  if (configured) return [new URL(configured).origin];
  const port = process.env.PORT ?? "3000";
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`];
}

/**
 * Whether a request's Origin header names one of our own pages. Compared as scheme + host + port
 * with APP_URL, never with Host or X-Forwarded-Host, which the client (or a proxy in between)
 * can set. No Origin, or "null", is not ours: browsers send Origin with every POST, PATCH and
 * DELETE, so only a forged or non-browser request lacks it.
 */
export function isAllowedOrigin(origin: string | null): boolean {
  if (!origin || origin === "null") return false;
  let normalized: string;
  try {
    normalized = new URL(origin).origin;
  } catch {
    return false;
  }
  return allowedOrigins().includes(normalized);
}
