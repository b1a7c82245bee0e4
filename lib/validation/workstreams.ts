import { z } from "zod";

/** "UNDP, ITU" (as typed in a form) or ["UNDP", "ITU"] (as sent to the API) → a trimmed list. */
function commaSeparated(value: unknown): unknown {
  return typeof value === "string"
    ? value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean)
    : value;
}

/** Paragraph numbers typed as "5, 6, 7" become numbers; anything else is left for zod to refuse. */
function commaSeparatedNumbers(value: unknown): unknown {
  const list = commaSeparated(value);
  return typeof value === "string" && Array.isArray(list)
    ? list.map((part: string) => (/^\d+$/.test(part) ? Number(part) : part))
    : list;
}

const text = (max: number) => z.string().trim().max(max, `must be at most ${max.toLocaleString("en")} characters`);

export const workstreamSlugSchema = z
  .string()
  .trim()
  .min(1, { error: "is required", abort: true })
  .max(100, "must be at most 100 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case: lower-case letters and digits joined by hyphens, such as ai-working-group");

/** A body code such as HLCM or HLCM-HR; the command checks that the body exists. */
const bodyCodeSchema = z
  .string({ error: "is required" })
  .trim()
  .min(1, { error: "is required", abort: true })
  .max(32, "must be at most 32 characters")
  .transform((code) => code.toUpperCase());

const leadsSchema = z.preprocess(
  commaSeparated,
  z
    .array(z.string({ error: "must be names of entities" }).trim().min(1, "is empty").max(60, "must be at most 60 characters each"), {
      error: "must be a comma-separated list of lead entities, such as UNDP, ITU",
    })
    .max(30, "can hold at most 30 leads")
    .transform((leads) => [...new Set(leads)]),
);

const paragraphsSchema = z.preprocess(
  commaSeparatedNumbers,
  z
    .array(
      z
        .number({ error: "must be whole paragraph numbers, such as 12, 13" })
        .int("must be whole paragraph numbers, such as 12, 13")
        .min(1, "must be 1 or more")
        .max(10_000, "must be 10,000 or less"),
      { error: "must be a list of paragraph numbers, such as 12, 13" },
    )
    .max(200, "can hold at most 200 paragraphs")
    .transform((paragraphs) => [...new Set(paragraphs)]),
);

const fields = {
  slug: workstreamSlugSchema,
  nameEn: z.string({ error: "is required" }).trim().min(1, { error: "is required", abort: true }).max(300, "must be at most 300 characters"),
  nameZh: text(300),
  bodyCode: bodyCodeSchema,
  leads: leadsSchema,
  summaryEn: text(5000),
  summaryZh: text(5000),
  paragraphs: paragraphsSchema,
};

/** A new workstream: slug, English name and parent body are required; the rest may follow later. */
export const workstreamCreateSchema = z.strictObject({
  slug: fields.slug,
  nameEn: fields.nameEn,
  nameZh: fields.nameZh.default(""),
  bodyCode: fields.bodyCode,
  leads: fields.leads.default([]),
  summaryEn: fields.summaryEn.default(""),
  summaryZh: fields.summaryZh.default(""),
  paragraphs: fields.paragraphs.default([]),
});
export type WorkstreamCreateInput = z.input<typeof workstreamCreateSchema>;

/** A change to a workstream: any of the fields, at least one. A new slug renames it. */
export const workstreamUpdateSchema = z
  .strictObject({
    slug: fields.slug.optional(),
    nameEn: fields.nameEn.optional(),
    nameZh: fields.nameZh.optional(),
    bodyCode: fields.bodyCode.optional(),
    leads: fields.leads.optional(),
    summaryEn: fields.summaryEn.optional(),
    summaryZh: fields.summaryZh.optional(),
    paragraphs: fields.paragraphs.optional(),
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), { error: "changes nothing", path: [] });
export type WorkstreamUpdateInput = z.input<typeof workstreamUpdateSchema>;
