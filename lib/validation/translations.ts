import { z } from "zod";
import { TRANSLATION_LOCALES, type TranslationLocale } from "@/i18n/locales";
import { reason } from "./reasons";
import { plainText } from "./text";

/**
 * Content in the translation languages, keyed by language: `{ fr: …, es: … }`. A key that is
 * not one of them is refused under its own name (`translations.de`), not as the whole object,
 * so the field can be named in the answer.
 */
export function translationsSchema<V extends z.ZodType>(value: V) {
  return z
    .record(z.string(), value, { error: reason("translationsObject", { languages: TRANSLATION_LOCALES.join(", ") }) })
    .superRefine((translations, context) => {
      for (const key of Object.keys(translations)) {
        if (!(TRANSLATION_LOCALES as readonly string[]).includes(key)) {
          context.addIssue({
            code: "custom",
            path: [key],
            message: reason("translationLanguage", { languages: TRANSLATION_LOCALES.join(", ") }),
          });
        }
      }
    })
    .transform((translations) => translations as Partial<Record<TranslationLocale, z.output<V>>>);
}

/** One translated title: trimmed; an empty string removes the translation. */
export const translatedTitleSchema = plainText({ error: reason("text") })
  .trim()
  .max(300, reason("tooLong", { max: 300 }));
