import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const SCREENSHOTS = "e2e/.artifacts/screenshots";

/** Fails on any serious or critical axe-core violation, listing each with its targets. */
export async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join("; ")}`);
  expect(serious, serious.join("\n")).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** The roadmap's rows are virtualized: scroll its lanes until a lane's bars are in the page. */
export async function scrollToLane(page: Page, slug: string) {
  const lane = page.locator(`[data-testid="timeline-item"][data-lane="${slug}"]`);
  const viewport = page.getByTestId("roadmap-viewport");
  await expect(viewport).toBeVisible();
  for (let i = 0; i < 40 && (await lane.count()) === 0; i++) {
    await viewport.evaluate((element) => element.scrollBy(0, 240));
    await page.waitForTimeout(150);
  }
  if (!(await lane.count())) return;
  // Bring the lane's first row to the top, so all its rows are drawn.
  const top = await lane.first().evaluate((bar) => bar.getBoundingClientRect().top);
  await viewport.evaluate((element, barTop) => element.scrollBy(0, barTop - element.getBoundingClientRect().top - 60), top);
  await page.waitForTimeout(300);
}
