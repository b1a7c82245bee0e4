/**
 * A note shown next to a piece of evidence, in English and Chinese like the seed's titles (other
 * languages show the English, marked): e.g. that the report's footnote printing it looks wrong.
 */
export type EvidenceNote = { en: string; zh: string };

/** A piece of evidence: a UN document symbol (CEB/2021/1/Add.1) or a URL, with an optional note. */
export type Evidence = { kind: "symbol"; value: string; note?: EvidenceNote } | { kind: "url"; value: string; note?: EvidenceNote };
