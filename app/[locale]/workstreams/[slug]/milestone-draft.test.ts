import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import type { MilestoneState } from "@/lib/queries/milestone-state";
import { milestoneUpdateSchema } from "@/lib/validation/milestones";
import { describeReason } from "@/lib/validation/reasons";
import en from "@/messages/en.json";
import { type FormText, precheck } from "../../_lib/form-state";
import { changeBody, draftFrom, titleIn } from "./milestone-draft";

const base: MilestoneState = {
  id: 7,
  workstreamId: 1,
  workstreamSlug: "data-cube",
  titleEn: "Data Cube release",
  titleZh: "数据立方发布",
  translations: { fr: "Publication du Data Cube", es: "Publicación" },
  date: "2022-06",
  datePrecision: "month",
  baselineDate: null,
  status: "planned",
  completedOn: null,
  evidence: [],
  sourceParagraph: null,
  version: 3,
  updatedAt: "2022-01-01T00:00:00.000Z",
  removedAt: null,
};

const draftOf = (translations: Partial<Record<"ar" | "fr" | "ru" | "es", string>>) => ({
  status: base.status,
  completedOn: "",
  note: "",
  evidence: "",
  titleEn: base.titleEn,
  titleZh: base.titleZh,
  date: base.date,
  expectedDate: "",
  "translations.ar": "",
  "translations.fr": base.translations.fr!,
  "translations.ru": "",
  "translations.es": base.translations.es!,
  ...Object.fromEntries(Object.entries(translations).map(([locale, value]) => [`translations.${locale}`, value])),
});

describe("the editor's request body", () => {
  it("sends a new expected date only with a delayed or at-risk status", () => {
    expect(changeBody({ ...draftOf({}), status: "delayed", note: "Late", expectedDate: " 2023-03 " }, base)).toEqual({
      version: 3,
      status: "delayed",
      note: "Late",
      expectedDate: "2023-03",
    });
    expect(changeBody({ ...draftOf({}), status: "in_progress", expectedDate: "2023-03" }, base)).toEqual({ version: 3, status: "in_progress" });
  });

  it("sends no translations when none changed", () => {
    expect(changeBody(draftOf({}), base)).toEqual({ version: 3 });
  });

  it("sends only the languages that changed, trimmed", () => {
    expect(changeBody(draftOf({ ar: "  إصدار  ", fr: "Publication du Data Cube" }), base)).toEqual({ version: 3, translations: { ar: "إصدار" } });
  });

  it("sends an empty string for an emptied translation, which removes it", () => {
    expect(changeBody(draftOf({ es: "   " }), base)).toEqual({ version: 3, translations: { es: "" } });
  });
});

describe("the editor's draft and errors", () => {
  it("prefills every translation field, empty where there is none", () => {
    expect(draftFrom(base)).toMatchObject({
      "translations.ar": "",
      "translations.fr": "Publication du Data Cube",
      "translations.ru": "",
      "translations.es": "Publicación",
    });
    expect(changeBody(draftFrom(base), base)).toEqual({ version: 3 });
  });

  it("the browser's check shows a translation's error next to its own field, an evidence line's on the evidence box", () => {
    const reasons = createTranslator({ locale: "en", messages: en, namespace: "validation" });
    const refusals = createTranslator({ locale: "en", messages: en, namespace: "errors" });
    const inEnglish: FormText = { reason: (param) => describeReason(reasons, param), refusal: (key) => refusals(key) };
    const draft = { ...draftFrom(base), "translations.fr": "x".repeat(301), evidence: "CEB/2022/1\n\u0000" };
    const refused = precheck(milestoneUpdateSchema(), changeBody(draft, base), null, inEnglish);
    expect(refused?.fieldErrors).toEqual({ "translations.fr": expect.stringContaining("300"), evidence: expect.any(String) });
    expect(refused?.error).toBeNull();
    expect(precheck(milestoneUpdateSchema(), changeBody({ ...draftFrom(base), note: "Checked" }, base), null, inEnglish)).toBeNull();
  });
});

describe("the title the editor names", () => {
  it("is the page's language where there is a translation, English marked as such where there is none", () => {
    expect(titleIn("en", base)).toEqual({ text: "Data Cube release", lang: "en", translated: true });
    expect(titleIn("zh", base)).toEqual({ text: "数据立方发布", lang: "zh", translated: true });
    expect(titleIn("fr", base)).toEqual({ text: "Publication du Data Cube", lang: "fr", translated: true });
    expect(titleIn("ru", base)).toEqual({ text: "Data Cube release", lang: "en", translated: false });
  });
});
