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
