import "server-only";
import { asc, desc, eq, isNull, ne } from "drizzle-orm";
import { getDb } from "@/db";
import { ingestedDocuments, ingestProposals, milestones, workstreams } from "@/db/schema";
import type { Proposal, TrackedWorkstream } from "@/lib/ingest";

/** What the tracker holds, in the shape the ingestion rules compare a new report with. */
export async function trackedWorkstreams(): Promise<TrackedWorkstream[]> {
  const db = getDb();
  const streams = await db.select().from(workstreams).orderBy(asc(workstreams.position), asc(workstreams.id));
  const rows = await db.select().from(milestones).where(isNull(milestones.removedAt)).orderBy(asc(milestones.periodStart), asc(milestones.id));
  return streams.map((ws) => ({
    slug: ws.slug,
    nameEn: ws.nameEn,
    nameZh: ws.nameZh,
    bodyCode: ws.bodyCode,
    leads: ws.leads,
    milestones: rows
      .filter((m) => m.workstreamId === ws.id)
      .map((m) => ({
        id: m.id,
        titleEn: m.titleEn,
        titleZh: m.titleZh,
        date: m.date,
        datePrecision: m.datePrecision,
        status: m.status,
        quote: m.quoteZh,
        sourceParagraph: m.sourceParagraph,
      })),
  }));
}

/** Keys of every proposal a person has decided, in any document: never proposed again. */
export async function decidedProposalKeys(): Promise<Set<string>> {
  return new Set((await getDb().select({ key: ingestProposals.key }).from(ingestProposals).where(ne(ingestProposals.state, "pending"))).map((row) => row.key));
}

export type IngestedDocumentSummary = {
  id: number;
  symbol: string;
  lang: string;
  year: number;
  filename: string;
  uploadedAt: string;
  pending: number;
  total: number;
};

export async function listIngestedDocuments(): Promise<IngestedDocumentSummary[]> {
  const db = getDb();
  const docs = await db.select().from(ingestedDocuments).orderBy(desc(ingestedDocuments.uploadedAt));
  const proposals = await db.select({ documentId: ingestProposals.documentId, state: ingestProposals.state }).from(ingestProposals);
  return docs.map((doc) => {
    const mine = proposals.filter((p) => p.documentId === doc.id);
    return {
      id: doc.id,
      symbol: doc.symbol,
      lang: doc.lang,
      year: doc.year,
      filename: doc.filename,
      uploadedAt: doc.uploadedAt,
      pending: mine.filter((p) => p.state === "pending").length,
      total: mine.length,
    };
  });
}

export type ReviewProposal = {
  id: number;
  state: "pending" | "accepted" | "rejected";
  reason: string | null;
  milestoneId: number | null;
  proposal: Proposal;
};

export type ReviewGroup = { key: string; slug: string | null; name: string; proposals: ReviewProposal[] };

/** A document with its proposals grouped by workstream (existing by slug, proposed by name), in reading order. */
export async function getReviewQueue(documentId: number) {
  const db = getDb();
  const document = (await db.select().from(ingestedDocuments).where(eq(ingestedDocuments.id, documentId)).limit(1))[0];
  if (!document) return null;
  const rows = await db.select().from(ingestProposals).where(eq(ingestProposals.documentId, documentId)).orderBy(asc(ingestProposals.position));
  const names = new Map(
    (await db.select({ slug: workstreams.slug, nameEn: workstreams.nameEn, nameZh: workstreams.nameZh }).from(workstreams)).map((w) => [w.slug, w]),
  );
  const groups = new Map<string, ReviewGroup>();
  for (const row of rows) {
    const proposal = row.payload as unknown as Proposal;
    const key = proposal.workstream ?? proposal.proposedWorkstream?.key ?? "none";
    let group = groups.get(key);
    if (!group) {
      const ws = proposal.workstream ? names.get(proposal.workstream) : undefined;
      group = {
        key,
        slug: proposal.workstream,
        name: ws ? (document.lang === "zh" ? ws.nameZh || ws.nameEn : ws.nameEn) : (proposal.proposedWorkstream?.name ?? key),
        proposals: [],
      };
      groups.set(key, group);
    }
    group.proposals.push({ id: row.id, state: row.state, reason: row.reason, milestoneId: row.milestoneId, proposal });
  }
  return {
    document: { id: document.id, symbol: document.symbol, lang: document.lang, year: document.year, filename: document.filename },
    paragraphs: Object.fromEntries(document.paragraphs.map((p) => [p.number, p.text])) as Record<number, string>,
    groups: [...groups.values()],
  };
}

export type ReviewQueue = NonNullable<Awaited<ReturnType<typeof getReviewQueue>>>;
