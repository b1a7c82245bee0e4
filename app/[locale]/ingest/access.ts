import "server-only";
import { requirePageUser } from "@/lib/auth/page-access";
import { type Actor, effectiveRole } from "@/lib/auth/permissions";

/** Reading reports is for editors and admins: others get null (the page says so and loads nothing). */
export async function requireIngestPage(path: string): Promise<Actor | null> {
  const actor = await requirePageUser(path);
  return effectiveRole(actor) === "viewer" ? null : actor;
}
