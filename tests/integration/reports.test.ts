import ExcelJS from "exceljs";
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getReport } from "@/app/api/reports/[year]/route";
import { GET as getTimeline } from "@/app/api/reports/timeline/route";
import { todayIso } from "@/lib/domain/partial-date";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import { REPORT_ROW_COLUMNS } from "@/lib/reports/report-data";
import { buildReportData } from "@/lib/reports/report-data";
import { rowsOf, runSql, setupTestDatabase } from "../setup/test-database";
import { makeUser } from "../setup/users";

setupTestDatabase();

/** Exports need a viewer at least: every call below sends a viewer's read-only token. */
let viewerAuth: Record<string, string> = {};
beforeAll(async () => {
  const viewer = await makeUser("viewer");
  viewerAuth = { authorization: `Bearer ${viewer.readToken}` };
});

type DbMilestone = {
  id: number;
  workstream_id: number;
  slug: string;
  name_en: string;
  name_zh: string;
  title_en: string;
  title_zh: string;
  status: MilestoneStatus;
  period_end: string;
  year: number;
  date: string;
};

/** Every milestone still in the tracker, read with plain SQL (not the report's queries). */
function dbMilestones(): Promise<DbMilestone[]> {
  return rowsOf<DbMilestone>(
    sql`select m.id, m.workstream_id, w.slug, w.name_en, w.name_zh, m.title_en, m.title_zh, m.status, m.period_end, m.year, m.date
          from milestones m join workstreams w on w.id = m.workstream_id
         where m.removed_at is null
         order by m.id`,
  );
}

/** The rule, written out again here: the date's period has passed and it is still open (ongoing work never is). */
const isOverdueHere = (m: DbMilestone, today: string) => m.period_end < today && m.status !== "completed" && m.status !== "cancelled" && m.status !== "ongoing";

async function expectedTotals(year: number, today: string, only?: (m: DbMilestone) => boolean) {
  const rows = (await dbMilestones()).filter((m) => m.year === year && (!only || only(m)));
  const counts = Object.fromEntries(MILESTONE_STATUSES.map((status) => [status, rows.filter((m) => m.status === status).length])) as Record<
    MilestoneStatus,
    number
  >;
  return { counts, overdue: rows.filter((m) => isOverdueHere(m, today)).length, total: rows.length };
}

const call = async (path: string) => {
  const url = new URL(`http://localhost${path}`);
  const year = url.pathname.split("/").pop()!;
  return getReport(new Request(url, { headers: viewerAuth }), { params: Promise.resolve({ year }) } as never);
};

const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

async function pdfText(buffer: Buffer): Promise<{ pages: number; text: string; pageTexts: string[] }> {
  const document = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false, useSystemFonts: false }).promise;
  const pageTexts: string[] = [];
  for (let i = 1; i <= document.numPages; i++) {
    const content = await (await document.getPage(i)).getTextContent();
    pageTexts.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  return { pages: document.numPages, text: pageTexts.join("\n"), pageTexts };
}

/** Whitespace differs where lines wrap; compare without it. */
const squash = (text: string) => text.replace(/\s+/g, "");

/** RFC 4180 CSV into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

// A fixture year with every status: the seed only has completed, in progress and planned.
const REASON = "Postponed until the JIU review is issued";
let fixture: { delayed: number; atRisk: number; cancelled: number; removed: number; planned: number };

beforeAll(async () => {
  const ids = (await rowsOf<{ id: number }>(sql`select id from milestones where year = 2021 and status = 'in_progress' order by id limit 3`)).map(
    (row) => row.id,
  );
  const [{ id: removed }] = (await rowsOf<{ id: number }>(sql`select id from milestones where year = 2021 and status = 'completed' order by id limit 1`)) as [
    { id: number },
  ];
  const [delayed, atRisk, cancelled] = ids as [number, number, number];
  const change = async (id: number, to: MilestoneStatus, note: string | null) => {
    await runSql(sql`update milestones set status = ${to} where id = ${id}`);
    await runSql(sql`insert into status_history (milestone_id, from_status, to_status, actor, note) values (${id}, 'in_progress', ${to}, 'test', ${note})`);
  };
  await change(delayed, "delayed", REASON);
  await change(atRisk, "at_risk", null);
  await change(cancelled, "cancelled", "No longer needed");
  await runSql(sql`update milestones set removed_at = '2026-01-01T00:00:00Z' where id = ${removed}`);
  // A month-precision milestone still planned: overdue once March 2021 is over, not before.
  const [{ id: workstreamId }] = (await rowsOf<{ id: number }>(sql`select id from workstreams where slug = 'data-cube'`)) as [{ id: number }];
  const [{ id: planned }] = (await rowsOf<{ id: number }>(
    sql`insert into milestones (workstream_id, title_en, title_zh, date, date_precision, period_start, period_end, year, status)
        values (${workstreamId}, 'Fixture: data cube pilot review', '测试：数据立方体试点审查', '2021-03', 'month', '2021-03-01', '2021-03-31', 2021, 'planned')
        returning id`,
  )) as [{ id: number }];
  fixture = { delayed, atRisk, cancelled, removed, planned };
});

describe("report data", () => {
  it("counts the year by status and workstream as the database does, overdue included", async () => {
    // A day inside the year, so that some open milestones are overdue and others not yet.
    const today = "2021-07-01";
    const data = await buildReportData(2021, { lang: "en" }, today);
    const expected = await expectedTotals(2021, today);
    expect(data.totals).toEqual(expected);
    expect(expected.counts.delayed).toBe(1);
    expect(expected.counts.planned).toBe(1);
    expect(expected.overdue).toBeGreaterThan(0);
    expect(data.rows.find((row) => row.milestoneId === fixture.planned)).toMatchObject({ overdue: true, dateLabel: "March 2021" });
    // The day before the month ends it is not overdue yet.
    expect((await buildReportData(2021, { lang: "en" }, "2021-03-31")).rows.find((row) => row.milestoneId === fixture.planned)?.overdue).toBe(false);
    expect(expected.overdue).toBeLessThan(expected.total - expected.counts.completed - expected.counts.cancelled);
    expect(data.previous).toEqual({ year: 2020, ...(await expectedTotals(2020, today)) });
    for (const section of data.workstreams) {
      expect(section.totals, section.slug).toEqual(await expectedTotals(2021, today, (m) => m.slug === section.slug));
    }
    expect(data.rows).toHaveLength(expected.total);
    expect(data.rows.some((row) => row.milestoneId === fixture.removed)).toBe(false);
  });

  it("cites why a milestone slipped, from its status history", async () => {
    const data = await buildReportData(2021, { lang: "en" }, todayIso());
    const slipped = data.workstreams.flatMap((section) => section.groups.slipped);
    expect(slipped.find((row) => row.milestoneId === fixture.delayed)?.reason).toBe(REASON);
    expect(slipped.find((row) => row.milestoneId === fixture.atRisk)?.reason).toBeNull();
    expect(data.workstreams.flatMap((section) => section.groups.cancelled).map((row) => row.milestoneId)).toEqual([fixture.cancelled]);
  });

  it("limits the report to the chosen workstreams and statuses", async () => {
    const data = await buildReportData(2021, { lang: "en", workstream: ["data-cube"], status: ["in_progress", "completed"] }, todayIso());
    expect(data.workstreams.map((section) => section.slug)).toEqual(["data-cube"]);
    expect(new Set(data.rows.map((row) => row.status))).toEqual(new Set(["in_progress", "completed"].filter((s) => data.rows.some((row) => row.status === s))));
    expect(data.totals).toEqual(
      await expectedTotals(2021, todayIso(), (m) => m.slug === "data-cube" && (m.status === "in_progress" || m.status === "completed")),
    );
  });
});

describe("GET /api/reports/{year}", () => {
  it("PDF: an A4 document whose text has every workstream's heading, a milestone title, contents and page numbers", async () => {
    const response = await call("/api/reports/2021?format=pdf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain('filename="ceb-progress-2021-en.pdf"');
    const buffer = await bytes(response);
    expect(buffer.subarray(0, 5).toString()).toBe("%PDF-");
    const { pages, text, pageTexts } = await pdfText(buffer);
    const flat = squash(text);
    const streams = [...new Map((await dbMilestones()).filter((m) => m.year === 2021).map((m) => [m.slug, m])).values()];
    for (const stream of streams) expect(flat, stream.name_en).toContain(squash(stream.name_en));
    const delayed = (await dbMilestones()).find((m) => m.id === fixture.delayed)!;
    expect(flat).toContain(squash(delayed.title_en));
    expect(flat).toContain(squash(REASON));
    expect(pageTexts[0]).toContain("Contents");
    expect(squash(pageTexts[pages - 1]!)).toContain(squash(`Page ${pages} of ${pages}`));
    expect(flat).toContain("Milestonesof2021");
    // Month-precision dates print as the month, never as its first day.
    expect(text).not.toMatch(/\b1 October 2021\b/);
  });

  it("PDF in Chinese: the Chinese names and titles come out as text (embedded CJK font)", async () => {
    const response = await call("/api/reports/2021?format=pdf&lang=zh");
    expect(response.headers.get("content-disposition")).toContain('filename="ceb-progress-2021-zh.pdf"');
    const { text } = await pdfText(await bytes(response));
    const flat = squash(text);
    const rows = (await dbMilestones()).filter((m) => m.year === 2021);
    for (const stream of new Set(rows.map((m) => m.name_zh))) expect(flat).toContain(squash(stream));
    expect(flat).toContain(squash(rows[0]!.title_zh));
    expect(flat).toContain("目录");
  });

  it("Word: real headings for each workstream, tables and chart images", async () => {
    const response = await call("/api/reports/2021?format=docx");
    expect(response.headers.get("content-type")).toContain("wordprocessingml");
    const zip = await JSZip.loadAsync(await bytes(response));
    const xml = await zip.file("word/document.xml")!.async("string");
    const headings = [...xml.matchAll(/<w:p><w:pPr><w:pStyle w:val="Heading([12])"\/>.*?<\/w:p>/g)].map((match) => ({
      level: Number(match[1]),
      text: [...match[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
    }));
    expect(headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(["I.\tOverview", "II.\tProgress by workstream", "Annex\tMilestones of 2021"]);
    const decode = (text: string) =>
      text
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&");
    const level2 = headings.filter((h) => h.level === 2).map((h) => decode(h.text));
    const streams = [...new Set((await dbMilestones()).filter((m) => m.year === 2021).map((m) => m.name_en))];
    expect(level2).toHaveLength(streams.length);
    for (const name of streams) expect(level2.some((heading) => heading.endsWith(name))).toBe(true);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(2);
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(2);
    const images = Object.keys(zip.files).filter((name) => name.startsWith("word/media/"));
    expect(images.length).toBeGreaterThanOrEqual(2);
    const png = await zip.file(images[0]!)!.async("nodebuffer");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    // The annex lists every milestone: one table row each, under a heading row per workstream.
    const annex = xml.slice(xml.lastIndexOf("<w:tbl>"));
    const groupRows = (annex.match(/<w:gridSpan /g) ?? []).length;
    expect(groupRows).toBe(streams.length);
    expect((annex.match(/<w:tr>/g) ?? []).length).toBe((await expectedTotals(2021, todayIso())).total + groupRows + 1);
  });

  it("Excel: a typed row per milestone and a summary whose totals agree with the database", async () => {
    const response = await call("/api/reports/2021?format=xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(response)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Milestones")!;
    const expected = await expectedTotals(2021, todayIso());
    expect(sheet.rowCount).toBe(expected.total + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const db = new Map((await dbMilestones()).map((m) => [m.id, m]));
    let overdue = 0;
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const id = row.getCell(col("Milestone id")).value as number;
      const m = db.get(id)!;
      const date = row.getCell(col("Date"));
      expect(date.value).toBeInstanceOf(Date);
      expect((date.value as Date).getUTCFullYear()).toBe(2021);
      expect(date.numFmt).toBe({ 4: "yyyy", 7: "mmmm yyyy", 10: "d mmmm yyyy" }[m.date.length]);
      expect(row.getCell(col("Status code")).value).toBe(m.status);
      expect(typeof row.getCell(col("Overdue")).value).toBe("boolean");
      if (row.getCell(col("Overdue")).value) overdue++;
    }
    expect(overdue).toBe(expected.overdue);
    const summary = workbook.getWorksheet("Summary")!;
    const totalRow = summary.getRow(summary.rowCount - 1);
    const summaryHeader = (summary.getRow(1).values as unknown[]).slice(1);
    const totalCell = totalRow.getCell(summaryHeader.indexOf("Total") + 1).value as { formula: string; result: number };
    expect(totalCell.formula).toMatch(/^SUM\(/);
    expect(totalCell.result).toBe(expected.total);
    expect((totalRow.getCell(summaryHeader.indexOf("Delayed") + 1).value as { result: number }).result).toBe(expected.counts.delayed);
  });

  it("CSV and JSON carry the same rows, and they agree with the database", async () => {
    const csvResponse = await call("/api/reports/2021?format=csv");
    expect(csvResponse.headers.get("content-type")).toContain("text/csv");
    const csv = (await bytes(csvResponse)).toString("utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual([...REPORT_ROW_COLUMNS]);
    const json = (await (await call("/api/reports/2021?format=json")).json()) as { rows: Record<string, unknown>[]; overview: { totals: unknown } };
    expect(rows).toHaveLength(json.rows.length);
    const db = new Map((await dbMilestones()).map((m) => [m.id, m]));
    const today = todayIso();
    rows.forEach((fields, index) => {
      const record = Object.fromEntries(header!.map((name, i) => [name, fields[i]]));
      const fromJson = json.rows[index]!;
      expect(record.milestoneId).toBe(String(fromJson.milestoneId));
      expect(record.title).toBe(fromJson.title);
      expect(record.status).toBe(fromJson.status);
      expect(record.overdue).toBe(String(fromJson.overdue));
      const m = db.get(Number(record.milestoneId))!;
      expect(m.year).toBe(2021);
      expect(record.title).toBe(m.title_en);
      expect(record.status).toBe(m.status);
      expect(record.date).toBe(m.date);
      expect(record.overdue).toBe(String(isOverdueHere(m, today)));
    });
    expect(new Set(rows.map((fields) => Number(fields[header!.indexOf("milestoneId")])))).toEqual(
      new Set((await dbMilestones()).filter((m) => m.year === 2021).map((m) => m.id)),
    );
    expect(json.overview.totals).toEqual(await expectedTotals(2021, today));
  });

  it.each([
    ["/api/reports/20x1?format=pdf", 400, "year"],
    ["/api/reports/1999?format=pdf", 404, "year"],
    ["/api/reports/2021?format=doc", 400, "format"],
    ["/api/reports/2021?lang=de", 400, "lang"],
    ["/api/reports/2021?workstream=no-such-workstream", 400, "workstream"],
    ["/api/reports/2021?status=finished", 400, "status"],
    ["/api/reports/2021?yaer=2021", 400, "yaer"],
  ])("refuses %s with a problem naming the parameter", async (path, status, name) => {
    const response = await call(path);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const body = await response.json();
    expect(body.status).toBe(status);
    expect(body["invalid-params"].map((param: { name: string }) => param.name)).toContain(name);
  });
});

describe("ongoing work, evidence notes and also-cited paragraphs in every export", () => {
  const seedKey = async (key: string) => (await rowsOf<{ id: number }>(sql`SELECT id FROM milestones WHERE seed_key = ${key}`))[0]!;

  it("lists ongoing work apart, never overdue, and leaves it out of what falls due", async () => {
    const today = "2026-12-05";
    const data = await buildReportData(2021, { lang: "en" }, today);
    const ongoing = data.rows.filter((row) => row.status === "ongoing");
    expect(ongoing.length).toBeGreaterThan(10);
    expect(ongoing.every((row) => !row.overdue && row.statusLabel === "Ongoing")).toBe(true);
    const grouped = data.workstreams.flatMap((section) => section.groups.ongoing).map((row) => row.milestoneId);
    expect(new Set(grouped)).toEqual(new Set(ongoing.map((row) => row.milestoneId)));
    // The year's curve counts what fell due: neither cancelled nor ongoing milestones.
    const due = data.months.reduce((sum, point) => sum + point.due, 0);
    expect(due).toBe(data.rows.filter((row) => row.status !== "cancelled" && row.status !== "ongoing").length);
  });

  it("CSV, JSON and Excel carry the note on footnote 10's symbol and the paragraph that dates HLCP-42", async () => {
    const phase2 = (await seedKey("phase-2-leadership")).id;
    const roadmap = (await seedKey("hlcp-42-roadmap-update")).id;
    const json = (await (await call("/api/reports/2021?format=json")).json()) as { rows: Record<string, unknown>[] };
    const note = json.rows.find((row) => row.milestoneId === phase2)!.evidenceNotes as string[];
    expect(note).toHaveLength(1);
    expect(note[0]).toMatch(/^Note on CEB\/2021\/1\/Add\.1: .*footnote 6/);
    const roadmapRow = json.rows.find((row) => row.milestoneId === roadmap)!;
    expect(roadmapRow).toMatchObject({ alsoParagraphs: [35], source: "E/2022/13, para. 40; see also para. 35", date: "2021-10" });

    const csv = (await bytes(await call("/api/reports/2021?format=csv"))).toString("utf8").slice(1);
    const [header, ...rows] = parseCsv(csv);
    const record = (id: number) => Object.fromEntries(header!.map((name, i) => [name, rows.find((r) => r[header!.indexOf("milestoneId")] === String(id))![i]]));
    expect(record(phase2).evidenceNotes).toContain("footnote 6");
    expect(record(roadmap).alsoParagraphs).toBe("35");
    expect(rows.some((r) => r[header!.indexOf("status")] === "ongoing")).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(await call("/api/reports/2021?format=xlsx"))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Milestones")!;
    const names = (sheet.getRow(1).values as unknown[]).slice(1);
    const notes: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) notes.push(String(row.getCell(names.indexOf("Notes on evidence") + 1).value ?? ""));
    });
    expect(notes.some((text) => text.includes("footnote 6"))).toBe(true);
    const summaryHeader = (workbook.getWorksheet("Summary")!.getRow(1).values as unknown[]).slice(1);
    expect(summaryHeader).toContain("Ongoing");
  }, 30_000);

  it("the PDF (here in Chinese) prints the note, the also-cited paragraph and the ongoing group", async () => {
    const zh = squash((await pdfText(await bytes(await call("/api/reports/2021?format=pdf&lang=zh")))).text);
    expect(zh).toContain(squash("关于 CEB/2021/1/Add.1 的说明"));
    expect(zh).toContain(squash("另见第 35 段"));
    expect(zh).toContain(squash("持续进行：经常性工作"));
  }, 30_000);
});

describe("GET /api/reports/timeline", () => {
  it("draws the filtered timeline as a PNG and as a PDF", async () => {
    const png = await bytes(
      await getTimeline(new Request("http://localhost/api/reports/timeline?format=png&year=2021&body=HLCP", { headers: viewerAuth }), undefined as never),
    );
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(2400);
    const pdfResponse = await getTimeline(
      new Request("http://localhost/api/reports/timeline?format=pdf&year=2021", { headers: viewerAuth }),
      undefined as never,
    );
    expect(pdfResponse.headers.get("content-disposition")).toContain("ceb-timeline-2021.pdf");
    const { text } = await pdfText(await bytes(pdfResponse));
    expect(text).toContain("Timeline of workstream milestones");
    expect(squash(text)).toContain(squash((await dbMilestones()).find((m) => m.year === 2021)!.name_en).slice(0, 20));
  });
});

describe("content translations in exports", () => {
  it("a French export uses the stored French title and name, and English where none is stored", async () => {
    const [translated, untranslated] = (await dbMilestones()).filter((m) => m.year === 2021);
    await runSql(
      sql`insert into milestone_translations (milestone_id, locale, title, updated_by) values (${translated!.id}, 'fr', ${"Titre traduit pour l'essai"}, 'test')`,
    );
    await runSql(
      sql`insert into workstream_translations (workstream_id, locale, name, summary) values (${translated!.workstream_id}, 'fr', ${"Axe de travail traduit"}, null)`,
    );
    try {
      type Export = { rows: { title: string; workstream: string }[] };
      const list = ((await (await call("/api/reports/2021?format=json&lang=fr")).json()) as Export).rows;
      expect(list.some((row) => row.title === "Titre traduit pour l'essai" && row.workstream === "Axe de travail traduit")).toBe(true);
      expect(list.some((row) => row.title === untranslated!.title_en)).toBe(true);
      // Spanish has no stored translation of that milestone: English stands in.
      const spanishList = ((await (await call("/api/reports/2021?format=json&lang=es")).json()) as Export).rows;
      expect(spanishList.some((row) => row.title === translated!.title_en)).toBe(true);

      const timeline = await getTimeline(
        new Request(`http://localhost/api/reports/timeline?format=pdf&year=2021&lang=fr`, { headers: viewerAuth }),
        undefined as never,
      );
      expect(timeline.headers.get("content-disposition")).toContain("-fr.pdf");
      expect(squash((await pdfText(await bytes(timeline))).text)).toContain(squash("Axe de travail traduit"));
    } finally {
      await runSql(sql`delete from milestone_translations where milestone_id = ${translated!.id}`);
      await runSql(sql`delete from workstream_translations where workstream_id = ${translated!.workstream_id}`);
    }
  });
});

describe("who may export", () => {
  it("needs an account even when reading is public", async () => {
    process.env.PUBLIC_READ = "1";
    try {
      const anonymous = await getReport(new Request("http://localhost/api/reports/2021?format=csv"), {
        params: Promise.resolve({ year: "2021" }),
      } as never);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
      const timeline = await getTimeline(new Request("http://localhost/api/reports/timeline?format=png"), undefined as never);
      expect(timeline.status).toBe(401);
    } finally {
      delete process.env.PUBLIC_READ;
    }
  });

  it("lets a viewer's read-only token export", async () => {
    expect((await call("/api/reports/2021?format=csv")).status).toBe(200);
  });
});
