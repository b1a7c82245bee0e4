import { describe, expect, it } from "vitest";
import { findDates } from "./dates";
import { findCounts, findEntities, findStateVerbs, findSymbols } from "./lexicon";
import { readReport } from "./reader";

const zh = (text: string) => findDates(text, "zh", 2021).map((d) => [d.value, d.precision]);
const en = (text: string) => findDates(text, "en", 2021).map((d) => [d.value, d.precision]);

describe("dates keep the precision of their words", () => {
  it("reads Chinese months, years and day ranges", () => {
    expect(zh("2021年10月，委员会")).toEqual([["2021-10", "month"]]);
    expect(zh("委员会 2021年 10 月虚拟会议")).toEqual([["2021-10", "month"]]);
    expect(zh("于 2022 年初启动")).toEqual([["2022", "year"]]);
    expect(zh("在 2021 年下半年")).toEqual([["2021", "year"]]);
    expect(zh("联检组于 9 月 15 日和 16 日召开")).toEqual([["2021-09-15", "day"]]);
    expect(zh("2020 年，会议于 15至16日举行")).toEqual([["2020", "year"]]);
    expect(zh("在 2021 年 期间")).toEqual([["2021", "year"]]);
  });

  it("does not date titles or ranges", () => {
    expect(zh("《2030 年可持续发展议程》")).toEqual([]);
    expect(zh("《2020-2030 年联合国系统可持续性管理战略》")).toEqual([]);
    expect(zh("实现 2030 年议程")).toEqual([]);
  });

  it("reads English months, seasons and the report's own year", () => {
    expect(en("in October 2021, the Committee")).toEqual([["2021-10", "month"]]);
    expect(en("early 2022")).toEqual([["2022", "year"]]);
    expect(en("by the end of the year")).toEqual([["2021", "year"]]);
    expect(en("on 15 and 16 September 2021")).toEqual([["2021-09-15", "day"]]);
    expect(en("In 2020 the network met in May")).toEqual([
      ["2020", "year"],
      ["2020-05", "month"],
    ]);
    expect(en("the 2030 Agenda and CEB/2021/2/Add.1")).toEqual([]);
  });
});

describe("the lexicon", () => {
  it("finds state verbs, strongest first", () => {
    expect(findStateVerbs("工作推迟到 2023 年", "zh")[0]!.status).toBe("delayed");
    expect(findStateVerbs("委员会计划制定一份文件", "zh")[0]!.status).toBe("planned");
    expect(findStateVerbs("工作队继续管理调查表", "zh")[0]!.status).toBe("in_progress");
    expect(findStateVerbs("教科文组织大会通过了该建议书草案", "zh")[0]!.status).toBe("completed");
    expect(findStateVerbs("The network will launch", "en")[0]!.status).toBe("planned");
    expect(findStateVerbs("The task force strove to", "en")[0]!.status).toBe("in_progress");
    expect(findStateVerbs("HLCP adopted the approach", "en")[0]!.status).toBe("completed");
  });

  it("finds bodies, symbols and counts", () => {
    expect(
      findEntities("管理问题高级别委员会和首协会", "zh")
        .map((e) => e.code)
        .sort(),
    ).toEqual(["CEB", "HLCM"]);
    expect(
      findEntities("the HR Network and UNESCO", "en")
        .map((e) => e.code)
        .sort(),
    ).toEqual(["HLCM-HR", "UNESCO"]);
    expect(findSymbols("(CEB/2021/2/Add.1) and A/RES/76/189.")).toEqual(["CEB/2021/2/Add.1", "A/RES/76/189"]);
    expect(findCounts("组织了五次同行学习对话，50 多个案例", "zh").map((c) => [c.value, c.atLeast])).toEqual([
      [5, false],
      [50, true],
    ]);
    expect(findCounts("five dialogues with more than 600 participants", "en").map((c) => [c.value, c.atLeast])).toEqual([
      [5, false],
      [600, true],
    ]);
  });
});

describe("the reader on an English report", () => {
  const text = [
    "E/2023/99",
    "  II. Policy coherence",
    "  Root causes of conflict",
    "12. In May 2021, the Board discussed the root causes of conflict and the link",
    "with the Sustainable Development Goals.1",
    "__________________",
    " 1 See CEB/2021/1.",
    "https://undocs.org/CEB/2021/1",
    "3/16 22-04591",
    "13. The Board identified three major transitions.",
  ].join("\n");
  // Paragraph numbering starts at 12 in this excerpt: the reader accepts only the next number.
  const read = readReport(text.replace("12. ", "1. ").replace("13. ", "2. "));

  it("joins wrapped English lines with a space and drops the page's furniture", () => {
    expect(read.paragraphs.map((p) => p.text)).toEqual([
      "In May 2021, the Board discussed the root causes of conflict and the link with the Sustainable Development Goals.1",
      "The Board identified three major transitions.",
    ]);
    expect(read.paragraphs[0]!.headings).toEqual(["II. Policy coherence", "Root causes of conflict"]);
    expect(read.footnotes.get(1)).toBe("See CEB/2021/1.");
    expect(read.paragraphs[0]!.footnoteRefs.map((r) => r.footnote)).toEqual([1]);
  });
});
