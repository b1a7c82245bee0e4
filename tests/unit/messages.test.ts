/**
 * The interface's message files in the six official UN languages. English (messages/en.json) is
 * the source: each other locale must have exactly its keys, and each message the same ICU
 * arguments (names and types: plain, number, date, time, plural, selectordinal, select, and rich
 * text tags such as <b>) as its English source, with plural categories that are right for the
 * locale per CLDR. A translation left identical to English is also caught.
 *
 * Messages are parsed with @formatjs/icu-messageformat-parser, the parser intl-messageformat
 * (and so next-intl) uses at run time, with the same default options.
 */
import { readFileSync } from "node:fs";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";

type MessageTree = { [key: string]: unknown };

const MESSAGES_DIR = new URL("../../messages/", import.meta.url);
const LOCALES = ["ar", "zh", "fr", "ru", "es"] as const;

/**
 * Translations that may equal English although they are longer than 12 characters and contain
 * letters: product names and file extensions, which no UN language translates.
 */
const SAME_AS_ENGLISH_ALLOWED = new Set<string>([
  "reports.format.xlsx", // "Excel (.xlsx)": product name and file extension
  "report.tableTotal", // "Total 2021": "Total" is also the French and Spanish word
  "report.figure", // "Figure I": "Figure" is also the French word, as French UN documents number figures
]);

/**
 * The UN's official names for the CEB, as its own sites and documents give them: the full name in
 * each language (used in app.description) and the short form used elsewhere (app.title).
 * Chinese as in the source report E/2022/13.
 */
const OFFICIAL_CEB: Record<(typeof LOCALES)[number], { full: string; short: string }> = {
  zh: { full: "联合国系统行政首长协调理事会", short: "首协会" },
  fr: { full: "Conseil des chefs de secrétariat des organismes des Nations Unies pour la coordination", short: "CCS" },
  es: { full: "Junta de los Jefes Ejecutivos del Sistema de las Naciones Unidas para la Coordinación", short: "JJE" },
  ru: { full: "Координационного совета руководителей системы Организации Объединенных Наций", short: "КСР" },
  ar: { full: "مجلس الرؤساء التنفيذيين في منظومة الأمم المتحدة المعني بالتنسيق", short: "مجلس الرؤساء التنفيذيين" },
};

function readMessages(locale: string): MessageTree {
  return JSON.parse(readFileSync(new URL(`${locale}.json`, MESSAGES_DIR), "utf8")) as MessageTree;
}

function isTree(value: unknown): value is MessageTree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Leaf messages by dotted key; a leaf that is neither a string nor a nested object is a problem. */
function flatten(tree: MessageTree, problems: string[] = [], prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(dotted, value);
    else if (isTree(value)) for (const [k, v] of flatten(value, problems, dotted)) out.set(k, v);
    else problems.push(`${dotted}: value is ${Array.isArray(value) ? "an array" : typeof value}, not a message`);
  }
  return out;
}

/** The kind of an argument as next-intl sees it: how the value passed for it is used. */
type ArgumentType = "argument" | "number" | "date" | "time" | "plural" | "selectordinal" | "select" | "tag";

type Plural = { name: string; ordinal: boolean; options: Map<string, MessageFormatElement[]> };
type Select = { name: string; options: Set<string> };

/** Everything about one parsed message that must survive translation. */
type Signature = {
  /** `name:type` for every argument at any depth, sorted and without duplicates. */
  arguments: string[];
  plurals: Plural[];
  selects: Select[];
};

function typeOf(element: MessageFormatElement): ArgumentType | null {
  switch (element.type) {
    case TYPE.argument:
      return "argument";
    case TYPE.number:
      return "number";
    case TYPE.date:
      return "date";
    case TYPE.time:
      return "time";
    case TYPE.plural:
      return element.pluralType === "ordinal" ? "selectordinal" : "plural";
    case TYPE.select:
      return "select";
    case TYPE.tag:
      return "tag";
    default:
      // Literals, and `#`, which is the enclosing plural's own number rather than an argument.
      return null;
  }
}

/**
 * The arguments of a parsed message, collected from every depth: inside plural and select
 * branches and inside rich-text tags, so `{n, plural, other {# by {actor}}}` has `n:plural` and
 * `actor:argument`.
 */
function signatureOf(ast: MessageFormatElement[]): Signature {
  const args = new Set<string>();
  const plurals: Plural[] = [];
  const selects: Select[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      const type = typeOf(element);
      if (type && "value" in element) args.add(`${element.value}:${type}`);
      if (element.type === TYPE.plural) {
        plurals.push({
          name: element.value,
          ordinal: element.pluralType === "ordinal",
          options: new Map(Object.entries(element.options).map(([key, option]) => [key, option.value])),
        });
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type === TYPE.select) {
        selects.push({ name: element.value, options: new Set(Object.keys(element.options)) });
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type === TYPE.tag) {
        walk(element.children);
      }
    }
  };
  walk(ast);
  return { arguments: [...args].sort(), plurals, selects };
}

/** The literal text of a message, with arguments and `#` left out. */
function literalText(ast: MessageFormatElement[]): string {
  let text = "";
  for (const element of ast) {
    if (element.type === TYPE.literal) text += element.value;
    else if (element.type === TYPE.plural || element.type === TYPE.select)
      for (const option of Object.values(element.options)) text += ` ${literalText(option.value)}`;
    else if (element.type === TYPE.tag) text += literalText(element.children);
  }
  return text;
}

function usesPound(elements: MessageFormatElement[]): boolean {
  return elements.some(
    (element) =>
      element.type === TYPE.pound ||
      (element.type === TYPE.tag && usesPound(element.children)) ||
      // A nested plural's own `#` refers to itself, not to the outer one.
      (element.type === TYPE.select && Object.values(element.options).some((option) => usesPound(option.value))),
  );
}

/** The CLDR plural categories of a locale, as the Intl.PluralRules that formats messages has them. */
function pluralCategories(locale: string, ordinal: boolean): Set<string> {
  return new Set(new Intl.PluralRules(locale, { type: ordinal ? "ordinal" : "cardinal" }).resolvedOptions().pluralCategories);
}

function parseOrProblem(message: string, where: string, problems: string[]): MessageFormatElement[] | null {
  try {
    return parse(message);
  } catch (error) {
    problems.push(`${where}: not valid ICU (${(error as Error).message})`);
    return null;
  }
}

/** Problems with one translated message against its English source. */
function compareMessage(key: string, english: string, translated: string, locale: string): string[] {
  const problems: string[] = [];
  const source = parseOrProblem(english, `${key} (en)`, problems);
  const target = parseOrProblem(translated, `${key} (${locale})`, problems);
  if (!source || !target) return problems;
  const want = signatureOf(source);
  const got = signatureOf(target);

  const missing = want.arguments.filter((arg) => !got.arguments.includes(arg));
  const extra = got.arguments.filter((arg) => !want.arguments.includes(arg));
  if (missing.length || extra.length)
    problems.push(`${key}: placeholders differ from English (missing ${missing.join(", ") || "none"}; unexpected ${extra.join(", ") || "none"})`);

  for (const plural of got.plurals) {
    const categories = pluralCategories(locale, plural.ordinal);
    const keys = [...plural.options.keys()];
    const unknown = keys.filter((option) => !/^=\d+$/.test(option) && !categories.has(option));
    if (unknown.length) problems.push(`${key}: {${plural.name}} has categories ${unknown.join(", ")}, which ${locale} does not use`);
    const absent = [...categories].filter((category) => !plural.options.has(category));
    if (absent.length) problems.push(`${key}: {${plural.name}} lacks the ${locale} categories ${absent.join(", ")}`);
    const englishPlural = want.plurals.find((p) => p.name === plural.name);
    if (!englishPlural) continue;
    const exact = [...englishPlural.options.keys()].filter((option) => /^=\d+$/.test(option) && !plural.options.has(option));
    if (exact.length) problems.push(`${key}: {${plural.name}} lost the exact matches ${exact.join(", ")}`);
    const englishOther = englishPlural.options.get("other");
    const other = plural.options.get("other");
    if (englishOther && usesPound(englishOther) && other && !usesPound(other))
      problems.push(`${key}: {${plural.name}} does not show the number (#) in its "other" branch`);
  }
  for (const select of got.selects) {
    const englishSelect = want.selects.find((s) => s.name === select.name);
    if (!englishSelect) continue;
    const a = [...englishSelect.options].sort().join(", ");
    const b = [...select.options].sort().join(", ");
    if (a !== b) problems.push(`${key}: {${select.name}} select options are ${b}, English has ${a}`);
  }
  return problems;
}

/** Every problem of a locale's messages against English; empty when the locale is complete. */
function checkLocale(english: MessageTree, translated: MessageTree, locale: string): string[] {
  const problems: string[] = [];
  const en = flatten(english, problems);
  const tr = flatten(translated, problems);
  for (const key of en.keys()) if (!tr.has(key)) problems.push(`${key}: missing in ${locale}`);
  for (const key of tr.keys()) if (!en.has(key)) problems.push(`${key}: in ${locale} but not in English`);
  for (const [key, message] of tr) {
    const source = en.get(key);
    if (source !== undefined) problems.push(...compareMessage(key, source, message, locale));
  }
  return problems;
}

/** Keys whose translation is still the English text (long enough, with letters outside placeholders). */
function untranslated(english: MessageTree, translated: MessageTree): string[] {
  const en = flatten(english);
  const tr = flatten(translated);
  const same: string[] = [];
  for (const [key, message] of tr) {
    if (message !== en.get(key) || message.length <= 12 || SAME_AS_ENGLISH_ALLOWED.has(key)) continue;
    let text = message;
    try {
      text = literalText(parse(message));
    } catch {
      // Unparseable messages are reported by checkLocale; judge the raw text here.
    }
    if (/\p{L}/u.test(text)) same.push(key);
  }
  return same;
}

const english = readMessages("en");

describe("message extractor", () => {
  const sig = (message: string) => signatureOf(parse(message)).arguments;

  it("finds plain, number, date and time arguments", () => {
    expect(sig("{a} {b, number} {c, date, long} {d, time, short} {e, number, ::percent}")).toEqual(["a:argument", "b:number", "c:date", "d:time", "e:number"]);
  });

  it("finds arguments inside plural and select branches, and does not count # as one", () => {
    expect(sig("{n, plural, =0 {none} one {# by {actor}} other {# by {actor} on {day, date}}}")).toEqual(["actor:argument", "day:date", "n:plural"]);
    expect(sig("{role, select, admin {{count, plural, other {# admins}}} other {{name}}}")).toEqual(["count:plural", "name:argument", "role:select"]);
    expect(sig("{place, selectordinal, one {#st} other {#th}}")).toEqual(["place:selectordinal"]);
  });

  it("finds rich-text tags and the arguments inside them", () => {
    expect(sig("Revoke <b>{name}</b>? Sent in a <code>Bearer …</code> header.")).toEqual(["b:tag", "code:tag", "name:argument"]);
  });

  it("treats quoted braces as text, as the formatter does", () => {
    // An apostrophe before a brace quotes it: a French "l'{name}" would silently drop the argument.
    expect(sig("l'{name}'")).toEqual([]);
    expect(sig("l’{name}")).toEqual(["name:argument"]);
  });

  it("records each plural's options and the select's keys", () => {
    const { plurals, selects } = signatureOf(parse("{n, plural, =0 {x} one {#} other {#}} {s, select, a {A} other {B}}"));
    expect([...(plurals[0]?.options.keys() ?? [])]).toEqual(["=0", "one", "other"]);
    expect([...(selects[0]?.options ?? [])]).toEqual(["a", "other"]);
  });

  it("reads the literal text without the arguments", () => {
    expect(literalText(parse("{from} → {to}"))).toBe(" → ");
    expect(literalText(parse("{n, plural, one {# day} other {# days}}")).split(/\s+/).filter(Boolean)).toEqual(["day", "days"]);
    expect(literalText(parse("Revoke <b>{name}</b>?"))).toBe("Revoke ?");
  });
});

describe("the checker fails when it should", () => {
  const fr = readMessages("fr");
  const mutated = (change: (tree: MessageTree) => void) => {
    const copy = structuredClone(fr);
    change(copy);
    return checkLocale(english, copy, "fr");
  };
  const section = (tree: MessageTree, name: string) => tree[name] as MessageTree;

  it("passes the unchanged French file", () => {
    expect(checkLocale(english, fr, "fr")).toEqual([]);
  });

  it("reports a missing key", () => {
    expect(mutated((t) => delete section(t, "nav").overview)).toEqual(["nav.overview: missing in fr"]);
  });

  it("reports a key English lacks", () => {
    expect(mutated((t) => (section(t, "nav").extra = "En trop"))).toEqual(["nav.extra: in fr but not in English"]);
  });

  it("reports a whole missing section key by key", () => {
    const problems = mutated((t) => delete t.pagination);
    expect(problems).toEqual(["pagination.previous: missing in fr", "pagination.next: missing in fr", "pagination.pageOf: missing in fr"]);
  });

  it("reports a renamed placeholder", () => {
    const problems = mutated((t) => (section(t, "pagination").pageOf = "Page {page} sur {pages}"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^pagination\.pageOf: placeholders differ.*missing totalPages:argument.*unexpected pages:argument/);
  });

  it("reports a placeholder whose type changed", () => {
    const problems = mutated((t) => (section(t, "overview").workstreamsHeading = "{count} axes de travail"));
    expect(problems).toEqual(["overview.workstreamsHeading: placeholders differ from English (missing count:plural; unexpected count:argument)"]);
  });

  it("reports a placeholder lost inside a plural branch", () => {
    const problems = mutated(
      (t) => (section(t, "signIn").locked = "Réessayez dans {minutes, plural, one {# minute} many {# de minutes} other {quelques minutes}}."),
    );
    expect(problems).toEqual(['signIn.locked: {minutes} does not show the number (#) in its "other" branch']);
  });

  it("reports a dropped rich-text tag", () => {
    const problems = mutated((t) => (section(section(t, "account"), "tokens").createdTitle = "Votre nouveau jeton {name}"));
    expect(problems).toEqual(["account.tokens.createdTitle: placeholders differ from English (missing b:tag; unexpected none)"]);
  });

  it("reports plural categories wrong for the locale, and a lost exact match", () => {
    const ru = structuredClone(readMessages("ru"));
    section(ru, "workstream").milestones = "{count, plural, one {# веха} two {# вехи} other {# вехи}}";
    expect(checkLocale(english, ru, "ru")).toEqual([
      "workstream.milestones: {count} has categories two, which ru does not use",
      "workstream.milestones: {count} lacks the ru categories few, many",
      "workstream.milestones: {count} lost the exact matches =0",
    ]);
  });

  it("reports a message that is not valid ICU", () => {
    const problems = mutated((t) => (section(t, "pagination").pageOf = "Page {page sur {totalPages}"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^pagination\.pageOf \(fr\): not valid ICU/);
  });

  it("reports a value that is not a message", () => {
    expect(mutated((t) => (section(t, "nav").overview = ["Vue"]))).toEqual(["nav.overview: value is an array, not a message", "nav.overview: missing in fr"]);
  });

  it("reports a translation left in English", () => {
    const copy = structuredClone(fr);
    section(copy, "overview").emptyTitle = (english.overview as MessageTree).emptyTitle;
    section(copy, "timeline").zoom = (english.timeline as MessageTree).zoom; // "Zoom:": 12 characters or fewer, not reported
    expect(untranslated(english, copy)).toEqual(["overview.emptyTitle"]);
  });
});

describe.each(LOCALES)("messages/%s.json", (locale) => {
  const translated = readMessages(locale);

  it("has exactly English's keys, each with English's placeholders and the locale's plural forms", () => {
    expect(checkLocale(english, translated, locale)).toEqual([]);
    expect(flatten(translated).size).toBe(flatten(english).size);
  });

  it("translates every message of more than 12 characters that has words", () => {
    expect(untranslated(english, translated)).toEqual([]);
  });

  it("names the CEB by its official name in this language", () => {
    const app = translated.app as MessageTree;
    expect(app.description).toContain(OFFICIAL_CEB[locale].full);
    expect(app.title).toContain(OFFICIAL_CEB[locale].short);
    // "CEB" stays only inside document symbols such as CEB/2022/1/Add.1.
    const leftover = [...flatten(translated)].filter(([, message]) => /\bCEB\b(?!\/)/.test(message)).map(([key]) => key);
    expect(leftover).toEqual([]);
  });
});
