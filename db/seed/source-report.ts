/**
 * The report the seed is drawn from. Kept apart from the seed's data so that pages and exports
 * can name it (through lib/domain/source-report) without loading every milestone.
 */
export const SOURCE_REPORT = {
  symbol: "E/2022/13",
  titleEn: "Annual overview report of the United Nations System Chief Executives Board for Coordination for 2021",
  titleZh: "2021 年联合国系统行政首长协调理事会年度概览报告",
};
