import { type MilestoneStatus, UNCOUNTED_STATUSES } from "./status";

export type StatusCounts = Record<MilestoneStatus, number>;

export const HEALTH_LEVELS = ["on_track", "at_risk", "off_track"] as const;
export type Health = (typeof HEALTH_LEVELS)[number];

/**
 * The health badge of a workstream, from its milestones:
 * - off track: at least one milestone is delayed, or overdue (its period has passed and it is
 *   neither completed nor cancelled; ongoing work is never overdue);
 * - at risk: otherwise, at least one milestone is marked at risk;
 * - on track: otherwise.
 * The overview page states this rule next to the badges.
 */
export function healthOf(counts: StatusCounts, overdue: number): Health {
  if (counts.delayed > 0 || overdue > 0) return "off_track";
  if (counts.at_risk > 0) return "at_risk";
  return "on_track";
}

/**
 * Completed share of the milestones that can count: cancelled ones are left out, and so is
 * ongoing (recurring) work, which has no end and would otherwise hold the share down for ever.
 */
export function progressOf(counts: StatusCounts): { completed: number; total: number; ratio: number } {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0) - UNCOUNTED_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  return { completed: counts.completed, total, ratio: total > 0 ? counts.completed / total : 0 };
}

export function emptyStatusCounts(): StatusCounts {
  return { planned: 0, in_progress: 0, ongoing: 0, completed: 0, delayed: 0, at_risk: 0, cancelled: 0 };
}
