import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/i18n/locales";
import { mirrorScene, type Scene } from "./charts";
import { reportFontBuffers } from "./fonts";
import { reportDate } from "./formatting";
import { chapterLabel, figureNumber, itemLabel, sectionLabel } from "./numbering";
import { REPORT_LANGS, reportExportQuerySchema, reportFileName } from "./options";
import { fontPieces, visualRuns } from "./render/bidi";
import { textPath } from "./render/glyph-paths";
import { inLanguage, reportText } from "./report-text";
import { parseQueryStrict } from "@/lib/validation/filters";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import ru from "@/messages/ru.json";
import zh from "@/messages/zh.json";

const MESSAGES: Record<Locale, { report: object }> = { ar, en, es, fr, ru, zh };

/** Each message of the "report" namespace by dotted key, as written in messages/<lang>.json. */
function reportMessages(lang: Locale): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (value: unknown, path: string) => {
    if (typeof value === "string") out.set(path, value);
    else for (const [key, inner] of Object.entries(value as object)) visit(inner, path ? `${path}.${key}` : key);
  };
  visit(MESSAGES[lang].report, "");
  return out;
}

/** The words of a message, its arguments left out: "Page {page, number} of {pages, number}" → "Page  of ". */
function literalText(elements: MessageFormatElement[]): string {
  return elements
    .map((element) =>
      element.type === TYPE.literal
        ? element.value
        : element.type === TYPE.plural || element.type === TYPE.select
          ? Object.values(element.options)
              .map((option) => literalText(option.value))
              .join(" ")
          : "",
    )
    .join("");
}

/** Keys whose text may rightly read as the English does in a Latin-script language ("Total", "Figure I", "Source"). */
const MAY_EQUAL_ENGLISH = new Set([
  "punctuation.list",
  "punctuation.stop",
  "punctuation.space",
  "punctuation.dash",
  "punctuation.facts",
  "punctuation.sources",
  "punctuation.colon",
  "punctuation.reasonEnd",
  "changeOf",
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

  // Same keys, arguments and plural forms in every language: tests/unit/messages.test.ts.
  it("leaves nothing in English in the other languages", () => {
    const english = reportMessages("en");
    expect(english.size).toBeGreaterThan(100);
    for (const lang of LOCALES.filter((l) => l !== "en")) {
      for (const [key, message] of reportMessages(lang)) {
        if (!MAY_EQUAL_ENGLISH.has(key)) expect.soft(message, `${lang} ${key}`).not.toBe(english.get(key));
        expect.soft(literalText(parse(message)), `${lang} ${key}`).not.toMatch(ENGLISH_WORDS);
      }
    }
  });

  it("names the Board and its committees as the UN does in each language", () => {
    const title = (lang: Locale) => reportText(lang).t("title", { year: 2021 });
    expect(title("fr")).toContain("Conseil des chefs de secrétariat des organismes des Nations Unies pour la coordination (CCS)");
    expect(title("es")).toContain("Junta de los Jefes Ejecutivos del Sistema de las Naciones Unidas para la Coordinación (JJE)");
    expect(title("ru")).toContain("Координационный совет руководителей системы Организации Объединенных Наций (КСР)");
    expect(title("ar")).toContain("مجلس الرؤساء التنفيذيين في منظومة الأمم المتحدة المعني بالتنسيق");
    expect(reportText("fr").bodyNames.HLCP).toBe("Comité de haut niveau sur les programmes");
    expect(reportText("fr").bodyNames.HLCM).toBe("Comité de haut niveau sur la gestion");
    expect(reportText("es").bodyNames.HLCP).toBe("Comité de Alto Nivel sobre Programas");
    expect(reportText("es").bodyNames.HLCM).toBe("Comité de Alto Nivel sobre Gestión");
  });

  it("can be drawn: every character has a glyph in Noto Sans SC or, for Arabic, Noto Sans Arabic", () => {
    const bytes = reportFontBuffers();
    const sc = fontkit.create(bytes.regular) as fontkit.Font;
    const arabic = fontkit.create(bytes.arabicRegular) as fontkit.Font;
    const missing: string[] = [];
    for (const lang of LOCALES) {
      const words = reportText(lang);
      const numbering = Array.from({ length: 30 }, (_, i) => [chapterLabel, sectionLabel, itemLabel, figureNumber].map((label) => label(lang, i + 1))).flat();
      for (const value of [...reportMessages(lang).values(), ...Object.values(words.status), words.overdue, ...numbering, words.change(-3), words.change(0)]) {
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
    expect(reportText("fr").num(10000)).toBe(new Intl.NumberFormat("fr-FR").format(10000));
    expect(reportText("fr").num(10000)).not.toBe("10000");
    expect(reportText("es").num(10000)).toBe("10.000");
    expect(reportText("ar").num(10000)).toBe(new Intl.NumberFormat("ar").format(10000));
    for (const lang of LOCALES) {
      const { t, locale } = reportText(lang);
      const grouped = new Intl.NumberFormat(locale).format(12345);
      expect(t("title", { year: 2021 }), lang).toContain(new Intl.NumberFormat(locale, { useGrouping: false }).format(2021));
      // Counts inside a message are grouped as the language groups them, through the message's own number format.
      expect(t("attentionIntro", { count: 12345 }), lang).toContain(grouped);
      expect(t("overviewStatus", { parts: "", overdue: 12345 }), lang).toContain(grouped);
    }
  });

  it("agree a counted noun with its number, by each language's plural rules", () => {
    const { t } = reportText("ru");
    const intro = (milestones: number) => t("overviewIntro", { milestones, workstreams: 5, year: 2021, asOf: "D" });
    expect(intro(1)).toContain(" 1 веху 5 направлений работы ");
    expect(intro(3)).toContain(" 3 вехи 5 направлений работы ");
    expect(intro(11)).toContain(" 11 вех 5 направлений работы ");
    expect(intro(21)).toContain(" 21 веху 5 направлений работы ");
    const months = (n: number) => reportText("ar").t("firstPlanned", { date: "D", months: n });
    expect(months(0)).toBe("كان مقررًا أصلًا في D");
    expect(months(3)).toBe("كان مقررًا أصلًا في D، بتأخير 3 أشهر");
    expect(months(11)).toBe("كان مقررًا أصلًا في D، بتأخير 11 شهرًا");
    expect(reportText("en").t("firstPlanned", { date: "March 2022", months: 1 })).toBe("first planned for March 2022, 1 month later");
    // One selected workstream is named without a number, in Russian too, where 21 takes the "one" form.
    expect(reportText("ru").t("scopeSome", { workstreams: 1 })).toBe("Только выбранное направление работы.");
    expect(reportText("ru").t("scopeSome", { workstreams: 21 })).toBe("Только выбранные направления работы (21).");
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
