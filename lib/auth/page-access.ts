import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { actorFromSession } from "./actor";
import { type Actor, isPublicRead } from "./permissions";

/** The signed-in user of this page request (once per request). */
export const getPageActor = cache(async (): Promise<Actor | null> => actorFromSession(await headers()));

/** Pages call this first: without an account (and unless reading is public) go to sign-in. */
export async function requirePageReader(path: string): Promise<Actor | null> {
  const actor = await getPageActor();
  if (!actor && !isPublicRead()) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return actor;
}

/** Pages for signed-in users only (their account, admin pages). */
export async function requirePageUser(path: string): Promise<Actor> {
  const actor = await getPageActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return actor;
}

/** Only same-site paths may follow sign-in, never another site ("//evil.example"). */
export function safeNextPath(next: unknown): string {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
