import fs from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postDecisions } from "@/app/api/ingest/[id]/decisions/route";
import { POST as postIngest } from "@/app/api/ingest/route";
import { getDb } from "@/db";
import { bodies, ingestedDocuments, ingestProposals, milestones, statusHistory, workstreams } from "@/db/schema";
import { reportSeed } from "@/db/seed/report-e-2022-13";
import { SOURCE_TEXT_PATH } from "@/db/seed/source-text";
import { decideProposals, ingestDocument } from "@/lib/commands/ingest";
import { AppError } from "@/lib/errors";
import { countRows, setupTestDatabase } from "../setup/test-database";
import { makeUser, type TestPrincipal } from "../setup/users";

setupTestDatabase({ seed: false });

const text = fs.readFileSync(SOURCE_TEXT_PATH);
const file = { name: "E-2022-13.zh.txt", bytes: new Uint8Array(text) };
const META = { symbol: "E/2022/13", lang: "zh", year: 2021 };

let editor: TestPrincipal;
let viewer: TestPrincipal;
let assignedEditor: TestPrincipal;
beforeAll(async () => {
  editor = await makeUser("editor", { allWorkstreams: true });
  viewer = await makeUser("viewer");
  assignedEditor = await makeUser("editor");
});

const pending = async (documentId: number) =>
  (await getDb().select().from(ingestProposals).where(eq(ingestProposals.documentId, documentId)).orderBy(ingestProposals.id)).filter(
    (p) => p.state === "pending",
  );

describe("reading a report into the review queue", () => {
  it("a viewer cannot upload a report, over the API with problem+json", async () => {
    const form = new FormData();
    form.set("file", new File([text], "E-2022-13.zh.txt"));
    for (const [k, v] of Object.entries(META)) form.set(k, String(v));
    const response = await postIngest(
      new Request("http://localhost/api/ingest", { method: "POST", headers: { authorization: `Bearer ${viewer.token}` }, body: form }),
      undefined as never,
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses a bad symbol with the field named", async () => {
    const form = new FormData();
    form.set("file", new File([text], "E-2022-13.zh.txt"));
    form.set("symbol", "not a symbol");
    form.set("lang", "zh");
    form.set("year", "2021");
    const response = await postIngest(
      new Request("http://localhost/api/ingest", { method: "POST", headers: { authorization: `Bearer ${editor.token}` }, body: form }),
      undefined as never,
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as { "invalid-params": { name: string; code: string }[] };
    expect(body["invalid-params"]).toContainEqual(expect.objectContaining({ name: "symbol", code: "documentSymbol" }));
  });

  it("an editor of every workstream uploads the seed text on an empty tracker, bulk-accepts, and the milestones cite the curated paragraphs", async () => {
    expect(await countRows(workstreams)).toBe(0);
    const result = await ingestDocument(editor.actor, file, META);
    expect(result.paragraphs).toBe(83);
    expect(await countRows(milestones)).toBe(0); // nothing changes without a person

    const [rejected, ...ids] = (await pending(result.documentId)).filter((p) => p.kind === "milestone").map((p) => p.id);
    await decideProposals(editor.actor, result.documentId, { decision: "reject", ids: [rejected!], reason: "Framing, not a milestone" });
    expect((await getDb().select().from(ingestProposals).where(eq(ingestProposals.id, rejected!)).limit(1))[0]).toMatchObject({
      state: "rejected",
      reason: "Framing, not a milestone",
    });
    const { decided } = await decideProposals(editor.actor, result.documentId, { decision: "accept", ids });
    expect(decided).toHaveLength(ids.length);

    const stored = await getDb().select().from(milestones);
    expect(stored).toHaveLength(ids.length);
    const curatedParagraphs = new Set(reportSeed.workstreams.flatMap((ws) => ws.milestones.map((m) => m.paragraph)));
    const citing = stored.filter((m) => m.sourceParagraph !== null && curatedParagraphs.has(m.sourceParagraph));
    expect(citing.length / stored.length).toBeGreaterThanOrEqual(0.8);
    // The workstreams (and the bodies they belong to) came with their milestones.
    expect(await countRows(workstreams)).toBeGreaterThan(10);
    expect((await getDb().select().from(bodies)).map((b) => b.code)).toContain("HLCM");

    const history = await getDb().select().from(statusHistory).where(eq(statusHistory.milestoneId, stored[0]!.id));
    expect(history[0]!.note).toMatch(/^Recorded from E\/2022\/13, para\. \d+/);
    expect(history[0]!.actor).toContain(editor.email);
  });

  it("re-ingesting proposes again neither what was accepted nor what was rejected", async () => {
    const before = await getDb().select().from(ingestProposals);
    const decidedKeys = new Set(before.filter((p) => p.state !== "pending").map((p) => p.key));
    const rejectedKey = before.find((p) => p.state === "rejected")!.key;
    const again = await ingestDocument(editor.actor, file, META);
    const rows = await getDb().select().from(ingestProposals).where(eq(ingestProposals.documentId, again.documentId));
    expect(rows.filter((p) => p.key === rejectedKey)).toHaveLength(1);
    expect(rows.filter((p) => p.state === "pending").some((p) => decidedKeys.has(p.key))).toBe(false);
    // The accepted milestones are now tracked: the same report proposes no new milestone for them.
    const acceptedQuotes = new Set(before.filter((p) => p.state === "accepted" && p.kind === "milestone").map((p) => (p.payload as { quote: string }).quote));
    expect(rows.filter((p) => p.state === "pending" && acceptedQuotes.has((p.payload as { quote: string }).quote))).toEqual([]);
  });

  it("a decided proposal cannot be decided again (409 problem+json)", async () => {
    const target = (await getDb().select().from(ingestProposals)).find((p) => p.state === "rejected")!;
    const response = await postDecisions(
      new Request(`http://localhost/api/ingest/${target.documentId}/decisions`, {
        method: "POST",
        headers: { authorization: `Bearer ${editor.token}`, "content-type": "application/json" },
        body: JSON.stringify({ decision: "accept", ids: [target.id] }),
      }),
      { params: Promise.resolve({ id: String(target.documentId) }) },
    );
    expect(response.status).toBe(409);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("a rejection needs a reason", async () => {
    const small = "1. 本报告介绍 2022 年的主要活动。\n2. 2022 年 3 月，管理问题高级别委员会启动了新的共同采购项目。\n";
    await ingestDocument(editor.actor, { name: "small.txt", bytes: new Uint8Array(Buffer.from(small)) }, { symbol: "E/2023/98", lang: "zh", year: 2022 });
    const target = (await getDb().select().from(ingestProposals)).find((p) => p.state === "pending")!;
    await expect(decideProposals(editor.actor, target.documentId, { decision: "reject", ids: [target.id], reason: " " })).rejects.toThrow(AppError);
  });

  it("stray control bytes in a file are stored as U+FFFD, page feeds as line ends, so every database keeps the text", async () => {
    const dirty = "1. 本报告介绍\u0000 2022 年的主要活动。\f2. 2022 年 3 月，管理问题高级别委员会启动了新的共同采购\u0007项目。\n";
    const result = await ingestDocument(
      editor.actor,
      { name: "dirty.txt", bytes: new Uint8Array(Buffer.from(dirty)) },
      { symbol: "E/2023/97", lang: "zh", year: 2022 },
    );
    const stored = (await getDb().select().from(ingestedDocuments).where(eq(ingestedDocuments.id, result.documentId)).limit(1))[0]!;
    expect(stored.paragraphs.map((p) => p.number)).toEqual([1, 2]);
    expect(stored.paragraphs[0]!.text).toBe("本报告介绍\uFFFD 2022 年的主要活动。");
    expect(stored.paragraphs[1]!.text).toContain("共同采购\uFFFD项目");
  });

  it("a reviewer's edits and reasons refuse control characters with 422 naming the field, and decide nothing", async () => {
    const target = (await getDb().select().from(ingestProposals)).find((p) => p.state === "pending" && p.kind === "milestone")!;
    for (const [input, field] of [
      [{ decision: "accept", ids: [target.id], edits: { titleEn: "New\u0000title" } }, "edits.titleEn"],
      [{ decision: "accept", ids: [target.id], edits: { titleZh: "新\u0001标题" } }, "edits.titleZh"],
      [{ decision: "reject", ids: [target.id], reason: "Not\u0000 in scope" }, "reason"],
    ] as const) {
      const error = await decideProposals(editor.actor, target.documentId, input).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(422);
      expect((error as AppError).invalidParams.map((param) => param.name)).toEqual([field]);
    }
    expect((await getDb().select().from(ingestProposals).where(eq(ingestProposals.id, target.id)).limit(1))[0]!.state).toBe("pending");
    const badName = await ingestDocument(
      editor.actor,
      { name: "report\u0000.txt", bytes: new Uint8Array(Buffer.from("1. 文本。\n")) },
      { symbol: "E/2023/96", lang: "zh", year: 2022 },
    ).catch((caught: unknown) => caught);
    expect((badName as AppError).invalidParams.map((param) => param.name)).toEqual(["filename"]);
  });

  it("a viewer cannot accept, and an editor of assigned workstreams cannot add a workstream from a report", async () => {
    const space =
      "  一. 导言\n1. 本报告介绍 2022 年的主要活动。\n  二. 新的工作\n  外层空间合作\n2. 2022 年 3 月，方案问题高级别委员会启动了外层空间活动机构间合作项目。\n";
    const other = await ingestDocument(
      editor.actor,
      { name: "space.txt", bytes: new Uint8Array(Buffer.from(space)) },
      { symbol: "E/2023/99", lang: "zh", year: 2022 },
    );
    const ws = (await pending(other.documentId)).find((p) => p.kind === "workstream");
    await expect(decideProposals(viewer.actor, other.documentId, { decision: "accept", ids: [ws!.id] })).rejects.toThrow(/editor role/);
    await expect(decideProposals(assignedEditor.actor, other.documentId, { decision: "accept", ids: [ws!.id] })).rejects.toThrow(
      /Only admins and editors of every workstream/,
    );
  });
});
