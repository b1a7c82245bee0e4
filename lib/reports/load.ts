import "server-only";
import { AppError, type InvalidParam } from "@/lib/errors";
import { milestoneYears } from "@/lib/queries/stats";
import { toInvalidParams } from "@/lib/validation/filters";
import { reportYearSchema } from "./options";
import { unknownWorkstreamSlugs } from "@/lib/queries/report";

/** A year from the path, or why it is not one (named `year`). */
export function parseReportYear(raw: string): { ok: true; value: number } | { ok: false; invalidParams: InvalidParam[] } {
  const parsed = reportYearSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, invalidParams: toInvalidParams(parsed.error).map((param) => ({ ...param, name: "year" })) };
}

/** Throws a 404 naming `year` when no milestone is dated in it. */
export async function requireYearWithMilestones(year: number): Promise<void> {
  const years = await milestoneYears();
  if (years.includes(year)) return;
  const known = [...years].sort((a, b) => a - b).join(", ");
  throw new AppError("not_found", `No milestones are dated in ${year}`, [
    { name: "year", reason: `has no milestones (years with milestones: ${known || "none"})` },
  ]);
}

/** Slugs that name no workstream, as invalid parameters. */
export async function unknownWorkstreams(slugs: string[] | undefined): Promise<InvalidParam[]> {
  const unknown = await unknownWorkstreamSlugs(slugs ?? []);
  return unknown.length ? [{ name: "workstream", reason: `names no workstream: ${unknown.join(", ")}` }] : [];
}
