import type en from "@/messages/en.json";
import type { InvalidParam } from "@/lib/errors";

/**
 * Why a field is refused, as a code: the keys of `validation` in messages/*.json, whose English
 * text is the `reason` the API has always answered ("must be at most 300 characters") and whose
 * other languages are what the forms show.
 */
export type ReasonCode = keyof (typeof en)["validation"];

/**
 * The values each reason's message takes: a number (counted and formatted for the language) or
 * text (a list of allowed values, say). Keyed by every code of messages/en.json, no more, no less;
 * a test checks the names against the messages' placeholders.
 */
export const REASON_ARGUMENTS = {
  required: {},
  empty: {},
  text: {},
  controlCharacters: {},
  tooLong: { max: "number" },
  tooLongEach: { max: "number" },
  longerThan: { max: "number" },
  passwordTooShort: { min: "number" },
  passwordTooLong: { max: "number" },
  atLeast: { min: "number" },
  atMost: { max: "number" },
  tooLarge: {},
  number: {},
  wholeNumber: {},
  pageNumber: {},
  year: {},
  wholeYear: {},
  yearFrom: { min: "number" },
  yearUntil: { max: "number" },
  oneOf: { options: "text" },
  unknownParameter: { known: "text" },
  bodyCode: {},
  slug: {},
  kebabCase: {},
  partialDate: {},
  dateRange: { min: "number", max: "number" },
  notBeforeFrom: {},
  invalidUrl: {},
  evidence: {},
  tooManyItems: { max: "number" },
  tooManyLeads: { max: "number" },
  tooManyParagraphs: { max: "number" },
  noteRequired: {},
  completedOnRequired: {},
  completedOnOnlyWhenCompleted: {},
  inFuture: {},
  versionRequired: {},
  versionOutOfDate: { version: "number" },
  translationsObject: { languages: "text" },
  translationLanguage: { languages: "text" },
  translationObject: {},
  email: {},
  emailInUse: {},
  selfLockout: {},
  unknownIds: { ids: "text" },
  tokenScope: {},
  entityNames: {},
  leadsList: {},
  paragraphNumbers: {},
  paragraphList: {},
  changesNothing: {},
  slugTaken: {},
  expectedDateOnlyWhenSlipping: {},
  notWithDate: {},
  documentSymbol: {},
  unreadableFile: {},
  proposalDecided: {},
  editsNeedOne: {},
} as const satisfies Record<ReasonCode, Record<string, "number" | "text">>;

type ArgumentKinds<C extends ReasonCode> = (typeof REASON_ARGUMENTS)[C];

/** The values a reason's message needs, e.g. `{ max: 300 }` for `tooLong`. */
export type ReasonValuesOf<C extends ReasonCode> = {
  -readonly [K in keyof ArgumentKinds<C>]: ArgumentKinds<C>[K] extends "number" ? number : string;
};

/** Values as they travel in an InvalidParam (and in JSON). */
export type ReasonValues = Record<string, string | number>;

/** `[]` for a reason without placeholders, `[values]` for one with them. */
export type ReasonArgs<C extends ReasonCode> = keyof ArgumentKinds<C> extends never ? [] : [values: ReasonValuesOf<C>];

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === "string" && Object.hasOwn(REASON_ARGUMENTS, value);
}

/**
 * A zod message that carries a reason code and its values instead of English text; `fieldErrors`
 * decodes it for a form, `invalidParamsOf` and `toInvalidParams` into an InvalidParam with the
 * English `reason`, the `code` and the `values`. The prefix starts with a control character, so
 * no written message can look like one. Not zod's issue `params`: zod 4 keeps them on custom
 * issues only (refine, addIssue), while type, size and pattern checks take a message alone; one
 * encoding serves every check, where params would serve a fifth of them.
 */
const PREFIX = "\u0001reason:";

export function reason<C extends ReasonCode>(code: C, ...values: ReasonArgs<C>): string {
  return PREFIX + JSON.stringify(values[0] ? [code, values[0]] : [code]);
}

export type DecodedReason = { code: ReasonCode; values?: ReasonValues };

/** The code and values of a message made by `reason`, or null for any other message. */
export function decodeReason(message: string): DecodedReason | null {
  if (!message.startsWith(PREFIX)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.slice(PREFIX.length));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || !isReasonCode(parsed[0])) return null;
  const values = parsed[1] as ReasonValues | undefined;
  return values ? { code: parsed[0], values } : { code: parsed[0] };
}

/** The part of a next-intl translator (`useTranslations("validation")`, `getTranslations`) used here. */
export type ReasonTranslator = {
  (key: ReasonCode, values?: ReasonValues): string;
  has(key: string): boolean;
};

/** A refused field's reason: a code and its values, the text it came with, or both (as the API answers). */
export type ReasonParts = Pick<InvalidParam, "code" | "values"> & { reason?: string };

/**
 * A refused field's reason in the translator's language: its code's message when the code is
 * known, else the English `reason` (a code from a newer server, or a reason that has none).
 */
export function describeReason(t: ReasonTranslator, param: ReasonParts): string {
  return param.code && isReasonCode(param.code) && t.has(param.code) ? t(param.code, param.values) : (param.reason ?? param.code ?? "");
}
