import { and, count, eq } from "drizzle-orm";
import { parsePartialDate, periodOf } from "../../lib/domain/partial-date";
import type { AppDatabase } from "../index";
import { bodies, milestones, statusHistory, workstreams } from "../schema/sqlite";
import { type ReportSeed, reportSeedSchema } from "./seed-schema";

export type SeedResult = { bodies: number; workstreams: number; milestones: number };

function requireDate(value: string, where: string) {
  const date = parsePartialDate(value);
  if (!date) throw new Error(`Seed: ${where} has an invalid date "${value}"`);
  return date;
}

/**
 * Loads the report seed. Idempotent and additive: rows that exist (by body code, workstream
 * slug, milestone seed key) are left as they are, so re-running never undoes a status change
 * made in the tracker. Returns how many rows it inserted.
 */
export function loadReportSeed(db: AppDatabase, input: ReportSeed): SeedResult {
  const seed = reportSeedSchema.parse(input);
  const inserted: SeedResult = { bodies: 0, workstreams: 0, milestones: 0 };
  const note = (paragraph: number) => `Recorded from ${seed.document.symbol}, para. ${paragraph}`;

  db.transaction((tx) => {
    seed.bodies.forEach((body, sortOrder) => {
      const result = tx
        .insert(bodies)
        .values({ ...body, sortOrder })
        .onConflictDoNothing({ target: bodies.code })
        .run();
      inserted.bodies += result.changes;
    });

    for (const [position, stream] of seed.workstreams.entries()) {
      const { milestones: seedMilestones, ...fields } = stream;
      const created = tx
        .insert(workstreams)
        .values({ ...fields, position })
        .onConflictDoNothing({ target: workstreams.slug })
        .run();
      inserted.workstreams += created.changes;
      const row = tx.select({ id: workstreams.id }).from(workstreams).where(eq(workstreams.slug, stream.slug)).get();
      if (!row) throw new Error(`Seed: workstream ${stream.slug} was not stored`);

      for (const milestone of seedMilestones) {
        const where = `${stream.slug}/${milestone.key}`;
        const exists = tx
          .select({ id: milestones.id })
          .from(milestones)
          .where(and(eq(milestones.workstreamId, row.id), eq(milestones.seedKey, milestone.key)))
          .get();
        if (exists) continue;
        const date = requireDate(milestone.date, where);
        const completed = milestone.completedOn ? requireDate(milestone.completedOn, where) : null;
        const period = periodOf(date);
        const stored = tx
          .insert(milestones)
          .values({
            workstreamId: row.id,
            seedKey: milestone.key,
            titleEn: milestone.titleEn,
            titleZh: milestone.titleZh,
            date: date.value,
            datePrecision: date.precision,
            periodStart: period.start,
            periodEnd: period.end,
            year: date.year,
            status: milestone.status,
            completedOn: completed?.value ?? null,
            completedPrecision: completed?.precision ?? null,
            completedPeriodEnd: completed ? periodOf(completed).end : null,
            sourceParagraph: milestone.paragraph,
            sourceFootnote: milestone.footnote ?? null,
            alsoParagraphs: milestone.alsoParagraphs ?? [],
            quoteZh: milestone.quote,
            evidence: milestone.evidence,
          })
          .returning({ id: milestones.id })
          .get();
        tx.insert(statusHistory)
          .values({
            milestoneId: stored.id,
            fromStatus: null,
            toStatus: milestone.status,
            kind: "created",
            actor: "seed",
            note: note(milestone.paragraph),
          })
          .run();
        inserted.milestones += 1;
      }
    }
  });
  return inserted;
}

export function isDatabaseEmpty(db: AppDatabase): boolean {
  const row = db.select({ n: count() }).from(workstreams).get();
  return (row?.n ?? 0) === 0;
}
