import { expect, test } from "@playwright/test";
import { reportSeed as reportSeedData } from "../db/seed/report-e-2022-13";
import type { ReportSeed } from "../db/seed/seed-schema";

const reportSeed: ReportSeed = reportSeedData;
import { expectNoSeriousAxeViolations, screenshot } from "./helpers";

test.describe("workstream page", () => {
  test("shows the milestones with their report paragraphs, evidence and history", async ({ page }) => {
    const ai = reportSeed.workstreams.find((stream) => stream.slug === "ai-working-group")!;
    await page.goto("/workstreams/ai-working-group");
    await expect(page.getByRole("heading", { level: 1, name: ai.nameEn })).toBeVisible();
    await expect(page.getByTestId("workstream-paragraphs")).toContainText("E/2022/13");
    await expect(page.getByTestId("milestone-row")).toHaveCount(ai.milestones.length);
    const sources = await page.getByTestId("milestone-source").allTextContents();
    for (const milestone of ai.milestones) {
      expect(sources.some((source) => source.includes(`para. ${milestone.paragraph}`))).toBe(true);
    }
    const firstHistory = page.getByTestId("milestone-row").first().locator("details.history");
    await firstHistory.locator("summary").click();
    await expect(firstHistory).toContainText("by seed");
    await screenshot(page, "workstream-ai");
  });

  test("shows the note on footnote 10's symbol, and the paragraph that dates a milestone", async ({ page }) => {
    await page.goto("/workstreams/sustainability-management-strategy");
    const note = page.getByTestId("evidence-note");
    await expect(note).toHaveCount(1);
    await expect(note).toContainText("footnote 6");
    await expect(note).toContainText("CEB/2021/2/Add.1");
    await expect(page.getByTestId("milestone-row").filter({ hasText: "CEB endorses phase II" })).toContainText("CEB/2021/1/Add.1");

    await page.goto("/workstreams/data-statistics-roadmap");
    const row = page.getByTestId("milestone-row").filter({ hasText: "42nd session" });
    await expect(row.getByTestId("milestone-source")).toContainText("para. 40");
    await expect(row.getByTestId("milestone-also-paragraphs")).toHaveText("see also para. 35");
    await expect(row).toContainText("October 2021");
  });

  test("leaves ongoing work out of the completion share", async ({ page }) => {
    const stream = reportSeed.workstreams.find((s) => s.slug === "jiu-coordination")!;
    const completed = stream.milestones.filter((m) => m.status === "completed").length;
    const counted = stream.milestones.filter((m) => m.status !== "ongoing").length;
    await page.goto("/workstreams/jiu-coordination");
    await expect(page.getByText(`${completed} of ${counted} milestones completed`)).toBeVisible();
    await expect(page.getByRole("list", { name: "Milestones by status" })).toContainText("Ongoing");
  });

  test("links to the roadmap filtered to the workstream, opened on its milestones' stretch of time", async ({ page }) => {
    const ai = reportSeed.workstreams.find((stream) => stream.slug === "ai-working-group")!;
    await page.goto("/workstreams/ai-working-group");
    const section = page.getByTestId("workstream-roadmap");
    await expect(section).toContainText(/Milestones from .+ to .+/);
    await section.getByTestId("workstream-roadmap-link").click();
    await expect(page).toHaveURL(/\/timeline\?workstream=ai-working-group&from=\d{4}-\d{2}-01&zoom=/);
    await expect(page.getByTestId("roadmap-one-workstream")).toContainText(ai.nameEn);
    await expect(page.locator('[data-testid="timeline-item"]').first()).toBeVisible();
    const lanes = await page.locator('[data-testid="timeline-item"]').evaluateAll((nodes) => [...new Set(nodes.map((n) => n.getAttribute("data-lane")))]);
    expect(lanes).toEqual(["ai-working-group"]);
    await page.getByRole("link", { name: "Show every workstream" }).click();
    await expect(page).not.toHaveURL(/workstream=/);
  });

  test("answers 404 for an unknown workstream", async ({ page }) => {
    const response = await page.goto("/workstreams/no-such-workstream");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Workstream not found" })).toBeVisible();
  });

  test("has no serious accessibility violations", async ({ page }) => {
    await page.goto("/workstreams/sexual-harassment-task-force");
    await expectNoSeriousAxeViolations(page);
  });
});

test("the API answers a bad parameter with problem+json", async ({ request }) => {
  const response = await request.get("/api/milestones?status=finished");
  expect(response.status()).toBe(400);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const body = await response.json();
  expect(body["invalid-params"][0].name).toBe("status");
});
