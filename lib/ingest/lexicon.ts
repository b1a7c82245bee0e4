import type { MilestoneStatus } from "@/lib/domain/status";
import type { Lang } from "./dates";

/**
 * The dictionaries the ingestion rules read with: the verbs that say what state a thing is in,
 * the bodies and entities a report names, document symbols and counts. Rules, not a model: every
 * proposal can be traced to the words that produced it.
 */

/** Verbs by the state they report, strongest first (a delay outranks a plan, a plan outranks "continued"). */
const STATE_VERBS: Record<Lang, { status: MilestoneStatus; pattern: RegExp }[]> = {
  zh: [
    { status: "delayed", pattern: /推迟|延期|延迟|延误|搁置|尚未完成|未能完成|未能按时/u },
    {
      status: "planned",
      pattern: /计划|拟于|拟在|预计|打算|定于|将(?:在|于|继续|是|通过|由|成为|进一步|开展|举行|提交|发布|制定|启动|扩大|加强|把|会|有|为)/u,
    },
    { status: "in_progress", pattern: /继续|正在|持续|不断|努力|力求|致力于|仍然是|积极促进|推动了/u },
    {
      status: "completed",
      pattern:
        /通过了|启动了?|完成了?|发布了?|制定了?|举行了?|认可|核可|核准|批准|设立了?|成立|推出|编制了|组织了|进行了|提供了|建立了|审议了|讨论了|确定了|收到|注意到|开展了|召开|任命|更新了|改为|创建了|发起|接受任务|决定|探讨了|研究了|协助|要求|作出了|提出了|整理了|加强了|介绍了|建议/u,
    },
  ],
  en: [
    {
      status: "delayed",
      pattern: /\b(?:postponed|delayed|deferred|pushed back|slipped|not yet (?:been )?(?:completed|finali[sz]ed|launched)|could not be completed)\b/iu,
    },
    { status: "planned", pattern: /\b(?:will|plans? to|planned to|intends? to|is expected to|are expected to|scheduled (?:for|to)|is to be|are to be)\b/iu },
    { status: "in_progress", pattern: /\b(?:continued|continues|continuing|ongoing|is working|are working|strove to|sought to|worked to|remained)\b/iu },
    {
      status: "completed",
      pattern:
        /\b(?:adopted|launched|completed|endorsed|approved|established|held|published|issued|released|finali[sz]ed|convened|developed|created|set up|organized|conducted|discussed|considered|decided|identified|received|took note|requested|appointed|updated|produced|agreed)\b/iu,
    },
  ],
};

export type StateVerb = { status: MilestoneStatus; index: number; text: string };

/** The state verbs of a sentence, in the order of STATE_VERBS (strongest state first). */
export function findStateVerbs(text: string, lang: Lang): StateVerb[] {
  return STATE_VERBS[lang].flatMap(({ status, pattern }) => {
    const match = pattern.exec(text);
    return match ? [{ status, index: match.index, text: match[0] }] : [];
  });
}

/**
 * Bodies and entities the reports name, by code, with the names that identify them in each
 * language. `parent` places a body under another when a workstream is created for it.
 */
export const ENTITIES: {
  code: string;
  nameEn: string;
  nameZh: string;
  parent: string | null;
  /** Whether the tracker keeps it as a body a workstream can belong to. */
  body: boolean;
  names: Record<Lang, RegExp>;
}[] = [
  {
    code: "CEB",
    nameEn: "United Nations System Chief Executives Board for Coordination",
    nameZh: "联合国系统行政首长协调理事会",
    parent: null,
    body: true,
    names: { zh: /首协会|行政首长协调理事会/gu, en: /\bCEB\b|Chief Executives Board/gu },
  },
  {
    code: "HLCP",
    nameEn: "High-Level Committee on Programmes",
    nameZh: "方案问题高级别委员会",
    parent: "CEB",
    body: true,
    names: { zh: /方案问题高级别委员会/gu, en: /\bHLCP\b|High-[Ll]evel Committee on Programmes/gu },
  },
  {
    code: "HLCM",
    nameEn: "High-Level Committee on Management",
    nameZh: "管理问题高级别委员会",
    parent: "CEB",
    body: true,
    names: { zh: /管理问题高级别委员会/gu, en: /\bHLCM\b|High-[Ll]evel Committee on Management/gu },
  },
  {
    code: "UNSDG",
    nameEn: "United Nations Sustainable Development Group",
    nameZh: "联合国可持续发展集团",
    parent: "CEB",
    body: true,
    names: { zh: /可持续发展集团/gu, en: /\bUNSDG\b|Sustainable Development Group/gu },
  },
  {
    code: "HLCM-HR",
    nameEn: "Human Resources Network",
    nameZh: "人力资源网",
    parent: "HLCM",
    body: true,
    names: { zh: /人力资源网/gu, en: /Human Resources Network|HR Network/gu },
  },
  {
    code: "HLCM-FBN",
    nameEn: "Finance and Budget Network",
    nameZh: "财务和预算网",
    parent: "HLCM",
    body: true,
    names: { zh: /财务和预算网/gu, en: /Finance and Budget Network/gu },
  },
  {
    code: "HLCM-DTN",
    nameEn: "Digital and Technology Network",
    nameZh: "数字和通信技术网",
    parent: "HLCM",
    body: true,
    names: { zh: /数字和通信技术网/gu, en: /Digital and Technology Network/gu },
  },
  { code: "HLCM-PN", nameEn: "Procurement Network", nameZh: "采购网络", parent: "HLCM", body: true, names: { zh: /采购网络/gu, en: /Procurement Network/gu } },
  {
    code: "CCS-UNS",
    nameEn: "Committee of the Chief Statisticians of the United Nations System",
    nameZh: "联合国系统首席统计师委员会",
    parent: "HLCP",
    body: true,
    names: { zh: /首席统计师委员会/gu, en: /Chief Statisticians/gu },
  },
  {
    code: "EMG",
    nameEn: "Environment Management Group",
    nameZh: "环境管理小组",
    parent: null,
    body: true,
    names: { zh: /环境管理小组/gu, en: /Environment Management Group|\bEMG\b/gu },
  },
  { code: "UNESCO", nameEn: "UNESCO", nameZh: "教科文组织", parent: null, body: false, names: { zh: /教科文组织/gu, en: /\bUNESCO\b/gu } },
  {
    code: "ITU",
    nameEn: "ITU",
    nameZh: "国际电信联盟",
    parent: null,
    body: false,
    names: { zh: /国际电信联盟|国际电联/gu, en: /\bITU\b|International Telecommunication Union/gu },
  },
  { code: "UNHCR", nameEn: "UNHCR", nameZh: "难民署", parent: null, body: false, names: { zh: /难民署|难民事务高级专员/gu, en: /\bUNHCR\b/gu } },
  { code: "UNEP", nameEn: "UNEP", nameZh: "环境署", parent: null, body: false, names: { zh: /环境署|环境规划署/gu, en: /\bUNEP\b/gu } },
  { code: "UNDP", nameEn: "UNDP", nameZh: "开发署", parent: null, body: false, names: { zh: /开发署|开发计划署/gu, en: /\bUNDP\b/gu } },
  {
    code: "JIU",
    nameEn: "Joint Inspection Unit",
    nameZh: "联合检查组",
    parent: null,
    body: false,
    names: { zh: /联合检查组|联检组/gu, en: /\bJIU\b|Joint Inspection Unit/gu },
  },
  {
    code: "ICSC",
    nameEn: "International Civil Service Commission",
    nameZh: "国际公务员制度委员会",
    parent: null,
    body: false,
    names: { zh: /公务员制度委员会/gu, en: /\bICSC\b|International Civil Service Commission/gu },
  },
];

/** The entities a text names, with how often, most named first. */
export function findEntities(text: string, lang: Lang): { code: string; count: number }[] {
  return ENTITIES.map((entity) => ({ code: entity.code, count: [...text.matchAll(entity.names[lang])].length }))
    .filter((hit) => hit.count > 0)
    .sort((a, b) => b.count - a.count);
}

/** UN document symbols: CEB/2021/2/Add.1, A/RES/76/189, E/2022/13 (two slashes at least). */
const SYMBOL = /\b[A-Z]{1,6}(?:\/[A-Za-z0-9.()]*[A-Za-z0-9)]){2,}/gu;

export function findSymbols(text: string): string[] {
  // A closing bracket belongs to the symbol only when it opened one: "(CEB/2021/2/Add.1)".
  const trim = (s: string) => (s.endsWith(")") && !s.includes("(") ? s.slice(0, -1) : s);
  return [...new Set([...text.matchAll(SYMBOL)].map((m) => trim(m[0])))];
}

const ZH_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const EN_NUMERALS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  twenty: 20,
};

export type CountMention = { value: number; atLeast: boolean; text: string };

/** Counts such as "五次同行学习对话", "50 多个", "five dialogues", "more than 600". */
export function findCounts(text: string, lang: Lang): CountMention[] {
  if (lang === "zh") {
    return [...text.matchAll(/(\d+|[一二两三四五六七八九十])\s*(多)?\s*(?:个|项|次|名|家|份|场|位)/gu)].map((m) => ({
      value: /\d/.test(m[1]!) ? Number(m[1]) : ZH_NUMERALS[m[1]!]!,
      atLeast: Boolean(m[2]),
      text: m[0],
    }));
  }
  return [...text.matchAll(/\b(more than |over |some |at least )?(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\s+(?=[a-z])/giu)]
    .filter((m) => !/^(19|20)\d{2}$/.test(m[2]!))
    .map((m) => ({
      value: /\d/.test(m[2]!) ? Number(m[2]!.replace(/,/g, "")) : EN_NUMERALS[m[2]!.toLowerCase()]!,
      atLeast: Boolean(m[1]),
      text: m[0].trim(),
    }));
}
