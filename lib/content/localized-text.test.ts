import { describe, expect, it } from "vitest";
import { localizedText, originalText } from "./localized-text";

const base = { en: "Data Cube 2021 release", zh: "2021 年数据立方发布" };

describe("localizedText", () => {
  it("shows English in English, as translated, whatever translation is passed", () => {
    expect(localizedText("en", base, "Publication 2021")).toEqual({ text: base.en, lang: "en", translated: true });
  });

  it("shows the Chinese column in Chinese", () => {
    expect(localizedText("zh", base)).toEqual({ text: base.zh, lang: "zh", translated: true });
  });

  it("falls back to English, marked untranslated, when the Chinese column is empty or blank", () => {
    expect(localizedText("zh", { en: "Added later", zh: "" })).toEqual({ text: "Added later", lang: "en", translated: false });
    expect(localizedText("zh", { en: "Added later", zh: "   " })).toEqual({ text: "Added later", lang: "en", translated: false });
  });

  it("ignores a translation row in Chinese: the column is the Chinese text", () => {
    expect(localizedText("zh", base, "autre chose").text).toBe(base.zh);
  });

  it.each(["ar", "fr", "ru", "es"] as const)("shows the %s translation when there is one", (locale) => {
    expect(localizedText(locale, base, `title in ${locale}`)).toEqual({ text: `title in ${locale}`, lang: locale, translated: true });
  });

  it.each([undefined, null, "", "  "])("falls back to English, marked untranslated, in French when the translation is %j", (translation) => {
    expect(localizedText("fr", base, translation)).toEqual({ text: base.en, lang: "en", translated: false });
  });
});

describe("originalText", () => {
  it("is the Chinese original on English and translated pages", () => {
    for (const locale of ["en", "ar", "fr", "ru", "es"] as const) expect(originalText(locale, base)).toEqual({ text: base.zh, lang: "zh" });
  });

  it("is the English on Chinese pages", () => {
    expect(originalText("zh", base)).toEqual({ text: base.en, lang: "en" });
  });

  it("is null when there is no Chinese, so nothing is shown twice", () => {
    expect(originalText("fr", { en: "Added later", zh: "" })).toBeNull();
    expect(originalText("zh", { en: "Added later", zh: "" })).toBeNull();
    expect(originalText("zh", { en: "", zh: "摘要" })).toBeNull();
  });
});
