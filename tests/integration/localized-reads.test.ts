import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { milestones, milestoneTranslations, workstreams, workstreamTranslations } from "@/db/schema";
import { updateMilestone } from "@/lib/commands/milestones";
import { invalidateReads } from "@/lib/queries/cache";
import {
  changesOfWorkstreamIn,
  milestoneTableIn,
  recentChangesIn,
  reportWorkstreamChoicesIn,
  workstreamIn,
  workstreamSummariesIn,
} from "@/lib/queries/localized";
import { setupTestDatabase } from "../setup/test-database";
import { makeUser, type TestPrincipal } from "../setup/users";

setupTestDatabase();

const SLUG = "ai-working-group";
const TODAY = "2022-06-30";
let workstreamId: number;
let translatedMilestone: { id: number; titleEn: string; titleZh: string };
let untranslatedMilestone: { id: number; titleEn: string };
let admin: TestPrincipal;

beforeAll(async () => {
  const db = getDb();
  workstreamId = (await db.select({ id: workstreams.id }).from(workstreams).where(eq(workstreams.slug, SLUG)).limit(1))[0]!.id;
  const rows = await db.select().from(milestones).where(eq(milestones.workstreamId, workstreamId)).orderBy(asc(milestones.id));
  expect(rows.length).toBeGreaterThanOrEqual(2);
  translatedMilestone = rows[0]!;
  untranslatedMilestone = rows[1]!;
  await db.insert(workstreamTranslations).values({ workstreamId, locale: "fr", name: "Groupe de travail sur l'IA", summary: null });
  await db.insert(milestoneTranslations).values({ milestoneId: translatedMilestone.id, locale: "fr", title: "Jalon traduit" });
  invalidateReads("translations");
  admin = await makeUser("admin");
  await updateMilestone(admin.actor, translatedMilestone.id, { version: rows[0]!.version, status: "at_risk", note: "Waiting for the budget" });
});

describe("reads in a page's language", () => {
  it("names a workstream in the page's language, falls back to English marked untranslated, and keeps the report's other language beside it", async () => {
    const french = (await workstreamIn(SLUG, "fr", TODAY))!;
    expect(french.name).toEqual({ text: "Groupe de travail sur l'IA", lang: "fr", translated: true });
    // No French summary is stored: English, marked as not translated.
    expect(french.summary).toEqual({ text: french.summaryEn, lang: "en", translated: false });
    expect(french.originalName).toEqual({ text: french.nameZh, lang: "zh" });
    const chinese = (await workstreamIn(SLUG, "zh", TODAY))!;
    expect(chinese.name).toEqual({ text: chinese.nameZh, lang: "zh", translated: true });
    expect(chinese.originalName).toEqual({ text: chinese.nameEn, lang: "en" });
    expect(chinese.bodyName.lang).toBe("zh");
    expect(await workstreamIn("no-such-workstream", "fr", TODAY)).toBeNull();
  });

  it("gives each table row its title, history, reason and (for editors) every translation", async () => {
    const forEditor = await milestoneTableIn({ id: workstreamId, slug: SLUG }, { locale: "fr", today: TODAY, page: 1, pageSize: 100, withTranslations: true });
    const translated = forEditor.items.find((row) => row.id === translatedMilestone.id)!;
    expect(translated.title).toEqual({ text: "Jalon traduit", lang: "fr", translated: true });
    expect(translated.originalTitle).toEqual({ text: translatedMilestone.titleZh, lang: "zh" });
    expect(translated.translations).toEqual({ fr: "Jalon traduit" });
    expect(translated.history[0]).toMatchObject({ toStatus: "at_risk", note: "Waiting for the budget" });
    expect(translated.lateReason?.note).toBe("Waiting for the budget");
    const untranslated = forEditor.items.find((row) => row.id === untranslatedMilestone.id)!;
    expect(untranslated.title).toEqual({ text: untranslatedMilestone.titleEn, lang: "en", translated: false });

    const forReader = await milestoneTableIn({ id: workstreamId, slug: SLUG }, { locale: "fr", today: TODAY, page: 1, pageSize: 100, withTranslations: false });
    expect(forReader.items.find((row) => row.id === translatedMilestone.id)!.translations).toEqual({});
  });

  it("opens the table on the page of a highlighted milestone unless a page was asked for", async () => {
    const all = await milestoneTableIn({ id: workstreamId, slug: SLUG }, { locale: "en", today: TODAY, page: 1, pageSize: 100, withTranslations: false });
    expect(all.totalItems).toBeGreaterThan(2);
    const last = all.items.at(-1)!;
    const options = { locale: "en" as const, today: TODAY, pageSize: 1, withTranslations: false };
    const highlighted = await milestoneTableIn({ id: workstreamId, slug: SLUG }, { ...options, page: undefined, highlightId: last.id });
    expect(highlighted.page).toBe(all.totalItems);
    expect(highlighted.items.map((row) => row.id)).toEqual([last.id]);
    const asked = await milestoneTableIn({ id: workstreamId, slug: SLUG }, { ...options, page: 1, highlightId: last.id });
    expect(asked.page).toBe(1);
  });

  it("names the milestone and workstream of every change in the feeds", async () => {
    const feed = await changesOfWorkstreamIn(workstreamId, { page: 1, pageSize: 5 }, "fr");
    expect(feed.items[0]).toMatchObject({
      milestoneId: translatedMilestone.id,
      milestoneTitle: { text: "Jalon traduit", lang: "fr", translated: true },
      workstreamName: { text: "Groupe de travail sur l'IA", lang: "fr", translated: true },
    });
    const recent = await recentChangesIn(8, "ru");
    expect(recent[0]).toMatchObject({
      milestoneId: translatedMilestone.id,
      milestoneTitle: { text: translatedMilestone.titleEn, lang: "en", translated: false },
    });
  });

  it("names the overview's cards and the report's workstream choices in the page's language", async () => {
    const cards = await workstreamSummariesIn({}, { page: 1, pageSize: 100 }, TODAY, { locale: "fr" });
    const card = cards.items.find((item) => item.slug === SLUG)!;
    expect(card.name).toEqual({ text: "Groupe de travail sur l'IA", lang: "fr", translated: true });
    expect(cards.items.find((item) => item.slug !== SLUG)!.name.translated).toBe(false);
    if (card.nextOpen) expect(card.nextOpenTitle?.text).toBe(card.nextOpen.id === translatedMilestone.id ? "Jalon traduit" : card.nextOpen.titleEn);

    const choices = await reportWorkstreamChoicesIn(2021, "fr");
    expect(choices.find((choice) => choice.slug === SLUG)?.name).toEqual({ text: "Groupe de travail sur l'IA", lang: "fr", translated: true });
  });
});
