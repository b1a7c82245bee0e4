import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations, screenshot } from "./helpers";

test.describe("timeline", () => {
  test("shows the AI working group's milestones in date order", async ({ page }) => {
    await page.goto("/timeline?pageSize=100");
    const lane = page.locator('[data-testid="timeline-lane"][data-slug="ai-working-group"]');
    await expect(lane).toBeVisible();
    const items = lane.getByTestId("timeline-item");
    const count = await items.count();
    expect(count).toBeGreaterThanOrEqual(4);
    const placed: { date: string; x: number }[] = [];
    for (let i = 0; i < count; i++) {
      const box = (await items.nth(i).boundingBox())!;
      placed.push({ date: (await items.nth(i).getAttribute("data-date"))!, x: box.x });
    }
    // Sorted by date, the items also read left to right on the axis.
    const byDate = [...placed].sort((a, b) => a.date.localeCompare(b.date));
    for (let i = 1; i < byDate.length; i++) {
      expect(byDate[i]!.x, `${byDate[i - 1]!.date} before ${byDate[i]!.date}`).toBeGreaterThanOrEqual(byDate[i - 1]!.x - 1);
    }
    // A year-only milestone is drawn wider than a month-precision one.
    const yearItem = lane.locator('[data-testid="timeline-item"].timeline__item--year').first();
    const monthItem = lane.locator('[data-testid="timeline-item"].timeline__item--month').first();
    if ((await yearItem.count()) && (await monthItem.count())) {
      expect((await yearItem.boundingBox())!.width).toBeGreaterThan((await monthItem.boundingBox())!.width * 5);
    }
    await screenshot(page, "timeline");
  });

  test("zooms to a year, keeps the filters in the URL and has a table alternative", async ({ page }) => {
    await page.goto("/timeline?body=HLCP");
    await page.getByRole("navigation", { name: "Zoom by year" }).getByRole("link", { name: "2021", exact: true }).click();
    await expect(page).toHaveURL(/year=2021/);
    await expect(page).toHaveURL(/body=HLCP/);
    const dates = await page.getByTestId("timeline-item").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-date")));
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((date) => date?.startsWith("2021"))).toBe(true);
    await page.getByText("Show the timeline as a table").click();
    await expect(page.getByTestId("timeline-table").locator("tbody tr")).toHaveCount(dates.length);
    await screenshot(page, "timeline-2021-hlcp");
  });

  test("marks today, or says where today is", async ({ page }) => {
    await page.goto("/timeline");
    const marker = page.locator(".timeline__today");
    const outside = page.getByTestId("today-outside");
    expect((await marker.count()) > 0 || (await outside.count()) > 0).toBe(true);
  });

  test("a milestone is reachable by keyboard and named for screen readers", async ({ page }) => {
    await page.goto("/timeline");
    const first = page.getByTestId("timeline-item").first().getByRole("link");
    await first.focus();
    await expect(first).toBeFocused();
    await expect(first).toHaveAttribute("aria-label", / — /);
  });

  test("draws ongoing (recurring) work as a band running on to the end of the axis", async ({ page }) => {
    await page.goto("/timeline?pageSize=100");
    await expect(page.getByRole("group", { name: "Legend" })).toContainText("Ongoing");
    const lane = page.locator('[data-testid="timeline-lane"][data-slug="risk-management-forum"]');
    const band = lane.locator('[data-testid="timeline-item"][data-status="ongoing"]');
    await expect(band).toHaveCount(1);
    await expect(band).toHaveAttribute("data-continuous", "true");
    const track = (await lane.locator(".timeline__track").boundingBox())!;
    const bandBox = (await band.boundingBox())!;
    // It starts at its year (2021) and reaches the end of the track (the axis runs past 2021).
    expect(bandBox.x + bandBox.width).toBeGreaterThan(track.x + track.width - 2);
    const done = lane.locator('[data-testid="timeline-item"][data-status="completed"][data-date="2021"]').first();
    const doneBox = (await done.boundingBox())!;
    expect(Math.abs(bandBox.x - doneBox.x)).toBeLessThan(2);
    expect(bandBox.width).toBeGreaterThan(doneBox.width * 1.5);
  });

  test("has no serious accessibility violations", async ({ page }) => {
    await page.goto("/timeline");
    await expectNoSeriousAxeViolations(page);
  });
});

test("the timeline view downloads as PNG and PDF with its filters", async ({ page }) => {
  await page.goto("/timeline?year=2021&body=HLCP");
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("timeline-export-png").click()]);
  const pngBytes = await (await png.createReadStream()).toArray();
  const pngBuffer = Buffer.concat(pngBytes);
  expect(pngBuffer.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(pngBuffer.length).toBeGreaterThan(5_000);
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByTestId("timeline-export-pdf").click()]);
  const pdfBuffer = Buffer.concat(await (await pdf.createReadStream()).toArray());
  expect(pdfBuffer.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.url()).toContain("year=2021");
  expect(pdf.url()).toContain("body=HLCP");
});
