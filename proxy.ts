import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import createIntlMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

const intl = createIntlMiddleware(routing);

/** The language prefix of a path ("/fr/timeline" → "fr"), if it has one. */
function localeOf(pathname: string): string | undefined {
  const first = pathname.split("/")[1];
  return routing.locales.find((locale) => locale === first);
}

/**
 * Two jobs before a page renders:
 * - language: a path without a language goes to the visitor's (cookie, then the browser's
 *   Accept-Language, then English), and the page learns its language from the path;
 * - a quick first gate: without a session cookie (and unless reading is public) a page request
 *   goes to sign-in in its language, with `next` the path after the language. It only looks for
 *   the cookie; every page and route handler still checks the session itself on the server.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const locale = localeOf(pathname);
  if (!locale) return intl(request);
  const rest = pathname.slice(locale.length + 1) || "/";
  const open = rest === "/sign-in" || rest.startsWith("/sign-in/");
  if (open || process.env.PUBLIC_READ === "1" || getSessionCookie(request)) return intl(request);
  const target = new URL(`/${locale}/sign-in`, request.url);
  target.searchParams.set("next", rest + search);
  return NextResponse.redirect(target);
}

export const config = {
  // Pages only: the API answers 401 itself, and static files stay reachable.
  matcher: ["/((?!api/|_next/|_vercel|favicon.ico|.*\\.(?:png|svg|jpg|ico|css|js|woff2?|ttf)$).*)"],
};
