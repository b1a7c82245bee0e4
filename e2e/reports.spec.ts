import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { reportSeed as reportSeedData } from "../db/seed/report-e-2022-13";
import type { ReportSeed } from "../db/seed/seed-schema";
import { expectNoSeriousAxeViolations, SCREENSHOTS, screenshot } from "./helpers";

const reportSeed: ReportSeed = reportSeedData;
const DOWNLOADS = "e2e/.artifacts/downloads";
const streamsOf = (year: number) => reportSeed.workstreams.filter((stream) => stream.milestones.some((m) => m.date.startsWith(String(year))));
/** /reports opens the latest year in which milestones were completed (not merely the latest with any). */
const latestYear = Math.max(
  ...reportSeed.workstreams.flatMap((stream) =>
    stream.milestones.filter((m) => m.status === "completed").map((m) => Number((m.completedOn ?? m.date).slice(0, 4))),
  ),
);

/** What each format's file starts with, and the least size a real report of 2021 has. */
const FORMATS = {
  pdf: { magic: (b: Buffer) => b.subarray(0, 5).toString() === "%PDF-", minBytes: 50_000 },
  docx: { magic: (b: Buffer) => b.subarray(0, 4).toString("hex") === "504b0304", minBytes: 20_000 },
  xlsx: { magic: (b: Buffer) => b.subarray(0, 4).toString("hex") === "504b0304", minBytes: 10_000 },
  csv: { magic: (b: Buffer) => b.subarray(0, 3).toString("hex") === "efbbbf" && b.subarray(3, 9).toString() === "number", minBytes: 10_000 },
  json: { magic: (b: Buffer) => b.subarray(0, 10).toString() === '{"report":', minBytes: 20_000 },
} as const;

test.describe("yearly report", () => {
  test("/reports opens the latest year with completed milestones, and the year can be changed", async ({ page }) => {
    await page.goto("/reports");
    await expect(page).toHaveURL(new RegExp(`/reports/${latestYear}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(String(latestYear));
    await page.getByRole("navigation", { name: "Report year" }).getByRole("link", { name: "2021", exact: true }).click();
    await expect(page).toHaveURL(/\/reports\/2021$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Progress of the inter-agency workstreams of the CEB in 2021");
    const report = page.getByTestId("report");
    // One numbered section per workstream with milestones that year, in the report's order.
    // The page shows a page of workstream sections at a time (the downloads keep them all):
    // walking the pages finds every workstream once, and the annex rows of each page add up.
    const sections = report.locator("h3.report-heading--2");
    await expect(sections.first()).toContainText(`A. ${streamsOf(2021)[0]!.nameEn}`);
    await expect(report.getByRole("heading", { level: 2, name: /Annex/ })).toBeVisible();
    let sectionCount = 0;
    let annexRows = 0;
    for (let pageNumber = 1; ; pageNumber++) {
      sectionCount += await sections.count();
      annexRows += await report.getByTestId("table-annex").locator("tbody tr:not(.report-table__group)").count();
      const next = page.locator('a[rel="next"]');
      if ((await next.count()) === 0) break;
      await next.first().click();
      await expect(page).toHaveURL(new RegExp(`page=${pageNumber + 1}`));
    }
    expect(sectionCount).toBe(streamsOf(2021).length);
    // Every milestone of 2021 as the tracker holds it now (other specs may have re-planned some out of it).
    const listed = (await (await page.request.get("/api/milestones?year=2021&pageSize=200")).json()) as { totalItems: number };
    expect(listed.totalItems).toBeGreaterThan(100);
    expect(annexRows).toBe(listed.totalItems);
    await page.goto("/reports/2021");
    // A month is shown as the month, never as its first day.
    await expect(report.getByText("October 2021").first()).toBeVisible();
    // The charts drew, with their table alternatives.
    await expect(report.getByTestId("report-figure").first().locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(report.getByTestId("report-figure").last().locator(".recharts-line-curve").first()).toBeVisible();
    await expect(page.getByTestId("report-progress-table").locator("tbody tr")).toHaveCount(12);
    await screenshot(page, "report");
  });

  test("options live in the URL: Chinese, some statuses", async ({ page }) => {
    await page.goto("/reports/2021");
    await page.getByLabel("Language of the report").selectOption("zh");
    await page
      .getByRole("group", { name: /Milestones with status/ })
      .getByLabel("Completed")
      .check();
    await page.getByRole("button", { name: "Update the report" }).click();
    await expect(page).toHaveURL(/lang=zh/);
    await expect(page).toHaveURL(/status=completed/);
    const report = page.getByTestId("report");
    await expect(report).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("2021 年联合国系统行政首长协调理事会机构间工作流进展");
    await expect(report.getByText("进行中（", { exact: false })).toHaveCount(0);
    // The downloads carry the same options.
    await expect(page.getByTestId("download-pdf")).toHaveAttribute("href", /lang=zh/);
    await expect(page.getByTestId("download-pdf")).toHaveAttribute("href", /status=completed/);
    await screenshot(page, "report-zh");
  });

  test("limits the report to workstreams found by name in the picker, which loads when opened and keeps the ticks", async ({ page }) => {
    await page.goto("/reports/2021");
    const picker = page.getByTestId("workstream-picker");
    await expect(picker.getByRole("checkbox")).toHaveCount(0);
    await picker.locator("summary").click();
    await expect(picker.getByRole("checkbox").first()).toBeVisible();
    const all = await picker.getByRole("checkbox").count();
    expect(all).toBeGreaterThan(10);
    await picker.getByLabel("Find a workstream").fill("artificial");
    await expect(picker.getByRole("checkbox")).toHaveCount(1);
    await picker.getByRole("checkbox").check();
    await page.locator("form.report-options").screenshot({ path: "e2e/.artifacts/screenshots/report-workstream-picker.png" });
    await picker.getByLabel("Find a workstream").fill("no workstream is called this");
    await expect(picker.getByText("No workstream matches this search.")).toBeVisible();
    // The tick stays in the form while the search hides it.
    await page.getByRole("button", { name: "Update the report" }).click();
    await expect(page).toHaveURL(/workstream=ai-working-group/);
    await expect(page.getByTestId("workstream-picker").locator("summary")).toHaveText(`Workstreams: 1 of ${all} selected`);
    await expect(page.getByTestId("report")).toContainText(/artificial intelligence/i);
    await expect(page.getByTestId("report")).not.toContainText(/Data Cube/i);
    await screenshot(page, "report-one-workstream");
  });

  test("downloads every format with the right type, name and size; the PDF's first pages become images", async ({ page }) => {
    fs.mkdirSync(DOWNLOADS, { recursive: true });
    await page.goto("/reports/2021");
    for (const [format, check] of Object.entries(FORMATS)) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`download-${format}`).click()]);
      expect(download.suggestedFilename()).toBe(`ceb-progress-2021-en.${format}`);
      const file = path.join(DOWNLOADS, download.suggestedFilename());
      await download.saveAs(file);
      const buffer = fs.readFileSync(file);
      expect(check.magic(buffer), `${format} file type`).toBe(true);
      expect(buffer.length, `${format} size`).toBeGreaterThan(check.minBytes);
      expect(buffer.length, `${format} size`).toBeLessThan(5_000_000);
    }
    // The Chinese PDF too, for the CJK glyphs.
    await page.goto("/reports/2021?lang=zh");
    const [zh] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-pdf").click()]);
    expect(zh.suggestedFilename()).toBe("ceb-progress-2021-zh.pdf");
    await zh.saveAs(path.join(DOWNLOADS, zh.suggestedFilename()));
    // pdftoppm (poppler-utils, installed by .ci/run) turns the first pages into PNGs for a person to look at.
    for (const lang of ["en", "zh"]) {
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "70",
        "-f",
        "1",
        "-l",
        "6",
        path.join(DOWNLOADS, `ceb-progress-2021-${lang}.pdf`),
        path.join(SCREENSHOTS, `report-pdf-${lang}`),
      ]);
    }
    const pages = fs.readdirSync(SCREENSHOTS).filter((name) => name.startsWith("report-pdf-en-"));
    expect(pages.length).toBe(6);
  });

  test("prints as a document: no navigation, options or downloads", async ({ page }) => {
    await page.goto("/reports/2021");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("report-controls")).toBeHidden();
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.getByTestId("report")).toBeVisible();
  });

  test("a bad year answers with a problem naming it, and the timeline exports as PNG and PDF", async ({ page, request }) => {
    const bad = await request.get("/api/reports/1999?format=pdf");
    expect(bad.status()).toBe(404);
    expect(bad.headers()["content-type"]).toContain("application/problem+json");
    expect((await bad.json())["invalid-params"][0].name).toBe("year");
    const png = await request.get("/api/reports/timeline?format=png&year=2021&body=HLCP");
    expect(png.ok()).toBe(true);
    expect((await png.body()).subarray(1, 4).toString()).toBe("PNG");
    const pdf = await request.get("/api/reports/timeline?format=pdf&year=2021");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await page.goto("/reports/1999");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/not found/i);
  });

  test("has no serious accessibility violations", async ({ page }) => {
    await page.goto("/reports/2021");
    await expectNoSeriousAxeViolations(page);
  });
});
