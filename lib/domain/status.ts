/** Milestone statuses, in the order the UI lists them. */
export const MILESTONE_STATUSES = [
  "planned",
  "in_progress",
  "completed",
  "delayed",
  "at_risk",
  "cancelled",
] as const;

export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** Statuses that close a milestone: it can no longer become overdue. */
export const CLOSED_STATUSES: readonly MilestoneStatus[] = ["completed", "cancelled"];
