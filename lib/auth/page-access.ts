import "server-only";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { redirect } from "@/i18n/navigation";
import { actorFromSession } from "./actor";
import { type Actor, isPublicRead } from "./permissions";

/** The signed-in user of this page request (once per request). */
export const getPageActor = cache(async (): Promise<Actor | null> => actorFromSession(await headers()));

/**
 * Sign-in in the page's language; `next` is the path without its language prefix, so the
 * visitor comes back to it in whichever language they sign in.
 */
async function redirectToSignIn(path: string): Promise<never> {
  return redirect({ href: `/sign-in?next=${encodeURIComponent(path)}`, locale: await getLocale() });
}

/** Pages call this first: without an account (and unless reading is public) go to sign-in. */
export async function requirePageReader(path: string): Promise<Actor | null> {
  const actor = await getPageActor();
  if (!actor && !isPublicRead()) return redirectToSignIn(path);
  return actor;
}

/** Pages for signed-in users only (their account, admin pages). */
export async function requirePageUser(path: string): Promise<Actor> {
  const actor = await getPageActor();
  if (!actor) return redirectToSignIn(path);
  return actor;
}

/** Only same-site paths may follow sign-in, never another site ("//evil.example"). */
export function safeNextPath(next: unknown): string {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
