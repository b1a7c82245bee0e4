import "server-only";
import { actorFromRequest } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/permissions";

/**
 * Who may export reports: every report route calls this first. Exports need an account with at
 * least the viewer role (a session or any API token), even where reading pages is public.
 */
export async function requireReportAccess(request: Request): Promise<void> {
  requireRole(await actorFromRequest(request), "viewer");
}
