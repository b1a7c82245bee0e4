import { z } from "zod";
import { reason } from "./reasons";
import { plainText } from "./text";
import { translationsSchema } from "./translations";

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
  return typeof value === "string" && Array.isArray(list) ? list.map((part: string) => (/^\d+$/.test(part) ? Number(part) : part)) : list;
}

const text = (max: number) => plainText().trim().max(max, reason("tooLong", { max }));

export const workstreamSlugSchema = z
  .string()
  .trim()
  .min(1, { error: reason("required"), abort: true })
  .max(100, reason("tooLong", { max: 100 }))
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, reason("kebabCase"));

/** A body code such as HLCM or HLCM-HR; the command checks that the body exists. */
const bodyCodeSchema = plainText({ error: reason("required") })
  .trim()
  .min(1, { error: reason("required"), abort: true })
  .max(32, reason("tooLong", { max: 32 }))
  .transform((code) => code.toUpperCase());

const leadsSchema = z.preprocess(
  commaSeparated,
  z
    .array(
      plainText({ error: reason("entityNames") })
        .trim()
        .min(1, reason("empty"))
        .max(60, reason("tooLongEach", { max: 60 })),
      {
        error: reason("leadsList"),
      },
    )
    .max(30, reason("tooManyLeads", { max: 30 }))
    .transform((leads) => [...new Set(leads)]),
);

const paragraphsSchema = z.preprocess(
  commaSeparatedNumbers,
  z
    .array(
      z
        .number({ error: reason("paragraphNumbers") })
        .int(reason("paragraphNumbers"))
        .min(1, reason("atLeast", { min: 1 }))
        .max(10_000, reason("atMost", { max: 10_000 })),
      { error: reason("paragraphList") },
    )
    .max(200, reason("tooManyParagraphs", { max: 200 }))
    .transform((paragraphs) => [...new Set(paragraphs)]),
);

/** A workstream's name and summary in one translation language; an empty string removes that text. */
const translationSchema = z.strictObject({ name: text(300).optional(), summary: text(5000).optional() }, { error: reason("translationObject") });

const fields = {
  slug: workstreamSlugSchema,
  nameEn: plainText({ error: reason("required") })
    .trim()
    .min(1, { error: reason("required"), abort: true })
    .max(300, reason("tooLong", { max: 300 })),
  nameZh: text(300),
  bodyCode: bodyCodeSchema,
  leads: leadsSchema,
  summaryEn: text(5000),
  summaryZh: text(5000),
  paragraphs: paragraphsSchema,
  /** `{ fr: { name, summary }, … }` for Arabic, French, Russian and Spanish. */
  translations: translationsSchema(translationSchema),
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
  translations: fields.translations.default({}),
});
export type WorkstreamCreateInput = z.input<typeof workstreamCreateSchema>;

/**
 * A change to a workstream: any of the fields, at least one, based on the `version` it saw (409
 * when the workstream changed since). A new slug renames it.
 */
export const workstreamUpdateSchema = z
  .strictObject({
    version: z
      .number({ error: reason("versionRequired") })
      .int()
      .min(1),
    slug: fields.slug.optional(),
    nameEn: fields.nameEn.optional(),
    nameZh: fields.nameZh.optional(),
    bodyCode: fields.bodyCode.optional(),
    leads: fields.leads.optional(),
    summaryEn: fields.summaryEn.optional(),
    summaryZh: fields.summaryZh.optional(),
    paragraphs: fields.paragraphs.optional(),
    translations: fields.translations.optional(),
  })
  .refine(({ version: _version, ...change }) => Object.values(change).some((value) => value !== undefined), { error: reason("changesNothing"), path: [] });
export type WorkstreamUpdateInput = z.input<typeof workstreamUpdateSchema>;
