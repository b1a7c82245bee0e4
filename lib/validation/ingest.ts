import { z } from "zod";
import { DOCUMENT_SYMBOL_PATTERN } from "@/lib/domain/evidence";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import { partialDateInputSchema } from "./milestones";
import { reason } from "./reasons";
import { plainText } from "./text";

/** A UN document symbol: E/2022/13, E/2023/xx drafts excepted. */
export const documentSymbolSchema = z
  .string({ error: reason("required") })
  .trim()
  .min(1, { error: reason("required"), abort: true })
  .max(60, reason("tooLong", { max: 60 }))
  .regex(DOCUMENT_SYMBOL_PATTERN, reason("documentSymbol"));

/** The upload form and POST /api/ingest: what the file is. The file itself travels beside it. */
export const ingestUploadSchema = z
  .object({
    symbol: documentSymbolSchema,
    lang: z.enum(["zh", "en"], { error: reason("oneOf", { options: "zh, en" }) }),
    year: z.coerce
      .number({ error: reason("year") })
      .int(reason("wholeYear"))
      .min(1945, reason("yearFrom", { min: 1945 }))
      .max(2100, reason("yearUntil", { max: 2100 })),
    filename: plainText()
      .trim()
      .min(1, reason("required"))
      .max(200, reason("tooLong", { max: 200 })),
  })
  .strict();

export type IngestUploadInput = z.input<typeof ingestUploadSchema>;

/** Changes a reviewer makes before accepting one proposal. */
export const proposalEditsSchema = z
  .object({
    titleEn: plainText()
      .trim()
      .min(1, reason("required"))
      .max(300, reason("tooLong", { max: 300 }))
      .optional(),
    titleZh: plainText()
      .trim()
      .max(300, reason("tooLong", { max: 300 }))
      .optional(),
    date: partialDateInputSchema.optional(),
    status: z.enum(MILESTONE_STATUSES, { error: reason("oneOf", { options: MILESTONE_STATUSES.join(", ") }) }).optional(),
    /** Accept onto this existing workstream instead of the proposed one. */
    workstream: z
      .string()
      .trim()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, reason("kebabCase"))
      .optional(),
    /** For a new workstream: its names. */
    nameEn: plainText()
      .trim()
      .min(1, reason("required"))
      .max(300, reason("tooLong", { max: 300 }))
      .optional(),
    nameZh: plainText()
      .trim()
      .max(300, reason("tooLong", { max: 300 }))
      .optional(),
  })
  .strict();

const ids = z
  .array(z.number().int().positive())
  .min(1, reason("required"))
  .max(1000, reason("tooManyItems", { max: 1000 }));

/** POST /api/ingest/{id}/decisions: accept some (one of them possibly edited), or reject some with a reason. */
export const proposalDecisionSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("accept"), ids, edits: proposalEditsSchema.optional() }).strict(),
  z
    .object({
      decision: z.literal("reject"),
      ids,
      reason: plainText({ multiline: true, error: reason("required") })
        .trim()
        .min(1, reason("required"))
        .max(2000, reason("tooLong", { max: 2000 })),
    })
    .strict(),
]);

export type ProposalDecisionInput = z.input<typeof proposalDecisionSchema>;
