import type { DatePrecision } from "@/lib/domain/partial-date";
import type { Proposal } from "./propose";
import { containsQuote, type ReadReport } from "./reader";

/**
 * Scores proposals against a curated list of milestones (the seed): each curated milestone is
 * matched to at most one milestone proposal of the same paragraph and date precision (the same
 * date preferred), so neither figure counts a proposal twice.
 */
export type CuratedMilestone = { key: string; paragraph: number; date: string; precision: DatePrecision; quote: string };

export type BenchmarkResult = {
  curated: number;
  proposed: number;
  matched: number;
  sameDate: number;
  recall: number;
  precision: number;
  misses: CuratedMilestone[];
  /** Proposals whose quote is not verbatim in the paragraph (or in the raw text). */
  notVerbatim: Proposal[];
  /** Proposals dated more precisely than the words they cite. */
  tooPrecise: Proposal[];
};

/** The precision the date's own words support: a day needs 日 or a day number, a month needs 月 or a month name. */
export function precisionOfWords(text: string | null): DatePrecision {
  if (!text) return "year";
  if (/日|\b\d{1,2}\s*(?:and|to|-|–)?\s*\d{0,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}\b(?!\d)/u.test(text)) return "day";
  if (/月|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/u.test(text)) return "month";
  return "year";
}

/**
 * Whether a quote stands in the raw extraction, whitespace aside — whole, or in two pieces
 * when a page break (footer, footnotes, links) falls inside it.
 */
export function inRawText(rawText: string, quote: string): boolean {
  if (containsQuote(rawText, quote)) return true;
  for (let i = 2; i < quote.length - 1; i++) {
    if (containsQuote(rawText, quote.slice(0, i)) && !containsQuote(rawText, quote.slice(0, i + 1))) {
      return containsQuote(rawText, quote.slice(i));
    }
  }
  return false;
}

const RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

export function scoreProposals(proposals: Proposal[], curated: CuratedMilestone[], read: ReadReport, rawText: string): BenchmarkResult {
  const milestones = proposals.filter((p) => p.kind === "milestone");
  const used = new Set<Proposal>();
  const misses: CuratedMilestone[] = [];
  let sameDate = 0;
  // Curated milestones with the fewest options are matched first, so a greedy pass stays fair.
  const options = (c: CuratedMilestone) => milestones.filter((p) => p.paragraph === c.paragraph && p.datePrecision === c.precision);
  for (const c of [...curated].sort((a, b) => options(a).length - options(b).length)) {
    const free = options(c).filter((p) => !used.has(p));
    const pick = free.find((p) => p.date === c.date) ?? free[0];
    if (!pick) {
      misses.push(c);
      continue;
    }
    used.add(pick);
    if (pick.date === c.date) sameDate++;
  }
  const paragraphs = new Map(read.paragraphs.map((p) => [p.number, p.text]));
  const notVerbatim = proposals.filter((p) => p.quote !== null && (!paragraphs.get(p.paragraph ?? -1)?.includes(p.quote) || !inRawText(rawText, p.quote)));
  const tooPrecise = proposals.filter((p) => p.datePrecision && RANK[p.datePrecision] > RANK[precisionOfWords(p.dateText)]);
  const matched = used.size;
  return {
    curated: curated.length,
    proposed: milestones.length,
    matched,
    sameDate,
    recall: curated.length ? matched / curated.length : 0,
    precision: milestones.length ? matched / milestones.length : 0,
    misses: misses.sort((a, b) => a.paragraph - b.paragraph),
    notVerbatim,
    tooPrecise,
  };
}
