/**
 * A milestone's own fields as a change names them: the keys of a history entry's `changes`
 * (besides `title.<locale>` for translated titles) and the rows of the conflict screen. Each has
 * a label under `editor.fields` in messages/*.json.
 */
export const MILESTONE_FIELDS = ["status", "completedOn", "titleEn", "titleZh", "date", "baselineDate"] as const;

/** Fields that hold a partial date ("2022-10"): shown formatted at their precision ("October 2022"). */
export const DATE_FIELDS: readonly string[] = ["completedOn", "date", "baselineDate"];

export type MilestoneField = (typeof MILESTONE_FIELDS)[number];

export function isMilestoneField(name: string): name is MilestoneField {
  return (MILESTONE_FIELDS as readonly string[]).includes(name);
}
