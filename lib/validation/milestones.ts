import { z } from "zod";
import { DOCUMENT_SYMBOL_PATTERN, type Evidence } from "@/lib/domain/evidence";
import { DATE_RANGE, parsePartialDate, partialDateProblem, periodOf, todayIso } from "@/lib/domain/partial-date";
import { isReplanStatus } from "@/lib/domain/slip";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import { reason } from "./reasons";
import { plainText } from "./text";
import { translatedTitleSchema, translationsSchema } from "./translations";

/** Statuses that must say why. */
export const STATUSES_NEEDING_NOTE: readonly MilestoneStatus[] = ["delayed", "at_risk", "cancelled"];

/** One piece of evidence as people type it: a web address or a UN document symbol. */
export const evidenceItemSchema = plainText()
  .trim()
  .min(1, reason("empty"))
  .max(500, reason("longerThan", { max: 500 }))
  .transform((value, context): Evidence => {
    if (/^https?:\/\//i.test(value)) {
      try {
        const url = new URL(value);
        if (url.protocol === "http:" || url.protocol === "https:") return { kind: "url", value: url.toString() };
      } catch {
        // fall through to the message below
      }
      context.addIssue({ code: "custom", message: reason("invalidUrl") });
      return z.NEVER;
    }
    if (DOCUMENT_SYMBOL_PATTERN.test(value)) return { kind: "symbol", value };
    context.addIssue({ code: "custom", message: reason("evidence") });
    return z.NEVER;
  });

export const evidenceListSchema = z.array(evidenceItemSchema).max(20, reason("tooManyItems", { max: 20 }));

/** A date at its own precision, within DATE_RANGE (one rule, from lib/domain/partial-date). */
export const partialDateInputSchema = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const problem = partialDateProblem(value);
    if (problem === "format") context.addIssue({ code: "custom", message: reason("partialDate") });
    if (problem === "range") context.addIssue({ code: "custom", message: reason("dateRange", { min: DATE_RANGE.min, max: DATE_RANGE.max }) });
  });

const noteSchema = plainText({ multiline: true })
  .trim()
  .max(2000, reason("tooLong", { max: 2000 }));
const titleEnSchema = plainText()
  .trim()
  .min(1, reason("required"))
  .max(300, reason("tooLong", { max: 300 }));
const titleZhSchema = plainText()
  .trim()
  .max(300, reason("tooLong", { max: 300 }));

/** Refinements shared by updates and creation: notes where required, completion dates that fit. */
function checkStatusRules(value: { status?: MilestoneStatus; completedOn?: string | null; note?: string }, context: z.RefinementCtx, today: string) {
  if (value.status && STATUSES_NEEDING_NOTE.includes(value.status) && !value.note?.trim()) {
    context.addIssue({ code: "custom", path: ["note"], message: reason("noteRequired") });
  }
  if (value.status === "completed" && !value.completedOn) {
    context.addIssue({ code: "custom", path: ["completedOn"], message: reason("completedOnRequired") });
  }
  if (value.status && value.status !== "completed" && value.completedOn) {
    context.addIssue({ code: "custom", path: ["completedOn"], message: reason("completedOnOnlyWhenCompleted") });
  }
  if (value.completedOn) {
    const date = parsePartialDate(value.completedOn);
    if (date && periodOf(date).start > today) {
      context.addIssue({ code: "custom", path: ["completedOn"], message: reason("inFuture") });
    }
  }
}

/**
 * A schema that depends on the day (dates may not be in the future), built once per day: zod
 * compiles a schema on its first use, and a write should not pay for that every time.
 */
function builtOncePerDay<S>(build: (today: string) => S): (today?: string) => S {
  let builtFor: string | undefined;
  let schema: S | undefined;
  return (today = todayIso()) => {
    if (schema === undefined || builtFor !== today) {
      schema = build(today);
      builtFor = today;
    }
    return schema;
  };
}

/** PATCH /api/milestones/{id}: a status change and/or edits, based on a known version. */
export const milestoneUpdateSchema = builtOncePerDay((today) =>
  z
    .object({
      version: z
        .number({ error: reason("versionRequired") })
        .int()
        .min(1),
      status: z.enum(MILESTONE_STATUSES, { error: reason("oneOf", { options: MILESTONE_STATUSES.join(", ") }) }).optional(),
      completedOn: partialDateInputSchema.nullable().optional(),
      note: noteSchema.optional(),
      evidence: evidenceListSchema.optional(),
      titleEn: titleEnSchema.optional(),
      titleZh: titleZhSchema.optional(),
      date: partialDateInputSchema.optional(),
      /**
       * Re-planning: the new expected date of a delayed or at-risk milestone. The first re-plan
       * keeps the original date as the baseline (ADR 011).
       */
      expectedDate: partialDateInputSchema.optional(),
      /** Titles in Arabic, French, Russian or Spanish; an empty string removes one. */
      translations: translationsSchema(translatedTitleSchema).optional(),
    })
    .strict()
    .superRefine((value, context) => {
      checkStatusRules(value, context, today);
      if (value.expectedDate !== undefined && value.status !== undefined && !isReplanStatus(value.status)) {
        context.addIssue({ code: "custom", path: ["expectedDate"], message: reason("expectedDateOnlyWhenSlipping") });
      }
      if (value.expectedDate !== undefined && value.date !== undefined) {
        context.addIssue({ code: "custom", path: ["expectedDate"], message: reason("notWithDate") });
      }
    }),
);

export type MilestoneUpdateInput = z.input<ReturnType<typeof milestoneUpdateSchema>>;

/** POST /api/workstreams/{slug}/milestones. */
export const milestoneCreateSchema = builtOncePerDay((today) =>
  z
    .object({
      titleEn: titleEnSchema,
      titleZh: titleZhSchema.default(""),
      date: partialDateInputSchema,
      status: z.enum(MILESTONE_STATUSES, { error: reason("oneOf", { options: MILESTONE_STATUSES.join(", ") }) }).default("planned"),
      completedOn: partialDateInputSchema.nullable().optional(),
      note: noteSchema.optional(),
      evidence: evidenceListSchema.default([]),
      sourceParagraph: z.number().int().min(1).max(10_000).nullable().optional(),
      sourceFootnote: z.number().int().min(1).max(10_000).nullable().optional(),
      /** A verbatim Chinese quote from the source paragraph. */
      quoteZh: plainText()
        .trim()
        .max(500, reason("tooLong", { max: 500 }))
        .nullable()
        .optional(),
      translations: translationsSchema(translatedTitleSchema).default({}),
    })
    .strict()
    .superRefine((value, context) => checkStatusRules(value, context, today)),
);

export type MilestoneCreateInput = z.input<ReturnType<typeof milestoneCreateSchema>>;

/** DELETE /api/milestones/{id}: like every change, based on the version it saw. */
export const milestoneRemoveSchema = z
  .object({
    version: z
      .number({ error: reason("versionRequired") })
      .int()
      .min(1),
    note: noteSchema.optional(),
  })
  .strict();

/** The most milestones one bulk update may change. */
export const BULK_MAX_ROWS = 200;

/**
 * POST /api/milestones/bulk: one change (status, note, evidence, new expected date) applied to
 * each listed milestone, each at the version the client last saw.
 */
export const milestoneBulkSchema = builtOncePerDay((today) =>
  z
    .object({
      items: z
        .array(
          z
            .object({
              id: z.number().int().positive(),
              version: z
                .number({ error: reason("versionRequired") })
                .int()
                .min(1),
            })
            .strict(),
        )
        .min(1, reason("required"))
        .max(BULK_MAX_ROWS, reason("tooManyItems", { max: BULK_MAX_ROWS })),
      status: z.enum(MILESTONE_STATUSES, { error: reason("oneOf", { options: MILESTONE_STATUSES.join(", ") }) }).optional(),
      completedOn: partialDateInputSchema.optional(),
      note: noteSchema.optional(),
      evidence: evidenceListSchema.optional(),
      expectedDate: partialDateInputSchema.optional(),
    })
    .strict()
    .superRefine((value, context) => {
      checkStatusRules(value, context, today);
      if (value.expectedDate !== undefined && value.status !== undefined && !isReplanStatus(value.status)) {
        context.addIssue({ code: "custom", path: ["expectedDate"], message: reason("expectedDateOnlyWhenSlipping") });
      }
    }),
);

export type MilestoneBulkInput = z.input<ReturnType<typeof milestoneBulkSchema>>;
