/**
 * A note shown next to a piece of evidence, in English and Chinese like the seed's titles (other
 * languages show the English, marked): e.g. that the report's footnote printing it looks wrong.
 */
export type EvidenceNote = { en: string; zh: string };

/** A piece of evidence: a UN document symbol (CEB/2021/1/Add.1) or a URL, with an optional note. */
export type Evidence = { kind: "symbol"; value: string; note?: EvidenceNote } | { kind: "url"; value: string; note?: EvidenceNote };

/**
 * A UN document symbol: an upper-case series letter, then one or more slash-separated parts
 * ("E/2022/13", "CEB/2021/1/Add.1", "A/RES/76/189"). The seed, evidence typed by people and
 * the document symbol of an uploaded report are checked against this one pattern.
 */
export const DOCUMENT_SYMBOL_PATTERN = /^[A-Z][A-Za-z0-9]*(\/[A-Za-z0-9.()-]+)+$/;
