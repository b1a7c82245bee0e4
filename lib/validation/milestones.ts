import { z } from "zod";
import type { Evidence } from "@/db/schema";
import { parsePartialDate, periodOf, todayIso } from "@/lib/domain/partial-date";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";

/** Statuses that must say why. */
export const STATUSES_NEEDING_NOTE: readonly MilestoneStatus[] = ["delayed", "at_risk", "cancelled"];

const SYMBOL = /^[A-Z][A-Za-z0-9]*(\/[A-Za-z0-9.()-]+)+$/;

/** One piece of evidence as people type it: a web address or a UN document symbol. */
export const evidenceItemSchema = z
  .string()
  .trim()
  .min(1, "is empty")
  .max(500, "is longer than 500 characters")
  .transform((value, context): Evidence => {
    if (/^https?:\/\//i.test(value)) {
      try {
        const url = new URL(value);
        if (url.protocol === "http:" || url.protocol === "https:") return { kind: "url", value: url.toString() };
      } catch {
        // fall through to the message below
      }
      context.addIssue({ code: "custom", message: "is not a valid web address" });
      return z.NEVER;
    }
    if (SYMBOL.test(value)) return { kind: "symbol", value };
    context.addIssue({
      code: "custom",
      message: "must be a web address (https://…) or a UN document symbol such as CEB/2021/1/Add.1",
    });
    return z.NEVER;
  });

export const evidenceListSchema = z.array(evidenceItemSchema).max(20, "can hold at most 20 items");

export const partialDateInputSchema = z
  .string()
  .trim()
  .refine((value) => parsePartialDate(value) !== null, "must be a year (2021), a month (2021-10) or a day (2021-10-15)");

const noteSchema = z.string().trim().max(2000, "must be at most 2,000 characters");

/** Refinements shared by updates and creation: notes where required, completion dates that fit. */
function checkStatusRules(
  value: { status?: MilestoneStatus; completedOn?: string | null; note?: string },
  context: z.RefinementCtx,
  today: string,
) {
  if (value.status && STATUSES_NEEDING_NOTE.includes(value.status) && !value.note?.trim()) {
    context.addIssue({ code: "custom", path: ["note"], message: "is required when the status is delayed, at risk or cancelled" });
  }
  if (value.status === "completed" && !value.completedOn) {
    context.addIssue({ code: "custom", path: ["completedOn"], message: "is required when the status is completed" });
  }
  if (value.status && value.status !== "completed" && value.completedOn) {
    context.addIssue({ code: "custom", path: ["completedOn"], message: "can only be set when the status is completed" });
  }
  if (value.completedOn) {
    const date = parsePartialDate(value.completedOn);
    if (date && periodOf(date).start > today) {
      context.addIssue({ code: "custom", path: ["completedOn"], message: "cannot be in the future" });
    }
  }
}

/** PATCH /api/milestones/{id}: a status change and/or edits, based on a known version. */
export const milestoneUpdateSchema = (today = todayIso()) =>
  z
    .object({
      version: z.number({ error: "is required: the version your change is based on" }).int().min(1),
      status: z.enum(MILESTONE_STATUSES, { error: `must be one of ${MILESTONE_STATUSES.join(", ")}` }).optional(),
      completedOn: partialDateInputSchema.nullable().optional(),
      note: noteSchema.optional(),
      evidence: evidenceListSchema.optional(),
      titleEn: z.string().trim().min(1, "is required").max(300, "must be at most 300 characters").optional(),
      titleZh: z.string().trim().max(300, "must be at most 300 characters").optional(),
      date: partialDateInputSchema.optional(),
    })
    .strict()
    .superRefine((value, context) => checkStatusRules(value, context, today));

export type MilestoneUpdateInput = z.input<ReturnType<typeof milestoneUpdateSchema>>;

/** POST /api/workstreams/{slug}/milestones. */
export const milestoneCreateSchema = (today = todayIso()) =>
  z
    .object({
      titleEn: z.string().trim().min(1, "is required").max(300, "must be at most 300 characters"),
      titleZh: z.string().trim().max(300, "must be at most 300 characters").default(""),
      date: partialDateInputSchema,
      status: z.enum(MILESTONE_STATUSES, { error: `must be one of ${MILESTONE_STATUSES.join(", ")}` }).default("planned"),
      completedOn: partialDateInputSchema.nullable().optional(),
      note: noteSchema.optional(),
      evidence: evidenceListSchema.default([]),
      sourceParagraph: z.number().int().min(1).max(10_000).nullable().optional(),
    })
    .strict()
    .superRefine((value, context) => checkStatusRules(value, context, today));

export type MilestoneCreateInput = z.input<ReturnType<typeof milestoneCreateSchema>>;

export const milestoneRemoveSchema = z
  .object({
    version: z.number().int().min(1).optional(),
    note: noteSchema.optional(),
  })
  .strict();
