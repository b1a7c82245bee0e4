import { isTranslationLocale, type Locale, type TranslationLocale } from "@/i18n/locales";

/**
 * The official names of the Board and its two high-level committees in the languages whose
 * content is not in the seed (English and Chinese names are columns of the bodies table). The
 * networks have no official names in these languages that we could confirm, so they stay English.
 */
export const OFFICIAL_BODY_NAMES: Record<TranslationLocale, Partial<Record<string, string>>> = {
  fr: {
    CEB: "Conseil des chefs de secrétariat des organismes des Nations Unies pour la coordination (CCS)",
    HLCP: "Comité de haut niveau sur les programmes",
    HLCM: "Comité de haut niveau sur la gestion",
  },
  es: {
    CEB: "Junta de los Jefes Ejecutivos del Sistema de las Naciones Unidas para la Coordinación (JJE)",
    HLCP: "Comité de Alto Nivel sobre Programas",
    HLCM: "Comité de Alto Nivel sobre Gestión",
  },
  ru: {
    CEB: "Координационный совет руководителей системы Организации Объединенных Наций (КСР)",
    HLCP: "Комитет высокого уровня по программам",
    HLCM: "Комитет высокого уровня по вопросам управления",
  },
  ar: {
    CEB: "مجلس الرؤساء التنفيذيين في منظومة الأمم المتحدة المعني بالتنسيق",
    HLCP: "اللجنة الرفيعة المستوى المعنية بالبرامج",
    HLCM: "اللجنة الرفيعة المستوى المعنية بالإدارة",
  },
};

/** A body's name in a page's language: Chinese from its column, an official name, or English. */
export function bodyNameIn(locale: Locale, body: { code: string; nameEn: string; nameZh: string }): string {
  if (locale === "zh") return body.nameZh || body.nameEn;
  return (isTranslationLocale(locale) ? OFFICIAL_BODY_NAMES[locale][body.code] : undefined) ?? body.nameEn;
}
