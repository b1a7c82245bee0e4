import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { runInTransaction, type Transaction } from "@/db/transaction";
import { bodies, ingestedDocuments, ingestProposals, workstreams } from "@/db/schema";
import { type Actor, canEditWorkstream, requireRole } from "@/lib/auth/permissions";
import { insertMilestone, updateMilestone } from "@/lib/commands/milestones";
import { insertWorkstream } from "@/lib/commands/workstreams";
import { invalidateReads } from "@/lib/queries/cache";
import { AppError } from "@/lib/errors";
import { ingestText, type Proposal } from "@/lib/ingest";
import { extractText, formatOf } from "@/lib/ingest/extract";
import { ENTITIES } from "@/lib/ingest/lexicon";
import { decidedProposalKeys, trackedWorkstreams } from "@/lib/queries/ingest";
import { getMilestoneState } from "@/lib/queries/milestone-state";
import { invalidParam } from "@/lib/validation/english-reasons";
import { ingestUploadSchema, proposalDecisionSchema } from "@/lib/validation/ingest";
import { milestoneCreateSchema } from "@/lib/validation/milestones";
import { parseInput } from "@/lib/validation/parse-or-throw";
import { workstreamCreateSchema } from "@/lib/validation/workstreams";

const actorLabel = (actor: Actor) => `${actor.name} <${actor.email}>`;

/** Where a proposal comes from, as the history cites it: "E/2023/50, para. 12, footnote 3". */
export function citation(symbol: string, proposal: Pick<Proposal, "paragraph" | "footnote">): string {
  if (proposal.paragraph === null) return symbol;
  return `${symbol}, para. ${proposal.paragraph}${proposal.footnote ? `, footnote ${proposal.footnote}` : ""}`;
}

/**
 * Reads an uploaded report and stores its proposals for review; changes nothing else. Editors
 * and admins. Re-ingesting a symbol and language replaces its text and pending proposals, and
 * never proposes again what a person already decided.
 */
export async function ingestDocument(actor: Actor | null, file: { name: string; bytes: Uint8Array }, input: unknown) {
  const user = requireRole(actor, "editor");
  const data = parseInput(ingestUploadSchema, { ...(input as object), filename: file.name });
  const format = formatOf(file.name);
  if (!format) throw new AppError("unprocessable", "Send a .pdf, .docx or .txt file.", [invalidParam("file", "unreadableFile")]);
  const text = await extractText(file.bytes, format);
  const { read, proposals } = ingestText(text, await trackedWorkstreams(), { symbol: data.symbol, lang: data.lang, year: data.year });
  if (!read.paragraphs.length) {
    throw new AppError("unprocessable", "No numbered paragraphs were found in the file.", [invalidParam("file", "unreadableFile")]);
  }
  const decided = await decidedProposalKeys();

  return await runInTransaction(async (tx) => {
    const values = {
      symbol: data.symbol,
      lang: data.lang,
      year: data.year,
      filename: data.filename,
      format,
      paragraphs: read.paragraphs.map((p) => ({ number: p.number, text: p.text, headings: p.headings })),
      footnotes: [...read.footnotes].map(([number, footnoteText]) => ({ number, text: footnoteText })),
      uploadedBy: actorLabel(user),
      uploadedAt: new Date().toISOString(),
    };
    const document = (
      await tx
        .insert(ingestedDocuments)
        .values(values)
        .onConflictDoUpdate({ target: [ingestedDocuments.symbol, ingestedDocuments.lang], set: values })
        .returning({ id: ingestedDocuments.id })
    )[0]!;
    await tx.delete(ingestProposals).where(and(eq(ingestProposals.documentId, document.id), eq(ingestProposals.state, "pending")));
    const kept = new Set(
      (await tx.select({ key: ingestProposals.key }).from(ingestProposals).where(eq(ingestProposals.documentId, document.id))).map((r) => r.key),
    );
    let added = 0;
    for (const [position, proposal] of proposals.entries()) {
      if (decided.has(proposal.key) || kept.has(proposal.key)) continue;
      kept.add(proposal.key);
      await tx.insert(ingestProposals).values({
        documentId: document.id,
        key: proposal.key,
        kind: proposal.kind,
        workstreamSlug: proposal.workstream,
        proposedWorkstreamKey: proposal.proposedWorkstream?.key ?? null,
        paragraph: proposal.paragraph,
        payload: proposal as unknown as Record<string, unknown>,
        position,
      });
      added++;
    }
    return { documentId: document.id, paragraphs: read.paragraphs.length, proposals: added, skippedAsDecided: proposals.length - added };
  });
}

/** Adds a body the reading named (and the bodies above it) when the tracker does not hold it yet. */
async function ensureBody(tx: Transaction, code: string): Promise<void> {
  if ((await tx.select({ code: bodies.code }).from(bodies).where(eq(bodies.code, code)).limit(1))[0]) return;
  const entity = ENTITIES.find((e) => e.code === code && e.body);
  if (!entity) throw new AppError("unprocessable", `Unknown body "${code}".`, [invalidParam("bodyCode", "bodyCode")]);
  if (entity.parent) await ensureBody(tx, entity.parent);
  const shortNameEn = /^[A-Z-]+$/.test(entity.code) && entity.code.length <= 6 ? entity.code : entity.nameEn;
  await tx.insert(bodies).values({ code, shortNameEn, nameEn: entity.nameEn, nameZh: entity.nameZh, parentCode: entity.parent });
}

type Decided = { id: number; milestoneId?: number; workstream?: string };
type Row = typeof ingestProposals.$inferSelect;
type Edits = NonNullable<Extract<ReturnType<typeof proposalDecisionSchema.parse>, { decision: "accept" }>["edits"]>;

/** A new workstream may come from a report only for those who may edit every workstream. */
function requireWorkstreamCreator(user: Actor): void {
  if (user.role === "admin" || user.allWorkstreams) return;
  throw new AppError("forbidden", "Only admins and editors of every workstream may add the workstreams a report describes.");
}

function slugFor(symbol: string, paragraph: number): string {
  return `${symbol
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}-para-${paragraph}`;
}

/** Accepts a workstream proposal (once): creates the workstream, returns its slug. */
async function acceptWorkstream(
  tx: Transaction,
  user: Actor,
  documentId: number,
  symbol: string,
  lang: string,
  row: Row,
  edits: Edits | undefined,
): Promise<string> {
  if (row.createdWorkstreamSlug) return row.createdWorkstreamSlug;
  requireWorkstreamCreator(user);
  const proposal = row.payload as unknown as Proposal;
  const group = proposal.proposedWorkstream!;
  await ensureBody(tx, group.bodyCode);
  const name = group.name;
  const data = parseInput(workstreamCreateSchema, {
    slug: slugFor(symbol, group.paragraphs[0] ?? row.paragraph ?? 0),
    nameEn: edits?.nameEn ?? name,
    nameZh: edits?.nameZh ?? (lang === "zh" ? name : ""),
    bodyCode: group.bodyCode,
    leads: [],
    summaryEn: `Proposed from ${symbol}, paragraphs ${group.paragraphs.join(", ")}.`,
    summaryZh: lang === "zh" ? `根据 ${symbol} 第 ${group.paragraphs.join("、")} 段提议。` : "",
    paragraphs: group.paragraphs,
  });
  const created = await insertWorkstream(tx, data);
  await markAccepted(tx, user, row.id, { createdWorkstreamSlug: created.slug });
  return created.slug;
}

async function markAccepted(tx: Transaction, user: Actor, id: number, extra: { milestoneId?: number; createdWorkstreamSlug?: string }): Promise<void> {
  await tx
    .update(ingestProposals)
    .set({ state: "accepted", decidedBy: actorLabel(user), decidedAt: new Date().toISOString(), ...extra })
    .where(eq(ingestProposals.id, id));
}

/**
 * Accepts proposals (workstreams first, then milestones, status changes and silent
 * commitments, in reading order), writing each through the workstream and milestone commands
 * with history citing the document and paragraph. `edits` apply when one proposal is accepted.
 */
export async function decideProposals(actor: Actor | null, documentId: number, input: unknown): Promise<{ decided: Decided[] }> {
  const user = requireRole(actor, "editor");
  const data = parseInput(proposalDecisionSchema, input);
  const db = getDb();
  const document = (await db.select().from(ingestedDocuments).where(eq(ingestedDocuments.id, documentId)).limit(1))[0];
  if (!document) throw new AppError("not_found", `No ingested document with id ${documentId}.`);
  const rows = await db
    .select()
    .from(ingestProposals)
    .where(and(eq(ingestProposals.documentId, documentId), inArray(ingestProposals.id, data.ids)));
  const missing = data.ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length)
    throw new AppError("not_found", `No proposals ${missing.join(", ")} in this document.`, [invalidParam("ids", "unknownIds", { ids: missing.join(", ") })]);
  const decidedAlready = rows.filter((r) => r.state !== "pending");
  if (decidedAlready.length) {
    throw new AppError("conflict", `Proposals ${decidedAlready.map((r) => r.id).join(", ")} have already been decided.`, [
      invalidParam("ids", "proposalDecided"),
    ]);
  }

  if (data.decision === "reject") {
    await runInTransaction(async (tx) => {
      await tx
        .update(ingestProposals)
        .set({ state: "rejected", reason: data.reason, decidedBy: actorLabel(user), decidedAt: new Date().toISOString() })
        .where(inArray(ingestProposals.id, data.ids));
    });
    return { decided: data.ids.map((id) => ({ id })) };
  }
  if (data.edits && data.ids.length !== 1)
    throw new AppError("unprocessable", "Edits apply to one proposal at a time.", [invalidParam("edits", "editsNeedOne")]);

  const order = { workstream: 0, milestone: 1, "status-change": 2, "silent-commitment": 3 } as const;
  const sorted = [...rows].sort((a, b) => order[a.kind] - order[b.kind] || a.position - b.position);
  const decided: Decided[] = [];
  for (const row of sorted) {
    const proposal = row.payload as unknown as Proposal;
    const cite = citation(document.symbol, proposal);
    if (row.kind === "workstream") {
      const slug = await runInTransaction(async (tx) => acceptWorkstream(tx, user, documentId, document.symbol, document.lang, row, data.edits));
      decided.push({ id: row.id, workstream: slug });
    } else if (row.kind === "milestone") {
      decided.push(await acceptMilestone(user, document, row, proposal, cite, data.edits));
    } else {
      // Status changes and silent commitments change a tracked milestone through updateMilestone.
      const current = await getMilestoneState(proposal.milestoneId!);
      if (!current || current.removedAt) throw new AppError("not_found", `Milestone ${proposal.milestoneId} is no longer tracked.`);
      const status = row.kind === "status-change" ? (data.edits?.status ?? proposal.status!) : undefined;
      const note = row.kind === "status-change" ? `${cite}: «${proposal.quote}»` : `Not mentioned in ${document.symbol}; checked when reviewing the report.`;
      await updateMilestone(user, current.id, {
        version: current.version,
        ...(status && status !== current.status && { status }),
        ...(status === "completed" && { completedOn: data.edits?.date ?? proposal.date }),
        note,
        ...(row.kind === "status-change" && { evidence: [document.symbol] }),
      });
      await runInTransaction(async (tx) => markAccepted(tx, user, row.id, { milestoneId: current.id }));
      decided.push({ id: row.id, milestoneId: current.id });
    }
  }
  // Workstreams and milestones were inserted inside this command's own transactions.
  invalidateReads("workstreams", "milestones", "translations");
  return { decided };
}

async function acceptMilestone(
  user: Actor,
  document: typeof ingestedDocuments.$inferSelect,
  row: Row,
  proposal: Proposal,
  cite: string,
  edits: Edits | undefined,
): Promise<Decided> {
  return await runInTransaction(async (tx) => {
    let slug = edits?.workstream ?? proposal.workstream;
    if (!slug) {
      const parent = (
        await tx
          .select()
          .from(ingestProposals)
          .where(
            and(
              eq(ingestProposals.documentId, document.id),
              eq(ingestProposals.kind, "workstream"),
              eq(ingestProposals.proposedWorkstreamKey, proposal.proposedWorkstream!.key),
            ),
          )
          .limit(1)
      )[0];
      if (!parent) throw new AppError("unprocessable", "The proposed workstream of this milestone is missing; accept it onto an existing workstream.");
      if (parent.state === "rejected")
        throw new AppError("conflict", "Its proposed workstream was rejected; accept it onto an existing workstream.", [
          invalidParam("ids", "proposalDecided"),
        ]);
      slug = await acceptWorkstream(tx, user, document.id, document.symbol, document.lang, parent, undefined);
    }
    const workstream = (await tx.select({ id: workstreams.id }).from(workstreams).where(eq(workstreams.slug, slug)).limit(1))[0];
    if (!workstream) throw new AppError("not_found", `No workstream with slug "${slug}".`);
    if (!(await canEditWorkstream(user, workstream.id))) throw new AppError("forbidden", "You are not assigned to this workstream.");
    const status = edits?.status ?? proposal.status ?? "planned";
    const date = edits?.date ?? proposal.date!;
    const quote = proposal.quote ?? "";
    const title = quote.length > 300 ? quote.slice(0, 300) : quote;
    const data = parseInput(milestoneCreateSchema(), {
      titleEn: edits?.titleEn ?? title,
      titleZh: edits?.titleZh ?? (document.lang === "zh" ? title : ""),
      date,
      status,
      ...(status === "completed" && { completedOn: date }),
      note: `Recorded from ${cite}.`,
      evidence: [document.symbol],
      sourceParagraph: proposal.paragraph,
      sourceFootnote: proposal.footnote,
      quoteZh: document.lang === "zh" ? quote : null,
    });
    const milestoneId = await insertMilestone(tx, user, workstream.id, data);
    await markAccepted(tx, user, row.id, { milestoneId });
    return { id: row.id, milestoneId, workstream: slug };
  });
}
