import type { MilestoneStatus } from "./status";

export type StatusCounts = Record<MilestoneStatus, number>;

export const HEALTH_LEVELS = ["on_track", "at_risk", "off_track"] as const;
export type Health = (typeof HEALTH_LEVELS)[number];

/**
 * The health badge of a workstream, from its milestones:
 * - off track: at least one milestone is delayed, or overdue (its period has passed and it is
 *   neither completed nor cancelled);
 * - at risk: otherwise, at least one milestone is marked at risk;
 * - on track: otherwise.
 * The overview page states this rule next to the badges.
 */
export function healthOf(counts: StatusCounts, overdue: number): Health {
  if (counts.delayed > 0 || overdue > 0) return "off_track";
  if (counts.at_risk > 0) return "at_risk";
  return "on_track";
}

/** Completed share of the milestones that can still count (cancelled ones are left out). */
export function progressOf(counts: StatusCounts): { completed: number; total: number; ratio: number } {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0) - counts.cancelled;
  return { completed: counts.completed, total, ratio: total > 0 ? counts.completed / total : 0 };
}

export function emptyStatusCounts(): StatusCounts {
  return { planned: 0, in_progress: 0, completed: 0, delayed: 0, at_risk: 0, cancelled: 0 };
}
