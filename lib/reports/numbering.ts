import { reportNumbers } from "./formatting";
import type { ReportLang } from "./options";

/**
 * How UN documents number their parts in each language: chapters "I." ("أولا -" in Arabic),
 * sections "A." ("ألف -"), items "(a)" in English and Chinese, "a)" in French, Spanish and
 * Russian, "(أ)" in Arabic; figures "I", "一", "الأول". These are sequences, not sentences, so
 * they live in code; the words around them ("Figure {number}") are messages.
 */

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const roman = (n: number) => ROMAN[n - 1] ?? String(n);
const CHINESE_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** A–Z, then AA, AB… as UN reports letter their sections. */
export function latinLetters(n: number): string {
  let label = "";
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) label = String.fromCharCode(65 + ((i - 1) % 26)) + label;
  return label;
}

const ARABIC_ORDINALS = ["أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا"];
const ARABIC_FIGURE_ORDINALS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"];
/** Section names as Arabic UN documents letter them (ألف، باء، جيم…); a number after the 28th. */
const ARABIC_SECTIONS = [
  "ألف",
  "باء",
  "جيم",
  "دال",
  "هاء",
  "واو",
  "زاي",
  "حاء",
  "طاء",
  "ياء",
  "كاف",
  "لام",
  "ميم",
  "نون",
  "سين",
  "عين",
  "فاء",
  "صاد",
  "قاف",
  "راء",
  "شين",
  "تاء",
  "ثاء",
  "خاء",
  "ذال",
  "ضاد",
  "ظاء",
  "غين",
];
/** Items in abjad order, (أ)، (ب)، (ج)… as Arabic UN documents list them. */
const ARABIC_ITEMS = [
  "أ",
  "ب",
  "ج",
  "د",
  "هـ",
  "و",
  "ز",
  "ح",
  "ط",
  "ي",
  "ك",
  "ل",
  "م",
  "ن",
  "س",
  "ع",
  "ف",
  "ص",
  "ق",
  "ر",
  "ش",
  "ت",
  "ث",
  "خ",
  "ذ",
  "ض",
  "ظ",
  "غ",
];

const arabicNum = (n: number) => reportNumbers("ar").num(n);

/** Chapter numbers: "I.", "أولا -". */
export function chapterLabel(lang: ReportLang, n: number): string {
  return lang === "ar" ? `${ARABIC_ORDINALS[n - 1] ?? arabicNum(n)} -` : `${roman(n)}.`;
}

/** Section letters within a chapter: "A.", "ألف -". */
export function sectionLabel(lang: ReportLang, n: number): string {
  return lang === "ar" ? `${ARABIC_SECTIONS[n - 1] ?? arabicNum(n)} -` : `${latinLetters(n)}.`;
}

/** Items within a paragraph: "(a)", "a)", "(أ)". */
export function itemLabel(lang: ReportLang, n: number): string {
  switch (lang) {
    case "ar":
      return `(${ARABIC_ITEMS[n - 1] ?? arabicNum(n)})`;
    case "en":
    case "zh":
      return `(${latinLetters(n).toLowerCase()})`;
    default:
      return `${latinLetters(n).toLowerCase()})`;
  }
}

/** A figure's number, as the message "Figure {number}" takes it: "I", "一", "الأول". */
export function figureNumber(lang: ReportLang, n: number): string {
  if (lang === "zh") return CHINESE_NUMERALS[n - 1] ?? String(n);
  if (lang === "ar") return ARABIC_FIGURE_ORDINALS[n - 1] ?? arabicNum(n);
  return roman(n);
}
