import { getSessionCookie } from "better-auth/cookies";
import { NextRequest, NextResponse } from "next/server";
import createIntlMiddleware from "next-intl/middleware";
import { isAllowedOrigin, isHttpsApp } from "./lib/http/origin";
import { createNonce, HSTS, pageContentSecurityPolicy, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";
import { routing } from "./i18n/routing";

const intl = createIntlMiddleware(routing);

/** The language prefix of a path ("/fr/timeline" → "fr"), if it has one. */
function localeOf(pathname: string): string | undefined {
  const first = pathname.split("/")[1];
  return routing.locales.find((locale) => locale === first);
}

/** The security headers every page answer carries, redirects and refusals included. */
function secured<R extends Response>(response: R, csp: string): R {
  for (const { key, value } of STATIC_SECURITY_HEADERS) response.headers.set(key, value);
  response.headers.set("Content-Security-Policy", csp);
  if (isHttpsApp()) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

/**
 * A write to a page is a server action (or a form posted without JavaScript, which Next turns
 * into one). It must come from one of our pages: its Origin must be APP_URL's. A foreign or a
 * missing Origin is answered 403 here, before Next looks for the action (which would answer 500).
 */
function refuseForeignWrite(request: NextRequest): NextResponse | null {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return null;
  if (isAllowedOrigin(request.headers.get("origin"))) return null;
  return NextResponse.json(
    {
      type: "about:blank",
      title: "Forbidden",
      status: 403,
      detail: "Cross-site request refused: forms and server actions must be sent from this site's own pages.",
      instance: request.nextUrl.pathname,
    },
    { status: 403, headers: { "content-type": "application/problem+json", "cache-control": "no-store" } },
  );
}

/**
 * Before a page renders:
 * - security: writes (server actions) from another origin are refused; every answer gets the
 *   security headers and a Content-Security-Policy with a fresh nonce, which Next reads from the
 *   request's own CSP header and puts on its scripts (so pages are rendered per request);
 * - language: a path without a language goes to the visitor's (cookie, then the browser's
 *   Accept-Language, then English), and the page learns its language from the path;
 * - a quick first gate: without a session cookie (and unless reading is public) a page request
 *   goes to sign-in in its language, with `next` the path after the language. It only looks for
 *   the cookie; every page and route handler still checks the session itself on the server.
 */
export function proxy(request: NextRequest) {
  const csp = pageContentSecurityPolicy(createNonce(), { dev: process.env.NODE_ENV === "development", https: isHttpsApp() });
  const refused = refuseForeignWrite(request);
  if (refused) return secured(refused, csp);

  // The page's request carries the policy (Next takes the nonce from it); next-intl forwards
  // the request's headers to the page.
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  const forwarded = new NextRequest(request.url, { headers, method: request.method });

  const { pathname, search } = request.nextUrl;
  const locale = localeOf(pathname);
  if (!locale) return secured(intl(forwarded), csp);
  const rest = pathname.slice(locale.length + 1) || "/";
  const open = rest === "/sign-in" || rest.startsWith("/sign-in/");
  if (open || process.env.PUBLIC_READ === "1" || getSessionCookie(request)) return secured(intl(forwarded), csp);
  const target = new URL(`/${locale}/sign-in`, request.url);
  target.searchParams.set("next", rest + search);
  return secured(NextResponse.redirect(target), csp);
}

export const config = {
  // Pages only: the API answers 401 itself and gets its headers from next.config.ts and its
  // route handlers (running the proxy would make Next buffer every API request's body for it);
  // static files stay reachable.
  matcher: [
    "/((?!api/|_next/|_vercel|favicon.ico|.*\\.(?:png|svg|jpg|ico|css|js|woff2?|ttf)$).*)",
    // A server action posted to any other path outside the API is checked too.
    { source: "/((?!api/).*)", has: [{ type: "header", key: "next-action" }] },
  ],
};
