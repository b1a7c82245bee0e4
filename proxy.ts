import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

/**
 * A quick first gate for pages: without a session cookie (and unless reading is public) send
 * the visitor to sign-in with a real redirect. It only looks for the cookie; every page and
 * route handler still checks the session itself on the server.
 */
export function proxy(request: NextRequest) {
  if (process.env.PUBLIC_READ === "1" || getSessionCookie(request)) return NextResponse.next();
  const target = new URL("/sign-in", request.url);
  target.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(target);
}

export const config = {
  // Pages only: the API answers 401 itself, and sign-in and static files stay reachable.
  matcher: ["/((?!api/|_next/|sign-in|favicon.ico|.*\\.(?:png|svg|jpg|ico|css|js)$).*)"],
};
