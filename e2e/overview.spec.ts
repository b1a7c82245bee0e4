import { expect, test } from "@playwright/test";
import { reportSeed as reportSeedData } from "../db/seed/report-e-2022-13";
import type { ReportSeed } from "../db/seed/seed-schema";

const reportSeed: ReportSeed = reportSeedData;
import { expectNoSeriousAxeViolations, screenshot } from "./helpers";

test.describe("overview", () => {
  test("shows a card for every workstream of the report", async ({ page }) => {
    await page.goto("/?pageSize=100");
    const cards = page.getByTestId("workstream-card");
    await expect(cards).toHaveCount(reportSeed.workstreams.length);
    for (const stream of reportSeed.workstreams) {
      await expect(page.getByRole("heading", { level: 3, name: stream.nameEn, exact: true })).toBeVisible();
    }
    const ai = cards.filter({ has: page.getByRole("link", { name: reportSeed.workstreams.find((s) => s.slug === "ai-working-group")!.nameEn }) });
    await expect(ai).toContainText("UNESCO");
    await expect(ai).toContainText("ITU");
    await expect(ai).toContainText(/\d+ of \d+ milestones completed/);
    // The chart drew its bars and its legend.
    await expect(page.getByTestId("status-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByTestId("status-chart").locator(".recharts-legend-item")).toHaveCount(7);
    await screenshot(page, "overview");
  });

  test("a filter changes the charts and the URL, and the URL restores it", async ({ page }) => {
    await page.goto("/");
    const quarterRows = page.getByTestId("quarterly-table").locator("tbody tr");
    const allQuarters = await quarterRows.allTextContents();
    expect(allQuarters.some((row) => row.startsWith("2021"))).toBe(true);

    await page.getByLabel("Year").selectOption("2022");
    await expect(page).toHaveURL(/[?&]year=2022\b/);
    await expect(quarterRows.first()).toContainText("2022-Q");
    const filteredQuarters = await quarterRows.allTextContents();
    expect(filteredQuarters.every((row) => row.startsWith("2022"))).toBe(true);

    await page.getByRole("checkbox", { name: "Planned" }).check();
    await expect(page).toHaveURL(/status=planned/);
    const totals = page.getByTestId("status-totals");
    await expect(totals).not.toContainText("Completed");

    // The shared link shows the same view.
    const shared = page.url();
    const other = await page.context().newPage();
    await other.goto(shared);
    await expect(other.getByLabel("Year")).toHaveValue("2022");
    await expect(other.getByRole("checkbox", { name: "Planned" })).toBeChecked();
    await screenshot(other, "overview-filtered");
  });

  test("a bad filter value in a shared link is explained next to the field", async ({ page }) => {
    await page.goto("/?year=20x1");
    await expect(page.locator("#filter-year-error")).toContainText("year");
    await expect(page.getByTestId("workstream-card").first()).toBeVisible();
  });

  test("filters by the ongoing status, which the health rule explains", async ({ page }) => {
    const withOngoing = reportSeed.workstreams.filter((s) => s.milestones.some((m) => m.status === "ongoing"));
    await page.goto("/?status=ongoing&pageSize=100");
    await expect(page.getByRole("checkbox", { name: "Ongoing" })).toBeChecked();
    await expect(page.getByTestId("workstream-card")).toHaveCount(withOngoing.length);
    const totals = page.getByTestId("status-totals");
    await expect(totals).toContainText("Ongoing");
    await expect(totals).not.toContainText("Completed");
    await expect(totals).toContainText(/(^|\D)0 Overdue/);
    await page.getByText("How health is decided").click();
    await expect(page.getByTestId("health-rule-ongoing")).toContainText("never overdue");
  });

  test("shows an empty state when nothing matches", async ({ page }) => {
    await page.goto("/?status=cancelled");
    await expect(page.getByRole("heading", { name: "No workstreams match these filters" })).toBeVisible();
  });

  test("has no serious accessibility violations and works by keyboard", async ({ page }) => {
    await page.goto("/");
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
    await page.keyboard.press("Enter");
    // The search box comes first, then the filters.
    await page.keyboard.press("Tab");
    await expect(page.locator("#filter-q")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Year")).toBeFocused();
  });
});
