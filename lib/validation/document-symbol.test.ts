import { describe, expect, it } from "vitest";
import { evidenceSchema as seedEvidenceSchema } from "@/db/seed/seed-schema";
import { DOCUMENT_SYMBOL_PATTERN } from "@/lib/domain/evidence";
import { documentSymbolSchema } from "./ingest";
import { evidenceItemSchema } from "./milestones";

const SYMBOLS = ["E/2022/13", "CEB/2021/1/Add.1", "CEB/2021/HLCM/10/Add.1", "A/RES/76/189", "JIU/REP/2020/5", "A/C.5/76/L.1", "A/76/6(Sect.29)"];
const NOT_SYMBOLS = ["CEB", "e/2022/13", "E//13", "E/2022/", "CEB.1/2021", "E/2022 13", "A/RES/76/189;", "/2022/13"];

/** What each of the three readers makes of a text: a symbol (true) or not (false). */
function readings(text: string) {
  const seed = seedEvidenceSchema.safeParse({ kind: "symbol", value: text }).success;
  const typed = evidenceItemSchema.safeParse(text);
  const upload = documentSymbolSchema.safeParse(text).success;
  return { pattern: DOCUMENT_SYMBOL_PATTERN.test(text), seed, typed: typed.success && typed.data.kind === "symbol", upload };
}

describe("a UN document symbol", () => {
  it.each(SYMBOLS)("%s is a symbol to the seed, to evidence typed in the editor and to the upload form", (text) => {
    expect(readings(text)).toEqual({ pattern: true, seed: true, typed: true, upload: true });
  });

  it.each(NOT_SYMBOLS)("%s is refused by all three alike", (text) => {
    expect(readings(text)).toEqual({ pattern: false, seed: false, typed: false, upload: false });
  });
});
