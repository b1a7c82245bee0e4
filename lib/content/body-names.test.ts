import { describe, expect, it } from "vitest";
import { bodyNameIn } from "./body-names";

const hlcp = { code: "HLCP", nameEn: "High-Level Committee on Programmes", nameZh: "方案问题高级别委员会" };
const network = { code: "HLCM-HR", nameEn: "Human Resources Network", nameZh: "人力资源网" };

describe("bodyNameIn", () => {
  it("gives the Chinese column in Chinese and English in English", () => {
    expect(bodyNameIn("zh", hlcp)).toBe("方案问题高级别委员会");
    expect(bodyNameIn("en", hlcp)).toBe("High-Level Committee on Programmes");
  });

  it("gives the official name in French, Spanish, Russian and Arabic", () => {
    expect(bodyNameIn("fr", hlcp)).toBe("Comité de haut niveau sur les programmes");
    expect(bodyNameIn("es", hlcp)).toBe("Comité de Alto Nivel sobre Programas");
    expect(bodyNameIn("ru", hlcp)).toBe("Комитет высокого уровня по программам");
    expect(bodyNameIn("ar", hlcp)).toBe("اللجنة الرفيعة المستوى المعنية بالبرامج");
  });

  it("falls back to English where no official name is known, and to English for an empty Chinese name", () => {
    expect(bodyNameIn("fr", network)).toBe("Human Resources Network");
    expect(bodyNameIn("zh", { ...network, nameZh: "" })).toBe("Human Resources Network");
  });
});
