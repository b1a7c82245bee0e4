import fs from "node:fs";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { ingestProposals, milestones, statusHistory } from "@/db/schema";
import { decideProposals, ingestDocument } from "@/lib/commands/ingest";
import type { Proposal } from "@/lib/ingest";
import { setupTestDatabase } from "../setup/test-database";
import { makeUser, type TestPrincipal } from "../setup/users";

setupTestDatabase(); // the curated 2021 seed

const fixture = fs.readFileSync(path.resolve("lib/ingest/fixtures/next-edition.zh.txt"));
let editor: TestPrincipal;
let documentId: number;
beforeAll(async () => {
  editor = await makeUser("editor", { allWorkstreams: true });
  documentId = (await ingestDocument(editor.actor, { name: "next.txt", bytes: new Uint8Array(fixture) }, { symbol: "E/2023/99", lang: "zh", year: 2022 }))
    .documentId;
});

const rows = async () => await getDb().select().from(ingestProposals).where(eq(ingestProposals.documentId, documentId)).orderBy(ingestProposals.id);
const lastHistory = async (milestoneId: number) =>
  (await getDb().select().from(statusHistory).where(eq(statusHistory.milestoneId, milestoneId)).orderBy(desc(statusHistory.id)).limit(1))[0]!;

describe("accepting the next edition's proposals on the 2021 tracker", () => {
  it("a status change is written through updateMilestone, its history citing document, paragraph and footnote", async () => {
    const row = (await rows()).find((r) => r.kind === "status-change" && (r.payload as unknown as Proposal).paragraph === 2)!;
    const milestoneId = (row.payload as unknown as Proposal).milestoneId!;
    await decideProposals(editor.actor, documentId, { decision: "accept", ids: [row.id] });
    const milestone = (await getDb().select().from(milestones).where(eq(milestones.id, milestoneId)).limit(1))[0]!;
    expect(milestone).toMatchObject({ status: "completed", completedOn: "2022-05" });
    const entry = await lastHistory(milestoneId);
    expect(entry).toMatchObject({ kind: "status", fromStatus: "planned", toStatus: "completed" });
    expect(entry.note).toMatch(/^E\/2023\/99, para\. 2, footnote 1: «2022 年 5 月/);
  });

  it("a delay, edited before acceptance, keeps the reviewer's status", async () => {
    const row = (await rows()).find((r) => r.kind === "status-change" && (r.payload as unknown as Proposal).status === "delayed")!;
    const milestoneId = (row.payload as unknown as Proposal).milestoneId!;
    await decideProposals(editor.actor, documentId, { decision: "accept", ids: [row.id], edits: { status: "at_risk" } });
    expect((await getDb().select().from(milestones).where(eq(milestones.id, milestoneId)).limit(1))[0]!.status).toBe("at_risk");
  });

  it("a silent commitment, once checked, leaves a note in the milestone's history and its status as it was", async () => {
    const row = (await rows()).find((r) => r.kind === "silent-commitment")!;
    const milestoneId = (row.payload as unknown as Proposal).milestoneId!;
    const before = (await getDb().select().from(milestones).where(eq(milestones.id, milestoneId)).limit(1))[0]!;
    await decideProposals(editor.actor, documentId, { decision: "accept", ids: [row.id] });
    expect((await getDb().select().from(milestones).where(eq(milestones.id, milestoneId)).limit(1))[0]!.status).toBe(before.status);
    expect((await lastHistory(milestoneId)).note).toBe("Not mentioned in E/2023/99; checked when reviewing the report.");
  });

  it("a new milestone lands on the existing workstream the paragraph names", async () => {
    const row = (await rows()).find((r) => r.kind === "milestone" && r.paragraph === 5)!;
    const { decided } = await decideProposals(editor.actor, documentId, { decision: "accept", ids: [row.id] });
    expect(decided[0]).toMatchObject({ workstream: "ai-working-group" });
    const created = (await getDb().select().from(milestones).where(eq(milestones.id, decided[0]!.milestoneId!)).limit(1))[0]!;
    expect(created).toMatchObject({ date: "2022-10", datePrecision: "month", sourceParagraph: 5, status: "completed" });
  });
});
