import "server-only";
import { isTranslationLocale, type Locale } from "@/i18n/locales";
import { OFFICIAL_BODY_NAMES } from "@/lib/content/body-names";
import { type LocalizedText, localizedText, type OriginalText, originalText } from "@/lib/content/localized-text";
import type { Filters } from "@/lib/validation/filters";
import { type LatestReason, reasonsOfLate } from "./attention";
import {
  changesOfWorkstream,
  type HistoryEntry,
  historyOfMilestones,
  listMilestones,
  type MilestoneRow,
  milestonesOfWorkstreams,
  recentChanges,
  type RecentChange,
} from "./milestones";
import type { Page } from "./pagination";
import { workstreamChoices } from "./report";
import { baselinesOf } from "./timeline";
import { type MilestoneTranslations, milestoneTitleTranslations, milestoneTranslationsOf, workstreamTextsIn } from "./translations";
import { getWorkstreamBySlug, listWorkstreamSummaries, type SummaryOptions, type WorkstreamDetail, type WorkstreamSummary } from "./workstreams";

// Reads in a page's language. Each returns its content text already chosen for the locale
// (`LocalizedText`: the translation, or English marked as untranslated) with the report's other
// language beside it, so that pages only compose and no page merges translations itself.

/** A workstream's name and summary in the page's language, and the report's other language of each. */
export type WorkstreamTexts = {
  name: LocalizedText;
  originalName: OriginalText | null;
  summary: LocalizedText;
  originalSummary: OriginalText | null;
};

/** One workstream as its page shows it: its figures, its texts and its body's name in the page's language. */
export type WorkstreamView = WorkstreamDetail &
  WorkstreamTexts & {
    bodyName: LocalizedText;
    originalBodyName: OriginalText | null;
  };

/** The workstream with this slug, in the page's language; null when there is none. */
export async function workstreamIn(slug: string, locale: Locale, today: string): Promise<WorkstreamView | null> {
  const workstream = await getWorkstreamBySlug(slug, today);
  if (!workstream) return null;
  const translation = (await workstreamTextsIn([workstream.id], locale)).get(workstream.id);
  const names = { en: workstream.nameEn, zh: workstream.nameZh };
  const summaries = { en: workstream.summaryEn, zh: workstream.summaryZh };
  const bodyNames = { en: workstream.bodyNameEn, zh: workstream.bodyNameZh };
  return {
    ...workstream,
    name: localizedText(locale, names, translation?.name),
    originalName: originalText(locale, names),
    summary: localizedText(locale, summaries, translation?.summary),
    originalSummary: originalText(locale, summaries),
    bodyName: localizedText(locale, bodyNames, isTranslationLocale(locale) ? OFFICIAL_BODY_NAMES[locale][workstream.bodyCode] : undefined),
    originalBodyName: originalText(locale, bodyNames),
  };
}

/** A workstream card: its summary figures, its name in the page's language and its next milestone's title. */
export type WorkstreamSummaryView = WorkstreamSummary & {
  name: LocalizedText;
  originalName: OriginalText | null;
  nextOpenTitle: LocalizedText | null;
};

/** One page of workstream summaries (the overview's cards), in the page's language. */
export async function workstreamSummariesIn(
  filters: Filters,
  paging: { page: number; pageSize: number },
  today: string,
  options: SummaryOptions & { locale: Locale },
): Promise<Page<WorkstreamSummaryView>> {
  const { locale } = options;
  const summaries = await listWorkstreamSummaries(filters, paging, today, options);
  const [texts, titles] = await Promise.all([
    workstreamTextsIn(
      summaries.items.map((item) => item.id),
      locale,
    ),
    milestoneTitleTranslations(
      summaries.items.flatMap((item) => (item.nextOpen ? [item.nextOpen.id] : [])),
      locale,
    ),
  ]);
  return {
    ...summaries,
    items: summaries.items.map((item) => {
      const names = { en: item.nameEn, zh: item.nameZh };
      return {
        ...item,
        name: localizedText(locale, names, texts.get(item.id)?.name),
        originalName: originalText(locale, names),
        nextOpenTitle: item.nextOpen ? localizedText(locale, { en: item.nextOpen.titleEn, zh: item.nextOpen.titleZh }, titles.get(item.nextOpen.id)) : null,
      };
    }),
  };
}

/** A change in a feed, with its milestone's title and its workstream's name in the page's language. */
export type ChangeView = RecentChange & { milestoneTitle: LocalizedText; workstreamName: LocalizedText };

async function changesIn(entries: RecentChange[], locale: Locale): Promise<ChangeView[]> {
  const [titles, names] = await Promise.all([
    milestoneTitleTranslations(
      entries.map((entry) => entry.milestoneId),
      locale,
    ),
    workstreamTextsIn(
      entries.map((entry) => entry.workstreamId),
      locale,
    ),
  ]);
  return entries.map((entry) => ({
    ...entry,
    milestoneTitle: localizedText(locale, { en: entry.milestoneTitleEn, zh: entry.milestoneTitleZh }, titles.get(entry.milestoneId)),
    workstreamName: localizedText(locale, { en: entry.workstreamNameEn, zh: entry.workstreamNameZh }, names.get(entry.workstreamId)?.name),
  }));
}

/** The latest changes made in the tracker, in the page's language. */
export async function recentChangesIn(limit: number, locale: Locale): Promise<ChangeView[]> {
  return changesIn(await recentChanges(limit), locale);
}

/** One page of every change to a workstream's milestones, in the page's language. */
export async function changesOfWorkstreamIn(workstreamId: number, paging: { page: number; pageSize: number }, locale: Locale): Promise<Page<ChangeView>> {
  const changes = await changesOfWorkstream(workstreamId, paging);
  return { ...changes, items: await changesIn(changes.items, locale) };
}

/** A row of a workstream's milestone table: the milestone with everything its row shows. */
export type MilestoneTableRow = MilestoneRow & {
  title: LocalizedText;
  originalTitle: OriginalText | null;
  /** Its status history, newest first. */
  history: HistoryEntry[];
  /** Its first planned period when it was re-planned. */
  baseline: { date: string; periodStart: string; periodEnd: string } | undefined;
  /** Why it is late, when it needs attention. */
  lateReason: LatestReason | undefined;
  /** Every language of its title, for an editor to prefill; empty unless asked for. */
  translations: MilestoneTranslations;
};

export type MilestoneTableOptions = {
  locale: Locale;
  today: string;
  /** The page asked for; when none was, the page that holds `highlightId`, else the first. */
  page: number | undefined;
  pageSize: number;
  /** A milestone opened from elsewhere (the roadmap), shown on its page of the table. */
  highlightId?: number;
  /** Whether the rows carry every translation of their titles (for editors). */
  withTranslations: boolean;
};

/** One page of a workstream's milestones as its table shows them, in the page's language. */
export async function milestoneTableIn(workstream: { id: number; slug: string }, options: MilestoneTableOptions): Promise<Page<MilestoneTableRow>> {
  const { locale, today, pageSize, highlightId } = options;
  let page = options.page ?? 1;
  if (options.page === undefined && highlightId !== undefined) {
    const index = (await milestonesOfWorkstreams([workstream.id], {}, today)).findIndex((milestone) => milestone.id === highlightId);
    if (index >= 0) page = Math.floor(index / pageSize) + 1;
  }
  const table = await listMilestones({ workstream: workstream.slug }, { page, pageSize }, today);
  const ids = table.items.map((milestone) => milestone.id);
  // Independent reads: on PostgreSQL they run side by side on the pool's connections.
  const [baselines, history, reasons, titles, translations] = await Promise.all([
    baselinesOf(ids),
    historyOfMilestones(ids),
    reasonsOfLate(table.items),
    milestoneTitleTranslations(ids, locale),
    options.withTranslations ? milestoneTranslationsOf(ids) : new Map<number, MilestoneTranslations>(),
  ]);
  return {
    ...table,
    items: table.items.map((milestone) => {
      const base = { en: milestone.titleEn, zh: milestone.titleZh };
      return {
        ...milestone,
        title: localizedText(locale, base, titles.get(milestone.id)),
        originalTitle: originalText(locale, base),
        history: history.get(milestone.id) ?? [],
        baseline: baselines.get(milestone.id),
        lateReason: reasons.get(milestone.id),
        translations: translations.get(milestone.id) ?? {},
      };
    }),
  };
}

/** A workstream a year's report can be limited to, named in the page's language. */
export type ReportWorkstreamChoice = { id: number; slug: string; name: LocalizedText };

/** The workstreams with milestones in the year, in the report's order, named in the page's language. */
export async function reportWorkstreamChoicesIn(year: number, locale: Locale): Promise<ReportWorkstreamChoice[]> {
  const choices = await workstreamChoices(year);
  const texts = await workstreamTextsIn(
    choices.map((choice) => choice.id),
    locale,
  );
  return choices.map((choice) => ({
    id: choice.id,
    slug: choice.slug,
    name: localizedText(locale, { en: choice.nameEn, zh: choice.nameZh }, texts.get(choice.id)?.name),
  }));
}
