import { CLOSED_STATUSES, type MilestoneStatus } from "./status";

/**
 * Why a milestone needs a manager's attention, most severe first:
 * - delayed: someone said it will be late;
 * - overdue: its period has passed and no outcome is recorded (still open);
 * - at risk: someone said it may be late.
 * Closed milestones (completed, cancelled) never need attention. The same rules decide the
 * health badge (lib/domain/health.ts); this is the per-milestone view of them.
 */
export const ATTENTION_LEVELS = ["delayed", "overdue", "at_risk"] as const;
export type AttentionLevel = (typeof ATTENTION_LEVELS)[number];

/** Statuses someone sets to say a milestone is or may be late. */
export const LATE_STATUSES = ["delayed", "at_risk"] as const satisfies readonly MilestoneStatus[];

export function attentionLevel(status: MilestoneStatus, overdue: boolean): AttentionLevel | null {
  if ((CLOSED_STATUSES as readonly string[]).includes(status)) return null;
  if (status === "delayed") return "delayed";
  if (overdue) return "overdue";
  if (status === "at_risk") return "at_risk";
  return null;
}

/** Orders attention items: severity first, then the oldest problem first, then by id. */
export function compareAttention(a: { level: AttentionLevel; since: string; id: number }, b: { level: AttentionLevel; since: string; id: number }): number {
  return ATTENTION_LEVELS.indexOf(a.level) - ATTENTION_LEVELS.indexOf(b.level) || (a.since < b.since ? -1 : a.since > b.since ? 1 : 0) || a.id - b.id;
}
