import { z } from "zod";
import { DOCUMENT_SYMBOL_PATTERN } from "../schema/evidence";

/**
 * Shape of the report seed (db/seed/report-e-2022-13.ts). Validated before loading so that a
 * typo in the reviewable data file fails loudly instead of seeding a half-truth.
 */

/** "2021", "2021-10" or "2021-09-15": a date only as precise as the report's text. */
export const partialDateSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "use YYYY, YYYY-MM or YYYY-MM-DD");

/**
 * A note shown to users next to a piece of evidence, e.g. where the report's own footnote looks
 * wrong. English and Chinese, like the seed's titles (other languages show the English, marked).
 */
export const evidenceNoteSchema = z.object({ en: z.string().min(1), zh: z.string().min(1) });

export const evidenceSchema = z.discriminatedUnion("kind", [
  /** A UN document symbol such as CEB/2021/1/Add.1 or A/RES/76/189. */
  z.object({
    kind: z.literal("symbol"),
    value: z.string().regex(DOCUMENT_SYMBOL_PATTERN),
    note: evidenceNoteSchema.optional(),
  }),
  /** A URL printed in the report. */
  z.object({ kind: z.literal("url"), value: z.url(), note: evidenceNoteSchema.optional() }),
]);

export const seedBodySchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9-]*$/),
  /** The name people use day to day: "HLCM", "HR Network". */
  shortNameEn: z.string().min(1),
  nameEn: z.string().min(1),
  nameZh: z.string().min(1),
  /** The body this one reports to, e.g. the HR Network sits under HLCM. */
  parentCode: z.string().nullable(),
});

export const seedMilestoneSchema = z.object({
  /** Stable key within its workstream, kebab-case; lets the seed run again without duplicates. */
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  titleEn: z.string().min(1),
  titleZh: z.string().min(1),
  /** Target or event date, no more precise than the quote (or dateQuote) says. */
  date: partialDateSchema,
  /**
   * `ongoing` is recurring work with no end (regular meetings, standing reviews): its date is
   * when the report shows it under way, and it is never completed nor overdue.
   */
  status: z.enum(["planned", "in_progress", "completed", "ongoing"]),
  /** Where completed: when, at the precision the text gives (often the same as date). */
  completedOn: partialDateSchema.optional(),
  /** Paragraph of E/2022/13 (1–83) the milestone comes from. */
  paragraph: z.number().int().min(1).max(83),
  /** Footnote (1–41) that carries its date, symbol or link, where there is one. */
  footnote: z.number().int().min(1).max(41).optional(),
  /**
   * Other paragraphs the milestone draws on, e.g. the paragraph that dates an event this one
   * mentions (para. 35 dates the HLCP session para. 40 reports on). Shown next to the paragraph.
   */
  alsoParagraphs: z.array(z.number().int().min(1).max(83)).optional(),
  /**
   * Short verbatim Chinese quote from the paragraph (whitespace as in the source). Where the
   * quote runs across a page break (the page's footnote block sits between its parts), "…"
   * marks the join: each part is verbatim and the parts follow each other in the paragraph.
   */
  quote: z.string().min(4).max(160),
  /**
   * A second verbatim snippet, when the date sits outside the quote: from the same paragraph,
   * its footnote or one of `alsoParagraphs`.
   */
  dateQuote: z.string().min(2).max(80).optional(),
  evidence: z.array(evidenceSchema).default([]),
});

export const seedWorkstreamSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  nameEn: z.string().min(1),
  nameZh: z.string().min(1),
  bodyCode: z.string(),
  /** Lead entities by their usual English abbreviation, e.g. ["UNESCO", "ITU"]. */
  leads: z.array(z.string().min(1)),
  summaryEn: z.string().min(1),
  summaryZh: z.string().min(1),
  /** Paragraphs of the report this workstream draws on. */
  paragraphs: z.array(z.number().int().min(1).max(83)).min(1),
  evidence: z.array(evidenceSchema).default([]),
  milestones: z.array(seedMilestoneSchema).min(1),
});

/** A paragraph of the report judged to hold no milestone, with the reason in one line. */
export const paragraphWithoutMilestoneSchema = z.object({
  paragraph: z.number().int().min(1).max(83),
  reason: z.string().min(10),
});

export const reportSeedSchema = z.object({
  document: z.object({ symbol: z.string(), titleEn: z.string(), titleZh: z.string() }),
  bodies: z.array(seedBodySchema),
  workstreams: z.array(seedWorkstreamSchema),
  /** Every paragraph 1–83 is either cited by a milestone or listed here (tested). */
  paragraphsWithoutMilestone: z.array(paragraphWithoutMilestoneSchema),
});

export type ReportSeed = z.input<typeof reportSeedSchema>;
export type ParsedReportSeed = z.output<typeof reportSeedSchema>;
