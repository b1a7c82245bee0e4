import { readdirSync, readFileSync } from "node:fs";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { englishReason, invalidParam, invalidParamsOf } from "./english-reasons";
import { milestoneListQuerySchema, parseQueryLenient, parseQueryStrict, workstreamListQuerySchema } from "./filters";
import { milestoneCreateSchema, milestoneUpdateSchema } from "./milestones";
import { decodeReason, describeReason, isReasonCode, reason, REASON_ARGUMENTS, type ReasonCode } from "./reasons";
import { newTokenSchema, newUserSchema, signInSchema } from "./users";
import { workstreamCreateSchema, workstreamUpdateSchema } from "./workstreams";
import { fieldErrors } from "./zod-errors";

const catalogue: Record<string, string> = en.validation;
const TODAY = "2024-06-30";

/** Problems of one English template against the values its code declares: names, and numbers where counted. */
function argumentProblems(code: string, template: string, declared: Record<string, "number" | "text">): string[] {
  const found = new Map<string, "number" | "text">();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument) found.set(element.value, found.get(element.value) ?? "text");
      if (element.type === TYPE.number || element.type === TYPE.plural) found.set(element.value, "number");
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(template));
  const problems: string[] = [];
  for (const [name, kind] of found) {
    if (!(name in declared)) problems.push(`${code}: {${name}} is not declared`);
    else if (kind === "number" && declared[name] !== "number") problems.push(`${code}: {${name}} is counted but declared as text`);
  }
  for (const name of Object.keys(declared)) if (!found.has(name)) problems.push(`${code}: declares ${name}, which the message does not use`);
  return problems;
}

/** Reason codes named in source text: `reason("code"…)` and `invalidParam(name, "code"…)`. */
function codesIn(source: string): string[] {
  return [...source.matchAll(/\breason\(\s*"([^"]+)"|\binvalidParam\(\s*[^,()]+,\s*"([^"]+)"/g)].map((match) => match[1] ?? match[2]!);
}

/** Each code used by the given files, with the files that use it. */
function codesUsedIn(files: string[]): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const file of files) {
    for (const code of codesIn(readFileSync(new URL(file, new URL("../../", import.meta.url)), "utf8"))) {
      used.set(code, [...(used.get(code) ?? []), file]);
    }
  }
  return used;
}

const sourceFiles = [
  ...readdirSync(new URL("./", import.meta.url))
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts") && name !== "reasons.ts" && name !== "english-reasons.ts")
    .map((name) => `lib/validation/${name}`),
  "lib/domain/partial-date.ts",
  ...readdirSync(new URL("../commands/", import.meta.url))
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .map((name) => `lib/commands/${name}`),
];

describe("the catalogue of reasons", () => {
  it("declares the values of exactly the codes in messages/en.json", () => {
    expect(Object.keys(REASON_ARGUMENTS).sort()).toEqual(Object.keys(catalogue).sort());
  });

  it("declares, for each code, the placeholders its English message uses", () => {
    const problems = Object.entries(catalogue).flatMap(([code, template]) => argumentProblems(code, template, REASON_ARGUMENTS[code as ReasonCode]));
    expect(problems).toEqual([]);
  });

  it("the placeholder check fails when it should", () => {
    expect(argumentProblems("tooLong", "must be at most {limit, number} characters", { max: "number" })).toEqual([
      "tooLong: {limit} is not declared",
      "tooLong: declares max, which the message does not use",
    ]);
    expect(argumentProblems("oneOf", "{n, plural, other {# options}}", { n: "text" })).toEqual(["oneOf: {n} is counted but declared as text"]);
  });

  it("every code a validator or command names is in messages/en.json, and every code there is used", () => {
    const used = codesUsedIn(sourceFiles);
    // The scan itself must find the validators' reasons, or this test would prove nothing.
    expect(used.size).toBeGreaterThan(40);
    const unknown = [...used].filter(([code]) => !(code in catalogue)).map(([code, files]) => `${code} (${files.join(", ")})`);
    expect(unknown).toEqual([]);
    const unused = Object.keys(catalogue).filter((code) => !used.has(code));
    expect(unused).toEqual([]);
  });

  it("the scan sees codes however the call is laid out", () => {
    const source = 'z.string().max(9, reason(\n  "tooLong", { max: 9 })); invalidParam(name, "notARealCode"); englishReason("required")';
    expect(codesIn(source)).toEqual(["tooLong", "notARealCode"]);
  });

  it("round-trips a code and its values through a zod message, and leaves other messages alone", () => {
    expect(decodeReason(reason("tooLong", { max: 300 }))).toEqual({ code: "tooLong", values: { max: 300 } });
    expect(decodeReason(reason("required"))).toEqual({ code: "required" });
    expect(decodeReason("must be one of json, pdf")).toBeNull();
    expect(decodeReason(reason("required").replace("required", "notARealCode"))).toBeNull();
    expect(isReasonCode("tooLong")).toBe(true);
    expect(isReasonCode("toString")).toBe(false);
  });
});

type Case = [label: string, issues: () => { name: string; reason: string; code?: string }[], name: string, reason: string, code: ReasonCode];

const issuesOf = (schema: z.ZodType, input: unknown) => () => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the input to be refused");
  return invalidParamsOf(result.error);
};
const query =
  (text: string, schema: z.ZodObject = milestoneListQuerySchema) =>
  () => {
    const parsed = parseQueryStrict(schema, new URLSearchParams(text));
    if (parsed.ok) throw new Error("expected the query to be refused");
    return parsed.invalidParams;
  };
const create = (change: Record<string, unknown>) => issuesOf(milestoneCreateSchema(TODAY), { titleEn: "T", date: "2023", ...change });
const update = (change: Record<string, unknown>) => issuesOf(milestoneUpdateSchema(TODAY), { version: 1, ...change });
const workstream = (change: Record<string, unknown>) => issuesOf(workstreamCreateSchema, { slug: "new-stream", nameEn: "New", bodyCode: "HLCM", ...change });
const long = (length: number) => "x".repeat(length);
const STATUSES = "planned, in_progress, ongoing, completed, delayed, at_risk, cancelled";

/** The English reasons exactly as the API answered them before reasons had codes. */
const TODAYS_REASONS: Case[] = [
  ["title missing", create({ titleEn: " " }), "titleEn", "is required", "required"],
  ["title too long", create({ titleEn: long(301) }), "titleEn", "must be at most 300 characters", "tooLong"],
  ["Chinese title too long", create({ titleZh: long(301) }), "titleZh", "must be at most 300 characters", "tooLong"],
  ["date not a partial date", create({ date: "2021-13" }), "date", "must be a year (2021), a month (2021-10) or a day (2021-10-15)", "partialDate"],
  ["note too long", create({ note: long(2001) }), "note", "must be at most 2,000 characters", "tooLong"],
  ["unknown status", create({ status: "done" }), "status", `must be one of ${STATUSES}`, "oneOf"],
  ["empty evidence", create({ evidence: [" "] }), "evidence.0", "is empty", "empty"],
  ["evidence too long", create({ evidence: [long(501)] }), "evidence.0", "is longer than 500 characters", "longerThan"],
  ["broken web address", create({ evidence: ["https://exa mple.org"] }), "evidence.0", "is not a valid web address", "invalidUrl"],
  [
    "evidence neither address nor symbol",
    create({ evidence: ["see the minutes"] }),
    "evidence.0",
    "must be a web address (https://…) or a UN document symbol such as CEB/2021/1/Add.1",
    "evidence",
  ],
  [
    "too much evidence",
    create({ evidence: Array.from({ length: 21 }, (_, i) => `CEB/2021/${i + 1}`) }),
    "evidence",
    "can hold at most 20 items",
    "tooManyItems",
  ],
  ["delay without a note", update({ status: "delayed" }), "note", "is required when the status is delayed, at risk or cancelled", "noteRequired"],
  ["completed without a date", update({ status: "completed" }), "completedOn", "is required when the status is completed", "completedOnRequired"],
  [
    "completion date while planned",
    update({ status: "planned", completedOn: "2021" }),
    "completedOn",
    "can only be set when the status is completed",
    "completedOnOnlyWhenCompleted",
  ],
  ["completion in the future", update({ status: "completed", completedOn: "2099" }), "completedOn", "cannot be in the future", "inFuture"],
  [
    "no version",
    issuesOf(milestoneUpdateSchema(TODAY), { status: "planned" }),
    "version",
    "is required: the version your change is based on",
    "versionRequired",
  ],
  [
    "translation language",
    update({ translations: { de: "Titel" } }),
    "translations.de",
    "is not a language that takes translations: use ar, fr, ru, es",
    "translationLanguage",
  ],
  [
    "translations not an object",
    update({ translations: "Titre" }),
    "translations",
    "must be an object keyed by language (ar, fr, ru, es)",
    "translationsObject",
  ],
  ["translated title not text", update({ translations: { fr: 5 } }), "translations.fr", "must be text", "text"],
  ["translated title too long", update({ translations: { fr: long(301) } }), "translations.fr", "must be at most 300 characters", "tooLong"],
  ["slug missing", workstream({ slug: "" }), "slug", "is required", "required"],
  ["slug too long", workstream({ slug: long(101) }), "slug", "must be at most 100 characters", "tooLong"],
  [
    "slug not kebab-case",
    workstream({ slug: "Bad_Slug" }),
    "slug",
    "must be kebab-case: lower-case letters and digits joined by hyphens, such as ai-working-group",
    "kebabCase",
  ],
  ["name missing", workstream({ nameEn: undefined }), "nameEn", "is required", "required"],
  ["body missing", workstream({ bodyCode: undefined }), "bodyCode", "is required", "required"],
  ["body code too long", workstream({ bodyCode: long(33) }), "bodyCode", "must be at most 32 characters", "tooLong"],
  ["summary too long", workstream({ summaryEn: long(5001) }), "summaryEn", "must be at most 5,000 characters", "tooLong"],
  ["lead not text", workstream({ leads: [5] }), "leads.0", "must be names of entities", "entityNames"],
  ["lead empty", workstream({ leads: [" "] }), "leads.0", "is empty", "empty"],
  ["lead too long", workstream({ leads: [long(61)] }), "leads.0", "must be at most 60 characters each", "tooLongEach"],
  ["leads not a list", workstream({ leads: 5 }), "leads", "must be a comma-separated list of lead entities, such as UNDP, ITU", "leadsList"],
  ["too many leads", workstream({ leads: Array.from({ length: 31 }, (_, i) => `L${i}`) }), "leads", "can hold at most 30 leads", "tooManyLeads"],
  ["paragraph not a number", workstream({ paragraphs: "12, twelve" }), "paragraphs.1", "must be whole paragraph numbers, such as 12, 13", "paragraphNumbers"],
  ["paragraph zero", workstream({ paragraphs: [0] }), "paragraphs.0", "must be 1 or more", "atLeast"],
  ["paragraph too high", workstream({ paragraphs: [10_001] }), "paragraphs.0", "must be 10,000 or less", "atMost"],
  ["paragraphs not a list", workstream({ paragraphs: 5 }), "paragraphs", "must be a list of paragraph numbers, such as 12, 13", "paragraphList"],
  [
    "too many paragraphs",
    workstream({ paragraphs: Array.from({ length: 201 }, (_, i) => i + 1) }),
    "paragraphs",
    "can hold at most 200 paragraphs",
    "tooManyParagraphs",
  ],
  ["translated name too long", workstream({ translations: { fr: { name: long(301) } } }), "translations.fr.name", "must be at most 300 characters", "tooLong"],
  [
    "translation not an object",
    workstream({ translations: { fr: "Nom" } }),
    "translations.fr",
    "must be an object with a name and/or a summary",
    "translationObject",
  ],
  ["empty change", issuesOf(workstreamUpdateSchema, { version: 1 }), "body", "changes nothing", "changesNothing"],
  ["email", issuesOf(signInSchema, { email: "nobody", password: "x" }), "email", "must be an email address such as name@un.org", "email"],
  ["sign-in password missing", issuesOf(signInSchema, { email: "a@un.org", password: "" }), "password", "is required", "required"],
  [
    "password too short",
    issuesOf(newUserSchema, { email: "a@un.org", role: "viewer", password: "short" }),
    "password",
    "must be at least 12 characters long",
    "passwordTooShort",
  ],
  [
    "password too long",
    issuesOf(newUserSchema, { email: "a@un.org", role: "viewer", password: long(129) }),
    "password",
    "must be at most 128 characters long",
    "passwordTooLong",
  ],
  ["unknown role", issuesOf(newUserSchema, { email: "a@un.org", role: "boss", password: long(12) }), "role", "must be one of viewer, editor, admin", "oneOf"],
  ["token name missing", issuesOf(newTokenSchema, { name: " ", scope: "read" }), "name", "is required", "required"],
  ["token name too long", issuesOf(newTokenSchema, { name: long(81), scope: "read" }), "name", "must be at most 80 characters", "tooLong"],
  ["token scope", issuesOf(newTokenSchema, { name: "CI", scope: "admin" }), "scope", "must be read or write", "tokenScope"],
  ["year not a number", query("year=20x1"), "year", "must be a year such as 2021", "year"],
  ["year not whole", query("year=2021.5"), "year", "must be a whole year such as 2021", "wholeYear"],
  ["year too early", query("year=1800"), "year", "must be 1945 or later", "yearFrom"],
  ["year too late", query("year=2200"), "year", "must be 2100 or earlier", "yearUntil"],
  ["status filter", query("status=done"), "status", `must be one of ${STATUSES}`, "oneOf"],
  ["body filter", query("body=HL%20CM"), "body", "must be a body code such as HLCP or HLCM-HR", "bodyCode"],
  ["workstream filter", query("workstream=Bad_Slug"), "workstream", "must be a workstream slug such as ai-working-group", "slug"],
  ["page not a number", query("page=two"), "page", "must be a page number", "pageNumber"],
  ["page not whole", query("page=1.5"), "page", "must be a whole number", "wholeNumber"],
  ["page zero", query("page=0"), "page", "must be 1 or more", "atLeast"],
  ["page too large", query("page=100001"), "page", "is too large", "tooLarge"],
  ["page size not a number", query("pageSize=many"), "pageSize", "must be a number", "number"],
  ["page size of milestones", query("pageSize=1000"), "pageSize", "must be 200 or less", "atMost"],
  ["page size of workstreams", query("pageSize=101", workstreamListQuerySchema), "pageSize", "must be 100 or less", "atMost"],
  ["unknown parameter", query("yaer=2021"), "yaer", "is not a known parameter (known: year, body, status, q, workstream, page, pageSize)", "unknownParameter"],
];

describe("English reasons are today's, word for word", () => {
  it.each(TODAYS_REASONS)("%s", (_label, issues, name, expected, code) => {
    const found = issues().filter((issue) => issue.name === name);
    expect(found.map((issue) => issue.reason)).toContain(expected);
    expect(found.find((issue) => issue.reason === expected)?.code).toBe(code);
  });

  it("formats counts as English does: 2,000 and 10,000, but years as written", () => {
    expect(englishReason("tooLong", { max: 2000 })).toBe("must be at most 2,000 characters");
    expect(englishReason("atMost", { max: 10_000 })).toBe("must be 10,000 or less");
    expect(englishReason("yearFrom", { min: 1945 })).toBe("must be 1945 or later");
    expect(englishReason("tooManyItems", { max: 1 })).toBe("can hold at most 1 item");
  });

  it("commands' own refusals carry a code too", () => {
    expect(invalidParam("email", "emailInUse")).toEqual({ name: "email", reason: "is already in use", code: "emailInUse" });
    expect(invalidParam("workstreamIds", "unknownIds", { ids: "7, 9" })).toEqual({
      name: "workstreamIds",
      reason: "unknown ids 7, 9",
      code: "unknownIds",
      values: { ids: "7, 9" },
    });
  });

  it("zod's own messages where the forms reach them now have a code", () => {
    const email = issuesOf(newUserSchema, { email: `${long(250)}@un.org`, role: "viewer", password: long(12) })();
    expect(email).toContainEqual({ name: "email", reason: "must be at most 254 characters", code: "tooLong", values: { max: 254 } });
    const name = issuesOf(newUserSchema, { email: "a@un.org", name: long(121), role: "viewer", password: long(12) })();
    expect(name).toContainEqual({ name: "name", reason: "must be at most 120 characters", code: "tooLong", values: { max: 120 } });
  });

  it("a form's own check in the browser carries the code and values, and leaves the English to the server", () => {
    const result = milestoneCreateSchema(TODAY).safeParse({ titleEn: long(301), date: "2023" });
    if (result.success) throw new Error("expected the input to be refused");
    expect(fieldErrors(result.error)).toEqual([{ name: "titleEn", code: "tooLong", values: { max: 300 } }]);
  });

  it("pages' lenient parse reports the code as well", () => {
    const { invalidParams } = parseQueryLenient(workstreamListQuerySchema, { year: "1800" });
    expect(invalidParams).toEqual([{ name: "year", reason: "must be 1945 or later", code: "yearFrom", values: { min: 1945 } }]);
  });
});

describe("reasons in the page's language", () => {
  const french = createTranslator({ locale: "fr", messages: fr, namespace: "validation" });
  const arabic = createTranslator({ locale: "ar", messages: ar, namespace: "validation" });
  const tooLongTitle = () => issuesOf(milestoneCreateSchema(TODAY), { titleEn: long(301), date: "2023" })().find((issue) => issue.name === "titleEn")!;

  it("says in French that a title is too long, with its limit", () => {
    const text = describeReason(french, tooLongTitle());
    expect(text).toContain("300");
    expect(text).not.toBe("must be at most 300 characters");
    expect(text).toBe("doit comporter au plus 300 caractères");
  });

  it("says it in Arabic, with the number in Arabic's own digits", () => {
    const text = describeReason(arabic, tooLongTitle());
    expect(text).not.toBe("must be at most 300 characters");
    expect(text).toContain(new Intl.NumberFormat("ar").format(300));
    expect(text).toMatch(/\p{Script=Arabic}/u);
  });

  it("formats a count for French: 2 000, not 2,000", () => {
    const note = issuesOf(milestoneCreateSchema(TODAY), { titleEn: "T", date: "2023", note: long(2001) })().find((issue) => issue.name === "note")!;
    expect(describeReason(french, note)).toBe(`doit comporter au plus ${new Intl.NumberFormat("fr").format(2000)} caractères`);
  });

  it("keeps the English reason when there is no code, or one this interface does not know", () => {
    expect(describeReason(french, { reason: "must be one of json, pdf" })).toBe("must be one of json, pdf");
    expect(describeReason(french, { reason: "is new", code: "fromANewerServer" as ReasonCode })).toBe("is new");
  });

  it("every reason has a French and an Arabic text different from the English", () => {
    const sample: Record<string, string | number> = { max: 300, min: 12, options: "a, b", known: "year", languages: "fr", ids: "7" };
    for (const code of Object.keys(REASON_ARGUMENTS) as ReasonCode[]) {
      const values = Object.fromEntries(Object.keys(REASON_ARGUMENTS[code]).map((name) => [name, sample[name]!]));
      const english = englishReason(code, values);
      expect(describeReason(french, { reason: english, code, values }), code).not.toBe(english);
      expect(describeReason(arabic, { reason: english, code, values }), code).not.toBe(english);
    }
  });
});
