import { expect, type Page, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { expectNoSeriousAxeViolations, screenshot, scrollToLane } from "./helpers";

/** The report's years: a window that shows 2021 and 2022 whole at the year zoom. */
const REPORT_WINDOW = "from=2021-01-01";
const bars = (page: Page) => page.getByTestId("timeline-item");

async function placements(page: Page, selector = '[data-testid="timeline-item"]') {
  return page.locator(selector).evaluateAll((nodes) =>
    nodes.map((node) => ({
      start: node.getAttribute("data-period-start")!,
      date: node.getAttribute("data-date")!,
      box: node.getBoundingClientRect().toJSON() as DOMRect,
    })),
  );
}

test.describe("timeline (roadmap)", () => {
  test("shows the AI working group's milestones in date order, a year wider than a month", async ({ page }) => {
    // Five years from 2018 hold all of its milestones (2019 to 2022).
    await page.goto("/timeline?from=2018-01-01&zoom=five-years");
    await expect(page.getByTestId("roadmap-window")).toHaveAttribute("data-from", "2018-01-01");
    const lane = '[data-testid="timeline-item"][data-lane="ai-working-group"]';
    await expect(bars(page).first()).toBeVisible();
    await scrollToLane(page, "ai-working-group");
    await expect(page.locator(lane).first()).toBeVisible();
    const placed = await placements(page, lane);
    expect(placed.length).toBeGreaterThanOrEqual(4);
    const byDate = [...placed].sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < byDate.length; i++)
      expect(byDate[i]!.box.x, `${byDate[i - 1]!.date} before ${byDate[i]!.date}`).toBeGreaterThanOrEqual(byDate[i - 1]!.box.x - 1);
    const year = page.locator('[data-testid="timeline-item"][data-precision="year"][data-date="2021"]').first();
    const month = page.locator('[data-testid="timeline-item"][data-precision="month"]').first();
    expect((await year.boundingBox())!.width).toBeGreaterThan((await month.boundingBox())!.width * 5);
    // Lanes are grouped by parent body, without pages.
    await expect(page.getByTestId("timeline-group").first()).toBeVisible();
    await expect(page.getByRole("navigation", { name: /pages/i })).toHaveCount(0);
  });

  test("zoom, pan and filters live in the URL; filters hold; the table lists the bars in view", async ({ page }) => {
    await page.goto(`/timeline?body=HLCP&${REPORT_WINDOW}`);
    await page.getByRole("button", { name: "Quarters" }).click();
    await expect(page).toHaveURL(/zoom=quarter/);
    await expect(page).toHaveURL(/body=HLCP/);
    const before = await page.getByTestId("roadmap-window").getAttribute("data-from");
    await page.getByTestId("pan-later").click();
    await expect(page.getByTestId("roadmap-window")).not.toHaveAttribute("data-from", before!);
    const from = (await page.getByTestId("roadmap-window").getAttribute("data-from"))!;
    await expect(page).toHaveURL(new RegExp(`from=${from}`));
    // Reloading the address gives the same view.
    await page.reload();
    await expect(page.getByTestId("roadmap-window")).toHaveAttribute("data-from", from);
    await expect(page.getByRole("button", { name: "Quarters" })).toHaveAttribute("aria-pressed", "true");
    // Only HLCP's groups (HLCP and the bodies under it).
    const groups = await page.getByTestId("timeline-group").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-group")));
    expect(groups.length).toBeGreaterThan(0);
    expect(groups).not.toContain("HLCM");
    await page.goto(`/timeline?status=completed&${REPORT_WINDOW}`);
    await expect(bars(page).first()).toBeVisible();
    const statuses = await bars(page).evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-status")));
    expect(statuses.every((status) => status === "completed")).toBe(true);
    await page.getByText("Show the timeline as a table").click();
    await expect(page.getByTestId("timeline-table").locator("tbody tr")).toHaveCount(statuses.length);
  });

  test("an address it cannot read says which options were ignored, and shows the usual window", async ({ page }) => {
    await page.goto("/timeline");
    const usual = (await page.getByTestId("roadmap-window").getAttribute("data-from"))!;
    await page.goto("/timeline?from=2021-13-40&zoom=decade");
    await expect(page.getByTestId("roadmap-view-invalid")).toHaveText("Some options in the address were not understood and were ignored: from, zoom.");
    await expect(page.getByTestId("roadmap-window")).toHaveAttribute("data-from", usual);
    await expect(bars(page).first()).toBeAttached();
    await page.goto(`/timeline?${REPORT_WINDOW}`);
    await expect(page.getByTestId("roadmap-view-invalid")).toHaveCount(0);
  });

  test("collapses a group of lanes and keeps it collapsed in the URL", async ({ page }) => {
    await page.goto(`/timeline?${REPORT_WINDOW}`);
    const group = page.getByTestId("timeline-group").first();
    const code = (await group.getAttribute("data-group"))!;
    await group.getByRole("button").click();
    await expect(group.getByRole("button")).toHaveAttribute("aria-expanded", "false");
    await expect(page).toHaveURL(new RegExp(`collapsed=${code}`));
  });

  test("marks today, or says where today is", async ({ page }) => {
    await page.goto(`/timeline?${REPORT_WINDOW}`);
    await expect(page.getByTestId("today-outside")).toBeVisible();
    await page.getByTestId("pan-today").click();
    await expect(page.getByTestId("timeline-today")).toHaveCount(1);
  });

  test("every bar is reachable by keyboard and named for screen readers; arrow keys pan", async ({ page }) => {
    await page.goto(`/timeline?${REPORT_WINDOW}`);
    const viewport = page.getByTestId("roadmap-viewport");
    await viewport.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("roadmap-window")).not.toHaveAttribute("data-from", "2021-01-01");
    await page.keyboard.press("ArrowLeft");
    await expect(page.getByTestId("roadmap-window")).toHaveAttribute("data-from", "2021-01-01");
    // From the timeline, Tab reaches a bar after the group's button and the lane's name.
    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = (await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))) === "timeline-item";
    }
    expect(reached).toBe(true);
    const first = bars(page).first();
    await first.focus();
    await expect(first).toBeFocused();
    await expect(first).toHaveAttribute("aria-label", / — /);
  });

  test("draws ongoing (recurring) work as a band running on to the end of the window", async ({ page }) => {
    // The report's two years: ongoing work started in 2021 runs on past the window's end (today).
    await page.goto(`/timeline?${REPORT_WINDOW}&status=ongoing`);
    const band = page.locator('[data-testid="timeline-item"][data-status="ongoing"]').first();
    await expect(band).toBeVisible();
    await expect(band).toHaveAttribute("data-ongoing", "");
    const track = (await band.locator("xpath=..").boundingBox())!;
    const box = (await band.boundingBox())!;
    expect(box.x + box.width).toBeGreaterThan(track.x + track.width - 2);
    // A completed milestone of the same year ends with its year, well before the window's end.
    await page.goto(`/timeline?${REPORT_WINDOW}&status=completed`);
    const done = page.locator('[data-testid="timeline-item"][data-status="completed"][data-date="2021"]').first();
    const doneBox = (await done.boundingBox())!;
    const doneTrack = (await done.locator("xpath=..").boundingBox())!;
    expect(doneBox.x + doneBox.width).toBeLessThan(doneTrack.x + doneTrack.width * 0.6);
  });

  test("has no serious accessibility violations", async ({ page }) => {
    await page.goto(`/timeline?${REPORT_WINDOW}`);
    await expect(bars(page).first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("on a phone: a list by month that never scrolls sideways", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const locale of ["en", "ar"]) {
      await page.goto(`/${locale}/timeline?${REPORT_WINDOW}`);
      await expect(page.getByTestId("timeline-list")).toBeVisible();
      await expect(page.getByTestId("timeline-list").getByTestId("timeline-item").first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, `timeline-390-${locale}`);
    }
  });

  test("screenshots at 1400 px in English and Arabic", async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 1000 });
    for (const locale of ["en", "ar"]) {
      await page.goto(`/${locale}/timeline?${REPORT_WINDOW}`);
      await expect(bars(page).first()).toBeVisible();
      await expect(page.getByTestId("portfolio-table").locator("tbody tr").first()).toBeAttached();
      await screenshot(page, `timeline-1400-${locale}`);
    }
  });
});

test.describe("changing a status from the timeline", () => {
  test.use({ storageState: storageStateOf("editor") });

  test("an editor changes a status in the peek and sees its new segment appear", async ({ page }) => {
    await page.goto(`/timeline?${REPORT_WINDOW}`);
    const bar = page.locator('[data-testid="timeline-item"][data-status="in_progress"]').first();
    await expect(bar).toBeVisible();
    const id = (await bar.getAttribute("data-milestone-id"))!;
    const target = page.locator(`[data-testid="timeline-item"][data-milestone-id="${id}"]`);
    await expect(target).toHaveAttribute("data-segments", "in_progress");
    await target.click();
    const peek = page.getByTestId("milestone-peek");
    await expect(peek).toBeVisible();
    await peek.getByRole("button", { name: /^Update/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Status").selectOption("at_risk");
    await dialog.getByLabel(/^Note/).fill("Funding not yet confirmed");
    await dialog.getByRole("button", { name: "Save" }).click();
    // The bar now runs on to today, its last segment the new status.
    await expect(target).toHaveAttribute("data-segments", "in_progress,at_risk");
    await expect(target).toHaveAttribute("data-status", "at_risk");
    await page.getByTestId("pan-today").click();
    const today = page.locator(`[data-testid="timeline-item"][data-milestone-id="${id}"]`);
    await expect(today).toBeVisible();
    await expect(page.getByTestId("timeline-today")).toHaveCount(1);
    await screenshot(page, "timeline-after-status-change");
  });
});

test("the timeline view downloads as PNG and PDF with its window and filters", async ({ page }) => {
  await page.goto(`/timeline?body=HLCP&${REPORT_WINDOW}`);
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("timeline-export-png").click()]);
  const pngBuffer = Buffer.concat(await (await png.createReadStream()).toArray());
  expect(pngBuffer.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(pngBuffer.length).toBeGreaterThan(5_000);
  expect(png.url()).toContain("from=2021-01-01");
  expect(png.url()).toContain("to=2022-12-31");
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByTestId("timeline-export-pdf").click()]);
  const pdfBuffer = Buffer.concat(await (await pdf.createReadStream()).toArray());
  expect(pdfBuffer.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.url()).toContain("body=HLCP");
});
