import { describe, expect, it } from "vitest";
import { ApiProblem } from "@/lib/client/api";
import type { MilestoneState } from "@/lib/queries/milestone-state";
import { invalidParam } from "@/lib/validation/english-reasons";
import en from "@/messages/en.json";
import { changeBody, draftFrom, titleIn } from "./milestone-draft";
import { errorsByField, writeFailureOf } from "./milestone-fields";

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

  it("shows a translation's error next to its own field, other errors on their top-level field", () => {
    expect(
      errorsByField([
        { name: "translations.fr", reason: "must be at most 300 characters" },
        { name: "evidence.1", reason: "is not a valid web address" },
      ]),
    ).toEqual({ "translations.fr": "must be at most 300 characters", evidence: "is not a valid web address" });
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

describe("what a failed write says", () => {
  const problem = (status: number, params: ApiProblem["invalidParams"] = []) => new ApiProblem(status, "English detail", params, {});

  it("asks to correct the fields when the server names any, whatever their reasons", () => {
    expect(writeFailureOf(problem(422, [invalidParam("note", "noteRequired")]))).toBe("fixFields");
    expect(writeFailureOf(problem(400, [{ name: "date", reason: "is not a date" }]))).toBe("fixFields");
  });

  it("says by status what went wrong with the request as a whole, never the server's English detail", () => {
    expect(writeFailureOf(problem(422, [invalidParam("body", "changesNothing")]))).toBe("failure.unchanged");
    expect(writeFailureOf(problem(400, [{ name: "body", reason: "is not valid JSON" }]))).toBe("failure.failed");
    expect(writeFailureOf(problem(0))).toBe("failure.unreachable");
    expect(writeFailureOf(problem(401))).toBe("failure.signedOut");
    expect(writeFailureOf(problem(403))).toBe("failure.forbidden");
    expect(writeFailureOf(problem(404))).toBe("failure.notFound");
    expect(writeFailureOf(problem(409, [invalidParam("version", "versionOutOfDate", { version: 4 })]))).toBe("failure.conflict");
    expect(writeFailureOf(problem(500))).toBe("failure.failed");
    expect(writeFailureOf(new TypeError("boom"))).toBe("failure.failed");
  });

  it("names only messages that exist", () => {
    const editor: Record<string, unknown> = { ...en.editor, ...Object.fromEntries(Object.entries(en.editor.failure).map(([k, v]) => [`failure.${k}`, v])) };
    for (const status of [0, 400, 401, 403, 404, 409, 422, 429, 500]) {
      for (const params of [[], [invalidParam("body", "changesNothing")], [invalidParam("note", "required")]]) {
        const key = writeFailureOf(problem(status, params));
        expect(typeof editor[key], `${status} → ${key}`).toBe("string");
      }
    }
  });
});
