import type { DatePrecision } from "./partial-date";
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
export function compareAttention(
  a: { level: AttentionLevel; since: string; id: number },
  b: { level: AttentionLevel; since: string; id: number },
): number {
  return (
    ATTENTION_LEVELS.indexOf(a.level) - ATTENTION_LEVELS.indexOf(b.level) ||
    (a.since < b.since ? -1 : a.since > b.since ? 1 : 0) ||
    a.id - b.id
  );
}

export type Slip = { unit: "day" | "month"; amount: number };

/**
 * How far a re-planned milestone moved: from the end of its baseline period to the end of its
 * new expected period, in months unless either date gives a day (then in days). Negative when
 * it moved earlier; null when it was never re-planned.
 */
export function slipOf(
  baseline: { periodEnd: string | null; precision: DatePrecision | null },
  current: { periodEnd: string; precision: DatePrecision },
): Slip | null {
  if (!baseline.periodEnd || !baseline.precision) return null;
  if (baseline.precision === "day" || current.precision === "day") {
    const days = (Date.parse(`${current.periodEnd}T00:00:00Z`) - Date.parse(`${baseline.periodEnd}T00:00:00Z`)) / 86_400_000;
    return { unit: "day", amount: Math.round(days) };
  }
  const months = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
  return { unit: "month", amount: months(current.periodEnd) - months(baseline.periodEnd) };
}
