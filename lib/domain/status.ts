/** Milestone statuses, in the order the UI lists them. */
export const MILESTONE_STATUSES = ["planned", "in_progress", "ongoing", "completed", "delayed", "at_risk", "cancelled"] as const;

export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** Statuses that close a milestone: it will not change again. */
export const CLOSED_STATUSES: readonly MilestoneStatus[] = ["completed", "cancelled"];

/**
 * Recurring work with no end (regular meetings, standing reviews): its date is when it is known
 * to be under way, and it runs on from there. See docs/decisions/008-ongoing-status.md.
 */
export const ONGOING_STATUS = "ongoing" satisfies MilestoneStatus;

/** Statuses that can never be overdue: closed ones, and ongoing work, which has no end to miss. */
export const NEVER_OVERDUE_STATUSES: readonly MilestoneStatus[] = [...CLOSED_STATUSES, ONGOING_STATUS];

/**
 * Statuses left out of completion percentages (and of what falls due): cancelled milestones
 * will not be done, ongoing work is never "done".
 */
export const UNCOUNTED_STATUSES: readonly MilestoneStatus[] = ["cancelled", ONGOING_STATUS];
