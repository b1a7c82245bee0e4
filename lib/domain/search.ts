/**
 * Search terms: what a query typed on the overview (or sent as `q` to the API) looks for.
 * The index (FTS5, trigram tokenizer) matches substrings of 3 or more characters in any script;
 * shorter terms are matched with LIKE. Synonyms let the other common names of the bodies and
 * workstreams find the same things: this dictionary is their one home.
 */

/** Groups of names that mean the same body or workstream. Matching ignores case. */
export const SEARCH_SYNONYMS: readonly (readonly string[])[] = [
  // Occupational safety and health: the report says 职业健康与安全, people also say 职业安全与健康.
  [
    "OSH",
    "occupational safety and health",
    "occupational health and safety",
    "职业健康与安全",
    "职业安全与健康",
    "职业安全卫生",
    "santé et sécurité au travail",
    "охрана труда",
    "seguridad y salud en el trabajo",
    "الصحة والسلامة المهنيتين",
  ],
  ["AI", "artificial intelligence", "人工智能", "intelligence artificielle", "искусственный интеллект", "inteligencia artificial", "الذكاء الاصطناعي"],
  [
    "HLCM",
    "High-Level Committee on Management",
    "管理问题高级别委员会",
    "Comité de haut niveau sur la gestion",
    "Comité de Alto Nivel sobre Gestión",
    "Комитет высокого уровня по вопросам управления",
    "اللجنة الرفيعة المستوى المعنية بالإدارة",
  ],
  [
    "HLCP",
    "High-Level Committee on Programmes",
    "方案问题高级别委员会",
    "Comité de haut niveau sur les programmes",
    "Comité de Alto Nivel sobre Programas",
    "Комитет высокого уровня по программам",
    "اللجنة الرفيعة المستوى المعنية بالبرامج",
  ],
  ["CEB", "Chief Executives Board", "行政首长协调会", "CCS", "JJE", "КСР", "مجلس الرؤساء التنفيذيين"],
  ["JIU", "Joint Inspection Unit", "联合检查组", "Corps commun d'inspection", "Dependencia Común de Inspección", "Объединенная инспекционная группа"],
  ["ICSC", "International Civil Service Commission", "公务员制度委员会", "Commission de la fonction publique internationale"],
  ["IPSAS", "International Public Sector Accounting Standards", "公共部门会计准则"],
  ["LDC", "least developed countries", "最不发达国家", "pays les moins avancés", "países menos adelantados"],
  ["SDG", "Sustainable Development Goals", "可持续发展目标", "objectifs de développement durable", "Objetivos de Desarrollo Sostenible"],
  ["GDP", "gross domestic product", "国内生产总值", "PIB", "ВВП"],
  ["COVID-19", "COVID", "新冠", "新冠肺炎", "冠状病毒病"],
  ["sexual harassment", "性骚扰", "harcèlement sexuel", "acoso sexual", "сексуальные домогательства"],
  ["HR Network", "Human Resources Network", "人力资源网络"],
  ["FBN", "Finance and Budget Network", "财务和预算网络"],
  ["DTN", "Digital and Technology Network", "数字和技术网络"],
  ["Data Cube", "数据立方"],
  ["foresight", "前瞻", "prospective", "prospectiva"],
  ["multilingualism", "使用多种语文", "multilinguisme", "multilingüismo", "многоязычие"],
];

/** Below this many characters a term cannot use the trigram index. */
export const TRIGRAM_MIN = 3;

const fold = (text: string) => text.normalize("NFC").toLocaleLowerCase("en");
const chars = (text: string) => [...text].length;

/** A term people typed, with the other names that mean the same; any of them matches. */
export type SearchClause = string[];

/**
 * Splits a query into clauses: every clause must match, any variant of a clause may. A synonym
 * found inside the query (a name of several words, or part of a Chinese name) stands for its
 * whole group, and the text around it makes further clauses; otherwise each whitespace-separated
 * word is a clause. A short abbreviation that
 * has longer names ("AI", "OSH") searches for those names, not for the letters inside other words.
 */
export function searchClauses(query: string): SearchClause[] {
  const text = query.normalize("NFC").replace(/\s+/g, " ").trim().slice(0, 200);
  if (!text) return [];
  const folded = fold(text);
  // Names of several words or characters first: "occupational safety and health", "职业安全与健康论坛".
  for (const group of SEARCH_SYNONYMS) {
    const hit = [...group].sort((a, b) => chars(b) - chars(a)).find((name) => chars(name) >= 4 && folded.includes(fold(name)));
    if (hit) {
      const start = folded.indexOf(fold(hit));
      return [...searchClauses(text.slice(0, start)), variantsOf(group), ...searchClauses(text.slice(start + hit.length))];
    }
  }
  return text.split(" ").map((word) => {
    const group = SEARCH_SYNONYMS.find((names) => names.some((name) => fold(name) === fold(word)));
    return group ? variantsOf(group) : [word];
  });
}

function variantsOf(group: readonly string[]): SearchClause {
  // A two-letter Latin abbreviation alone would match inside unrelated words; its long names do the work.
  return group.filter((name) => chars(name) >= TRIGRAM_MIN || !/^\p{Script=Latin}+$/u.test(name));
}
