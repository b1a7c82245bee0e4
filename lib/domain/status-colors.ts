import type { MilestoneStatus } from "./status";

/** One colour per status, for the pages and the report's charts alike, chosen to stay
 * distinguishable for common colour-vision deficiencies; every use pairs the colour with the
 * status name, never colour alone. */
export const STATUS_COLORS: Record<MilestoneStatus, string> = {
  planned: "#5b6b82",
  in_progress: "#1f6fd1",
  ongoing: "#6b4fbb",
  completed: "#1b7f3b",
  delayed: "#c0392b",
  at_risk: "#b7791f",
  cancelled: "#9aa3ae",
};
