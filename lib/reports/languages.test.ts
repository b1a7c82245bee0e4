import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/i18n/locales";
import { mirrorScene, type Scene } from "./charts";
import { reportFontBuffers } from "./fonts";
import { REPORT_LANGS, reportExportQuerySchema, reportFileName } from "./options";
import { fontPieces, visualRuns } from "./render/bidi";
import { textPath } from "./render/glyph-paths";
import { inLanguage, REPORT_TEXT, type ReportText, reportDate } from "./text";
import { parseQueryStrict } from "@/lib/validation/filters";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import ru from "@/messages/ru.json";
import zh from "@/messages/zh.json";

const MESSAGES: Record<Locale, { status: Record<string, string> }> = { ar, en, es, fr, ru, zh };

/** Every leaf of a dictionary, with its path: strings as they are, functions called with sample arguments. */
function leaves(text: ReportText): Map<string, { value: string; arity?: number }> {
  const out = new Map<string, { value: string; arity?: number }>();
  const visit = (value: unknown, path: string) => {
    if (typeof value === "string") out.set(path, { value });
    else if (typeof value === "function") {
      // Numbers (a year, counts) unless the function takes labels; see SAMPLE_ARGS.
      const sample = SAMPLE_ARGS[path.split(".").pop()!] ?? [2021, 7, 3].slice(0, value.length);
      out.set(path, { value: String((value as (...a: unknown[]) => unknown)(...sample)), arity: value.length });
    } else if (value && typeof value === "object") for (const [key, inner] of Object.entries(value)) visit(inner, path ? `${path}.${key}` : key);
  };
  // Official names of bodies exist only where a language has them (English gives the database's).
  visit({ ...text, bodyNames: undefined }, "");
  return out;
}

const SAMPLE_ARGS: Record<string, unknown[]> = {
  period: ["1 X 2021", "31 X 2021"],
  asOf: ["1 X 2026"],
  scopeSome: [3, "S"],
  overviewIntro: [12, 3, 2021, "1 X 2026"],
  overviewStatus: ["P", 4],
  overviewChange: [2020, 9, "P"],
  countOf: [5, "S"],
  changeOf: [2, "S"],
  bodyLine: ["B"],
  leadsLine: [null],
  paragraphsLine: ["E/2022/13", "27–29"],
  completedOn: ["D"],
  overdueSince: ["D"],
  reason: ["N"],
  paragraphRef: ["E/2022/13", 27, 12],
  quote: ["Q"],
  title: [2021],
  today: ["D"],
};

/** Keys whose text may rightly read as the English does in a Latin-script language ("Total", "Figure I", "Source"). */
const MAY_EQUAL_ENGLISH = new Set([
  "locale",
  "listSeparator",
  "punct.stop",
  "punct.space",
  "punct.dash",
  "punct.facts",
  "punct.sources",
  "punct.colon",
  "punct.reasonEnd",
  "num",
  "signed",
  "changeOf",
  "year",
  "chapterLabel",
  "sectionLabel",
  "itemLabel",
  "total",
  "tableTotal",
  "date",
  "fields.date",
  "fields.dateLabel",
  "source",
  "fields.source",
  "fields.number",
  "number",
  "figure",
  "quote",
  "paragraphRef",
  "bodyLine",
  "fields.workstream",
  "fields.title",
  "fields.statusLabel",
  "fields.overdue",
  "fields.urls",
  "about.source",
  "about.title",
]);

/** English words that should not survive in another language's report (a heuristic for missed translations). */
const ENGLISH_WORDS = /\b(the|of|and|milestones?|workstreams?|overdue|status(es)?|completed|planned|cancelled|delayed|progress|report|reason|recorded)\b/i;

describe("the report's words in the six official languages", () => {
  it("are the interface's locales, and each is accepted as `lang` and named in the file name", () => {
    expect([...REPORT_LANGS]).toEqual([...LOCALES]);
    for (const lang of LOCALES) {
      const parsed = parseQueryStrict(reportExportQuerySchema, new URLSearchParams(`lang=${lang}&format=pdf`));
      expect(parsed.ok && parsed.value.lang, lang).toBe(lang);
      expect(reportFileName(2021, lang, "pdf")).toBe(`ceb-progress-2021-${lang}.pdf`);
    }
    expect(parseQueryStrict(reportExportQuerySchema, new URLSearchParams("lang=de")).ok).toBe(false);
  });

  it("has the same keys and the same function arities in every language", () => {
    const english = leaves(REPORT_TEXT.en);
    for (const lang of LOCALES) {
      const words = leaves(REPORT_TEXT[lang]);
      expect([...words.keys()].sort(), lang).toEqual([...english.keys()].sort());
      for (const [key, { arity }] of english) expect(words.get(key)?.arity, `${lang} ${key}`).toBe(arity);
    }
  });

  it("leaves nothing in English in the other languages", () => {
    const english = leaves(REPORT_TEXT.en);
    for (const lang of LOCALES.filter((l) => l !== "en")) {
      for (const [key, { value }] of leaves(REPORT_TEXT[lang])) {
        if (!MAY_EQUAL_ENGLISH.has(key)) expect.soft(value, `${lang} ${key}`).not.toBe(english.get(key)!.value);
        expect.soft(value, `${lang} ${key}`).not.toMatch(ENGLISH_WORDS);
      }
    }
  });

  it("names the Board and its committees as the UN does in each language", () => {
    expect(REPORT_TEXT.fr.title(2021)).toContain("Conseil des chefs de secrétariat des organismes des Nations Unies pour la coordination (CCS)");
    expect(REPORT_TEXT.es.title(2021)).toContain("Junta de los Jefes Ejecutivos del Sistema de las Naciones Unidas para la Coordinación (JJE)");
    expect(REPORT_TEXT.ru.title(2021)).toContain("Координационный совет руководителей системы Организации Объединенных Наций (КСР)");
    expect(REPORT_TEXT.ar.title(2021)).toContain("مجلس الرؤساء التنفيذيين في منظومة الأمم المتحدة المعني بالتنسيق");
    expect(REPORT_TEXT.fr.bodyNames.HLCP).toBe("Comité de haut niveau sur les programmes");
    expect(REPORT_TEXT.fr.bodyNames.HLCM).toBe("Comité de haut niveau sur la gestion");
    expect(REPORT_TEXT.es.bodyNames.HLCP).toBe("Comité de Alto Nivel sobre Programas");
    expect(REPORT_TEXT.es.bodyNames.HLCM).toBe("Comité de Alto Nivel sobre Gestión");
  });

  it("uses the interface's status names (messages/*.json), so the page and the report agree", () => {
    for (const lang of LOCALES) {
      const messages = MESSAGES[lang];
      for (const [status, label] of Object.entries(REPORT_TEXT[lang].status)) expect(label, `${lang} ${status}`).toBe(messages.status[status]);
      expect(REPORT_TEXT[lang].overdue, lang).toBe(messages.status.overdue);
    }
  });

  it("can be drawn: every character has a glyph in Noto Sans SC or, for Arabic, Noto Sans Arabic", () => {
    const bytes = reportFontBuffers();
    const sc = fontkit.create(bytes.regular) as fontkit.Font;
    const arabic = fontkit.create(bytes.arabicRegular) as fontkit.Font;
    const missing: string[] = [];
    for (const lang of LOCALES) {
      for (const { value } of leaves(REPORT_TEXT[lang]).values()) {
        for (const piece of fontPieces(value, lang !== "zh")) {
          const font = piece.arabic ? arabic : sc;
          for (const char of piece.text) {
            const codePoint = char.codePointAt(0)!;
            // Bidi marks and the narrow no-break space are handled by the renderers.
            if (/[\u200e\u200f\u061c\u202f]/.test(char)) continue;
            if (!font.hasGlyphForCodePoint(codePoint)) missing.push(`${lang}: U+${codePoint.toString(16)} ${char}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("dates and numbers in each language", () => {
  it("show a month as the month, in the language, never a day the source lacks", () => {
    expect(reportDate("2022-06", "fr")).toBe("juin 2022");
    expect(reportDate("2022-06", "es")).toBe("junio de 2022");
    expect(reportDate("2022-06", "ru")).toMatch(/^июнь 2022/);
    expect(reportDate("2022-06", "ar")).toBe(
      new Intl.DateTimeFormat("ar", { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2022, 5, 1))),
    );
    expect(reportDate("2022-06", "ar")).toContain("يونيو");
    for (const lang of LOCALES) {
      expect(reportDate("2022-06", lang), lang).not.toMatch(/\b1\b|\b01\b/);
      expect(reportDate("2022-06-15", lang), lang).toMatch(/15/);
      expect(reportDate("2022", lang), lang).toMatch(/2022/);
    }
  });

  it("group counts as the language does and never group a year", () => {
    expect(REPORT_TEXT.fr.num(10000)).toBe(new Intl.NumberFormat("fr-FR").format(10000));
    expect(REPORT_TEXT.fr.num(10000)).not.toBe("10000");
    expect(REPORT_TEXT.es.num(10000)).toBe("10.000");
    expect(REPORT_TEXT.ar.num(10000)).toBe(new Intl.NumberFormat("ar").format(10000));
    for (const lang of LOCALES)
      expect(REPORT_TEXT[lang].title(2021), lang).toContain(new Intl.NumberFormat(REPORT_TEXT[lang].locale, { useGrouping: false }).format(2021));
  });
});

describe("choosing content for a language", () => {
  it("takes Chinese from its column, a translation for the others, English where either is missing", () => {
    expect(inLanguage("zh", "Data", "数据")).toBe("数据");
    expect(inLanguage("zh", "Data", " ")).toBe("Data");
    expect(inLanguage("en", "Data", "数据", "Données")).toBe("Data");
    expect(inLanguage("fr", "Data", "数据", "Données")).toBe("Données");
    expect(inLanguage("fr", "Data", "数据")).toBe("Data");
    expect(inLanguage("ar", "Data", "数据", null)).toBe("Data");
    expect(inLanguage("ru", "Data", "数据", "")).toBe("Data");
  });
});

describe("right-to-left text", () => {
  it("orders runs from the right without reversing numbers or Latin words", () => {
    const text = "تقرير عام 2021 CEB";
    const runs = visualRuns(text, "rtl").map((run) => ({ text: text.slice(run.start, run.end), rtl: run.rtl }));
    // Left to right on the page: the Latin and the year (each read left to right), then the Arabic.
    expect(runs.map((run) => run.text.trim()).filter(Boolean)).toEqual(["CEB", "2021", "تقرير عام"]);
    expect(runs.find((run) => run.text.includes("2021"))?.rtl).toBe(false);
    expect(runs.find((run) => run.text.includes("تقرير"))?.rtl).toBe(true);
    expect(visualRuns("Plain English", "ltr")).toEqual([{ start: 0, end: 13, rtl: false }]);
  });

  it("shapes Arabic in chart images: joined forms, not the letters' isolated forms", () => {
    const arabic = fontkit.create(reportFontBuffers().arabicRegular) as fontkit.Font;
    const word = "مجلس";
    const shaped = textPath(word, 0, 20, 10, "start", false, "rtl");
    // The same letters, each in its isolated form, side by side.
    let pen = 0;
    let isolated = "";
    for (const char of [...word].reverse()) {
      const glyph = arabic.glyphForCodePoint(char.codePointAt(0)!);
      isolated += glyph.path
        .scale(10 / arabic.unitsPerEm, -10 / arabic.unitsPerEm)
        .translate(pen, 20)
        .toSVG();
      pen += (glyph.advanceWidth * 10) / arabic.unitsPerEm;
    }
    expect(shaped).not.toBe("");
    expect(shaped).not.toBe(isolated);
  });

  it("mirrors a chart for Arabic: shapes move to the other side and text anchors swap", () => {
    const scene: Scene = {
      width: 100,
      height: 10,
      title: "t",
      shapes: [
        { type: "rect", x: 10, y: 0, w: 20, h: 5, fill: "#000" },
        { type: "text", x: 5, y: 5, text: "a", size: 5, anchor: "start", fill: "#000" },
      ],
    };
    const mirrored = mirrorScene(scene);
    expect(mirrored.direction).toBe("rtl");
    expect(mirrored.shapes[0]).toMatchObject({ x: 70, w: 20 });
    expect(mirrored.shapes[1]).toMatchObject({ x: 95, anchor: "end" });
  });
});
