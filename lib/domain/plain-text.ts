/**
 * Text the tracker stores is plain text: no control characters (C0, DEL, C1), no lone halves of
 * a surrogate pair and no Unicode non-characters (U+FDD0–U+FDEF and the last two code points of
 * every plane, U+FFFE and U+FFFF among them). Such characters have no meaning in a title or a
 * note, and break the formats the tracker exports to: XML (XLSX, DOCX, the timeline's SVG) cannot
 * hold most of them, and CSV or terminals may act on them. Tabs and line breaks are allowed only
 * where text may span lines (notes).
 */

/** Every forbidden character, a line break or tab included. */
const FORBIDDEN = /[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;
const FORBIDDEN_ALL = /[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu;
/** The same, but tab, line feed and carriage return pass. */
const FORBIDDEN_MULTILINE = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;
const FORBIDDEN_MULTILINE_ALL = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu;

export type PlainTextOptions = { multiline?: boolean };

/** True when `value` holds no character that stored text may not have. */
export function isPlainText(value: string, options: PlainTextOptions = {}): boolean {
  return !(options.multiline ? FORBIDDEN_MULTILINE : FORBIDDEN).test(value);
}

/**
 * The second guard, for text on its way out (exports): every forbidden character becomes
 * U+FFFD, the replacement character, so nothing that slipped past validation (or was written
 * around it) can break a file. Tabs and line breaks stay: every export format can hold them.
 */
export function toPlainText(value: string): string {
  return value.replace(FORBIDDEN_MULTILINE_ALL, "\uFFFD");
}

/** Single-line form of toPlainText: line breaks and tabs are replaced too. */
export function toSingleLineText(value: string): string {
  return value.replace(FORBIDDEN_ALL, "\uFFFD");
}

/**
 * toPlainText applied to every string inside plain data (objects, arrays, maps), for a whole
 * report or drawing before it is rendered. Other objects (dates, buffers) are kept as they are.
 */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === "string") return toPlainText(value) as T;
  if (Array.isArray(value)) return value.map((item) => sanitizeDeep(item)) as T;
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [sanitizeDeep(key), sanitizeDeep(item)])) as T;
  if (value !== null && typeof value === "object") {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, sanitizeDeep(item)])) as T;
  }
  return value;
}
