import { describe, expect, it } from "vitest";
import type { MilestoneState } from "@/lib/queries/milestone-state";
import { changeBody, draftFrom } from "./milestone-draft";
import { errorsByField } from "./milestone-fields";

const base: MilestoneState = {
  id: 7,
  workstreamId: 1,
  workstreamSlug: "data-cube",
  titleEn: "Data Cube release",
  titleZh: "数据立方发布",
  translations: { fr: "Publication du Data Cube", es: "Publicación" },
  date: "2022-06",
  datePrecision: "month",
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
  "translations.ar": "",
  "translations.fr": base.translations.fr!,
  "translations.ru": "",
  "translations.es": base.translations.es!,
  ...Object.fromEntries(Object.entries(translations).map(([locale, value]) => [`translations.${locale}`, value])),
});

describe("the editor's request body", () => {
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

  it("shows a translation's error next to its own field, other errors on their top-level field", () => {
    expect(
      errorsByField([
        { name: "translations.fr", reason: "must be at most 300 characters" },
        { name: "evidence.1", reason: "is not a valid web address" },
      ]),
    ).toEqual({ "translations.fr": "must be at most 300 characters", evidence: "is not a valid web address" });
  });
});
