/** A piece of evidence: a UN document symbol (CEB/2021/1/Add.1) or a URL. */
export type Evidence = { kind: "symbol"; value: string } | { kind: "url"; value: string };
