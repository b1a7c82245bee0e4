import { createHash } from "node:crypto";
import type { DatePrecision } from "@/lib/domain/partial-date";
import { CLOSED_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import { type DateMention, findDates, type Lang } from "./dates";
import { ENTITIES, findCounts, findEntities, findStateVerbs, findSymbols } from "./lexicon";
import type { ReadReport, ReportParagraph } from "./reader";

/**
 * Turns a read report into proposals against what the tracker holds: new milestones (on an
 * existing workstream or on a new one), new workstreams, status changes of tracked milestones,
 * and the tracked commitments the new report never mentions. Pure and deterministic: the same
 * text and tracker give the same proposals, in the same order, with the same keys.
 */

export const PROPOSAL_KINDS = ["workstream", "milestone", "status-change", "silent-commitment"] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export type TrackedMilestone = {
  id: number;
  titleEn: string;
  titleZh: string;
  date: string;
  datePrecision: DatePrecision;
  status: MilestoneStatus;
  quote: string | null;
  sourceParagraph: number | null;
};

export type TrackedWorkstream = {
  slug: string;
  nameEn: string;
  nameZh: string;
  bodyCode: string;
  leads: string[];
  milestones: TrackedMilestone[];
};

export type ProposedWorkstream = { key: string; name: string; bodyCode: string; paragraphs: number[] };

export type Proposal = {
  kind: ProposalKind;
  /** Stable fingerprint: a decided proposal with the same key is not proposed again. */
  key: string;
  paragraph: number | null;
  footnote: number | null;
  /** Verbatim from the paragraph (null for a silent commitment, which the report does not mention). */
  quote: string | null;
  date: string | null;
  datePrecision: DatePrecision | null;
  /** The words the date was read from; null when it is the report's year by default. */
  dateText: string | null;
  /** Slug of an existing workstream, or null with `proposedWorkstream`. */
  workstream: string | null;
  proposedWorkstream: ProposedWorkstream | null;
  /** For status changes and silent commitments: the tracked milestone concerned. */
  milestoneId: number | null;
  fromStatus: MilestoneStatus | null;
  status: MilestoneStatus | null;
  confidence: number;
  /** The words behind the proposal: the state verb, entities, symbols and counts found. */
  evidence: { verb: string | null; entities: string[]; symbols: string[]; counts: string[] };
};

export type ProposeOptions = { symbol: string; lang: Lang; year: number };

/** Sections that frame the report rather than report work: introduction, conclusions, summary. */
const FRAMING_HEADING = /导言|结论|摘要|^\s*[IVX]+\.\s*(Introduction|Conclusions?)\b|Summary/iu;
const QUOTE_MAX = 120;
/** Statuses of a promise not yet kept: what a silent report leaves to be checked. */
const PROMISED: readonly MilestoneStatus[] = ["planned", "delayed", "at_risk"];
const RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

type Sentence = { start: number; end: number; text: string };

function sentences(paragraph: ReportParagraph, lang: Lang): Sentence[] {
  const text = paragraph.text;
  const boundary = lang === "zh" ? /[。；！？]/gu : /[.;!?](?=\s+[A-Z(“"]|\s*$)/gu;
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    // A footnote marker printed after the previous full stop belongs to that sentence.
    const marker = paragraph.footnoteRefs.find((ref) => ref.offset > s && ref.offset <= s + 4 && /^\s*\d+$/.test(text.slice(s, ref.offset)));
    if (marker) s = marker.offset;
    while (s < end && /\s/.test(text[s]!)) s++;
    if (end > s) out.push({ start: s, end, text: text.slice(s, end) });
  };
  for (const m of text.matchAll(boundary)) {
    push(m.index + 1);
    start = m.index + 1;
  }
  push(text.length);
  return out;
}

/** Where one sentence reports a second thing done: "…，并更新了…", "…，还启动了…", "…; and launched…". */
const SECOND_THING: Record<Lang, RegExp> = { zh: /，(?=并|还|同时|此外|以及)/gu, en: /,\s+(?=and\s|while\s)/gu };

/** A sentence split where it reports a second thing, when each part has a state verb of its own. */
function parts(sentence: Sentence, lang: Lang): Sentence[] {
  const cuts = [...sentence.text.matchAll(SECOND_THING[lang])].map((m) => m.index + m[0].length);
  const out: Sentence[] = [];
  let from = 0;
  for (const cut of [...cuts, sentence.text.length]) {
    const piece = sentence.text.slice(from, cut);
    const rest = sentence.text.slice(cut);
    // Keep the piece whole with what follows unless both sides report a state.
    if (cut < sentence.text.length && (!findStateVerbs(piece, lang).length || !findStateVerbs(rest, lang).length)) continue;
    out.push({ start: sentence.start + from, end: sentence.start + cut, text: piece });
    from = cut;
  }
  return out;
}

/** Character bigrams (CJK) or lower-case words (other scripts), for overlap scores. */
function grams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []) out.add(word);
  const cjk = text.replace(/[^\u4E00-\u9FFF]/gu, "");
  for (let i = 0; i + 1 < cjk.length; i++) out.add(cjk.slice(i, i + 2));
  return out;
}

/** Share of `b`'s grams found in `a`. */
function coverage(a: Set<string>, b: Set<string>): number {
  if (!b.size) return 0;
  let hit = 0;
  for (const g of b) if (a.has(g)) hit++;
  return hit / b.size;
}

const sha = (...parts: (string | number | null)[]) => createHash("sha256").update(parts.join("\u241F")).digest("hex").slice(0, 16);
const squash = (s: string) => s.replace(/\s+/gu, "");

/** The quote: the sentence, or when it is long, its clauses from the one holding the trigger. */
function quoteOf(paragraph: ReportParagraph, sentence: Sentence, triggerAt: number): { start: number; end: number } {
  let end = sentence.end;
  while (end > sentence.start && /[。．.；;！!？?\s]/u.test(paragraph.text[end - 1]!)) end--;
  if (end - sentence.start <= QUOTE_MAX) return { start: sentence.start, end };
  const clauseStarts = [sentence.start, ...[...sentence.text.matchAll(/[，,：:]\s*/gu)].map((m) => sentence.start + m.index + m[0].length)];
  const start = clauseStarts.filter((s) => s <= triggerAt).at(-1) ?? sentence.start;
  let cut = Math.min(end, start + QUOTE_MAX);
  // End at a clause boundary when one falls inside the limit.
  const boundary = paragraph.text.slice(start, cut).search(/[，,][^，,]*$/u);
  if (cut < end && boundary > 20) cut = start + boundary;
  return { start, end: cut };
}

function headingName(heading: string): string {
  return heading.replace(/^\s*([一二三四五六七八九十]+|[IVXL]+|[A-H])\.\s*/u, "").trim();
}

type Candidate = {
  paragraph: ReportParagraph;
  quote: string;
  quoteStart: number;
  date: DateMention | null;
  status: MilestoneStatus;
  verb: string;
  footnote: number | null;
  entities: string[];
  symbols: string[];
  counts: string[];
};

function statusOf(verbs: ReturnType<typeof findStateVerbs>, date: DateMention | null, year: number): MilestoneStatus {
  if (verbs.some((v) => v.status === "delayed")) return "delayed";
  if (date && date.year > year) return "planned";
  return verbs[0]!.status;
}

function candidatesOf(read: ReadReport, options: ProposeOptions): Candidate[] {
  const out: Candidate[] = [];
  for (const paragraph of read.paragraphs) {
    if (paragraph.headings.some((h) => FRAMING_HEADING.test(h))) continue;
    const dates = findDates(paragraph.text, options.lang, options.year);
    for (const whole of sentences(paragraph, options.lang))
      for (const sentence of parts(whole, options.lang)) {
        const verbs = findStateVerbs(sentence.text, options.lang);
        if (!verbs.length) continue;
        // The most precise date the part gives (the first of equals), else the whole sentence's:
        // "在 2021 年全年…于 9 月 15 日" is a day.
        const mostPrecise = (from: number, to: number) =>
          dates
            .filter((d) => d.start >= from && d.start < to)
            .reduce<DateMention | null>((best, d) => (!best || RANK[d.precision] > RANK[best.precision] ? d : best), null);
        const date = mostPrecise(sentence.start, sentence.end) ?? mostPrecise(whole.start, whole.end);
        const triggerAt = date?.start ?? sentence.start + Math.min(...verbs.map((v) => v.index));
        const span = quoteOf(paragraph, sentence, triggerAt);
        const quote = paragraph.text.slice(span.start, span.end);
        if (squash(quote).length < 6) continue;
        const footnote = paragraph.footnoteRefs.find((ref) => ref.offset > sentence.start && ref.offset <= sentence.end + 4)?.footnote ?? null;
        out.push({
          paragraph,
          quote,
          quoteStart: span.start,
          date,
          status: statusOf(verbs, date, options.year),
          verb: verbs[0]!.text,
          footnote,
          entities: findEntities(sentence.text, options.lang).map((e) => e.code),
          symbols: findSymbols(sentence.text),
          counts: findCounts(sentence.text, options.lang).map((c) => c.text),
        });
      }
  }
  return out;
}

function confidenceOf(candidate: Candidate, match = 1): number {
  let score = 0.45;
  if (candidate.date && !candidate.date.impliedYear) score += 0.25;
  if (candidate.entities.length) score += 0.1;
  if (candidate.symbols.length || candidate.counts.length || candidate.footnote) score += 0.1;
  return Math.round(Math.min(0.95, score * match) * 100) / 100;
}

/** The existing workstream a paragraph belongs to, when its heading and text name it clearly enough. */
function matchWorkstream(paragraph: ReportParagraph, tracker: TrackedWorkstream[]): { slug: string; score: number } | null {
  const heading = grams(paragraph.headings.at(-1) ?? "");
  const body = grams(paragraph.text);
  let best: { slug: string; score: number } | null = null;
  for (const ws of tracker) {
    const name = grams(`${ws.nameZh} ${ws.nameEn}`);
    const quotes = grams(ws.milestones.map((m) => `${m.quote ?? ""} ${m.titleZh} ${m.titleEn}`).join(" "));
    // The heading naming the workstream is the strongest sign; its name or milestones in the text count too.
    const score = Math.max(coverage(heading, name), 0.8 * coverage(body, name), 1.2 * coverage(body, quotes));
    if (!best || score > best.score) best = { slug: ws.slug, score };
  }
  return best && best.score >= 0.5 ? { slug: best.slug, score: Math.min(1, best.score) } : null;
}

/** The tracked milestone a sentence reports on, if its words cover most of the milestone's. */
function matchMilestone(candidate: Candidate, ws: TrackedWorkstream | undefined): { milestone: TrackedMilestone; score: number } | null {
  if (!ws) return null;
  const words = grams(candidate.quote);
  let best: { milestone: TrackedMilestone; score: number } | null = null;
  for (const milestone of ws.milestones) {
    const score = Math.max(coverage(words, grams(milestone.titleZh)), coverage(words, grams(milestone.titleEn)), coverage(words, grams(milestone.quote ?? "")));
    if (!best || score > best.score) best = { milestone, score };
  }
  return best && best.score >= 0.5 ? best : null;
}

function dominantBody(paragraphs: ReportParagraph[], lang: Lang): string {
  const counts = new Map<string, number>();
  for (const p of paragraphs) for (const hit of findEntities(p.text, lang)) counts.set(hit.code, (counts.get(hit.code) ?? 0) + hit.count);
  const bodies = ENTITIES.filter((e) => e.body && counts.has(e.code)).sort((a, b) => counts.get(b.code)! - counts.get(a.code)!);
  // The Board is named in nearly every paragraph; a more specific body named as often wins.
  const specific = bodies.find((b) => b.code !== "CEB" && counts.get(b.code)! * 2 >= (counts.get("CEB") ?? 0));
  return specific?.code ?? bodies[0]?.code ?? "CEB";
}

export function propose(read: ReadReport, tracker: TrackedWorkstream[], options: ProposeOptions): Proposal[] {
  const proposals: Proposal[] = [];
  const candidates = candidatesOf(read, options);
  const bySlug = new Map(tracker.map((ws) => [ws.slug, ws]));
  const mentioned = new Set<number>();
  const groups = new Map<string, ProposedWorkstream>();

  const base = (c: Candidate) => ({
    paragraph: c.paragraph.number,
    footnote: c.footnote,
    quote: c.quote,
    date: c.date?.value ?? String(options.year),
    datePrecision: c.date?.precision ?? ("year" as DatePrecision),
    dateText: c.date?.text ?? null,
    evidence: { verb: c.verb, entities: c.entities, symbols: c.symbols, counts: c.counts },
  });

  for (const c of candidates) {
    const match = matchWorkstream(c.paragraph, tracker);
    if (match) {
      const ws = bySlug.get(match.slug);
      const known = matchMilestone(c, ws);
      if (known) {
        mentioned.add(known.milestone.id);
        const from = known.milestone.status;
        if (from === c.status || CLOSED_STATUSES.includes(from) || (c.status === "planned" && from !== "delayed")) continue;
        proposals.push({
          kind: "status-change",
          key: sha("status-change", known.milestone.id, c.status, squash(c.quote)),
          ...base(c),
          workstream: match.slug,
          proposedWorkstream: null,
          milestoneId: known.milestone.id,
          fromStatus: from,
          status: c.status,
          confidence: confidenceOf(c, known.score),
        });
        continue;
      }
      proposals.push({
        kind: "milestone",
        key: sha("milestone", squash(c.quote)),
        ...base(c),
        workstream: match.slug,
        proposedWorkstream: null,
        milestoneId: null,
        fromStatus: null,
        status: c.status,
        confidence: confidenceOf(c, match.score),
      });
      continue;
    }

    const heading = c.paragraph.headings.at(-1) ?? options.symbol;
    const groupKey = `ws-${sha(options.symbol, heading)}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = { key: groupKey, name: headingName(heading), bodyCode: "CEB", paragraphs: [] };
      groups.set(groupKey, group);
    }
    if (!group.paragraphs.includes(c.paragraph.number)) group.paragraphs.push(c.paragraph.number);
    proposals.push({
      kind: "milestone",
      key: sha("milestone", squash(c.quote)),
      ...base(c),
      workstream: null,
      proposedWorkstream: group,
      milestoneId: null,
      fromStatus: null,
      status: c.status,
      confidence: confidenceOf(c, 0.9),
    });
  }

  const paragraphByNumber = new Map(read.paragraphs.map((p) => [p.number, p]));
  const workstreamProposals: Proposal[] = [...groups.values()].map((group) => {
    group.bodyCode = dominantBody(
      group.paragraphs.map((n) => paragraphByNumber.get(n)!),
      options.lang,
    );
    const first = paragraphByNumber.get(group.paragraphs[0]!)!;
    return {
      kind: "workstream",
      key: sha("workstream", options.symbol, group.name),
      paragraph: first.number,
      footnote: null,
      quote: null,
      date: null,
      datePrecision: null,
      dateText: null,
      workstream: null,
      proposedWorkstream: group,
      milestoneId: null,
      fromStatus: null,
      status: null,
      confidence: 0.6,
      evidence: { verb: null, entities: [group.bodyCode], symbols: [], counts: [] },
    };
  });

  // Commitments the tracker holds as promised and due by the end of the report's year, never mentioned.
  const silent: Proposal[] = tracker.flatMap((ws) =>
    ws.milestones
      .filter((m) => PROMISED.includes(m.status) && Number(m.date.slice(0, 4)) <= options.year && !mentioned.has(m.id))
      .map((m) => ({
        kind: "silent-commitment" as const,
        key: sha("silent-commitment", options.symbol, m.id),
        paragraph: null,
        footnote: null,
        quote: null,
        date: m.date,
        datePrecision: m.datePrecision,
        dateText: null,
        workstream: ws.slug,
        proposedWorkstream: null,
        milestoneId: m.id,
        fromStatus: m.status,
        status: null,
        confidence: 0.5,
        evidence: { verb: null, entities: [], symbols: [], counts: [] },
      })),
  );

  return [...workstreamProposals, ...proposals, ...silent];
}
