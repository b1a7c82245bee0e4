import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { expectNoSeriousAxeViolations, screenshot } from "./helpers";

const REASON = "Waiting for two agencies' 2022 financial data";

/** Types into the overview's search box and waits for the page to follow the URL. */
async function search(page: Page, text: string, { typed = false } = {}) {
  const box = page.getByRole("searchbox", { name: "Search" });
  if (typed) await box.pressSequentially(text, { delay: 40 });
  else await box.fill(text);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, "\\+")}`));
  await expect(page.locator("form.filters")).toHaveAttribute("aria-busy", "false");
  return box;
}

const cardSlugs = (page: Page) => page.getByTestId("workstream-card").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-slug")));

test.describe("finding workstreams", () => {
  test("typing 人工智能 finds the AI working group, results as you type, focus kept in the box", async ({ page }) => {
    await page.goto("/en");
    const all = (await cardSlugs(page)).length;
    const box = await search(page, "人工智能");
    await expect(page.locator('[data-testid="workstream-card"][data-slug="ai-working-group"]')).toBeVisible();
    expect((await cardSlugs(page)).length).toBeLessThan(all);
    await expect(box).toBeFocused();
    await expect(box).toHaveValue("人工智能");
  });

  test("typing “artificial” key by key finds it too, and narrows the charts and the Attention list", async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto("/en");
    await search(page, "artificial", { typed: true });
    expect(await cardSlugs(page)).toContain("ai-working-group");
    expect(await cardSlugs(page)).not.toContain("data-cube");
    const attention = page.getByTestId("attention-item");
    const count = await attention.count();
    for (let i = 0; i < count; i++) await expect(attention.nth(i)).toContainText(/artificial|Artificial|AI/);
    await screenshot(page, "search-1400");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "search-390");
  });

  test("the OSH forum is found by 职业安全与健康, the other wording of its Chinese name", async ({ page }) => {
    await page.goto("/zh");
    await page.getByRole("searchbox").fill("职业安全与健康");
    await expect(page).toHaveURL(/q=/);
    await expect(page.locator('[data-testid="workstream-card"][data-slug="occupational-health-safety-forum"]')).toBeVisible();
    await expect(page.getByTestId("workstream-card").first()).toHaveAttribute("data-slug", "occupational-health-safety-forum");
  });

  test("a search link is shareable and Escape clears the box", async ({ page }) => {
    await page.goto(`/en?q=${encodeURIComponent("OSH")}`);
    expect(await cardSlugs(page)).toContain("occupational-health-safety-forum");
    const box = page.getByRole("searchbox", { name: "Search" });
    await box.focus();
    await page.keyboard.press("Escape");
    await expect(page).not.toHaveURL(/q=/);
  });
});

test.describe("what is late and why", () => {
  let target: { id: number; titleEn: string };
  test.beforeAll(async ({ browser }) => {
    // An editor delays a Data Cube milestone in its editor (the page writes through a server
    // action; the API takes writes with a token only).
    const context = await browser.newContext({ storageState: storageStateOf("editor") });
    const page = await context.newPage();
    const workstream = await (await page.request.get("/api/workstreams/data-cube")).json();
    const milestone = workstream.milestones.items.find((m: { status: string }) => m.status !== "completed") ?? workstream.milestones.items[0];
    await page.goto(`/workstreams/data-cube?edit=${milestone.id}`);
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Status").selectOption("delayed");
    await dialog.getByLabel(/^Note/).fill(REASON);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.locator(`#milestone-${milestone.id}`).getByTestId("status-badge")).toHaveText("Delayed");
    target = milestone;
    await context.close();
  });

  test("the Attention list shows a delayed milestone first, with its reason and who gave it (no email)", async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto("/en");
    // Delayed milestones come first (other specs may have delayed older ones before this one).
    await expect(page.getByTestId("attention-item").first()).toHaveAttribute("data-level", "delayed");
    const item = page.getByTestId("attention-item").filter({ hasText: target.titleEn });
    await expect(item).toHaveAttribute("data-level", "delayed");
    await expect(item).toContainText(REASON);
    await expect(item).toContainText("editor");
    await expect(page.getByTestId("attention")).not.toContainText("@e2e.test");
    // The same reason on the card.
    await expect(page.locator('[data-testid="workstream-card"][data-slug="data-cube"]').getByTestId("card-reason")).toContainText(REASON);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, "overview-1400");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "overview-390");
    // Nothing is wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("a filtered card shows what the filter selects and the workstream's whole progress", async ({ page }) => {
    await page.goto("/en?status=delayed,at_risk");
    const figures = page.locator('[data-testid="workstream-card"][data-slug="data-cube"]').getByTestId("card-figures");
    await expect(figures).toHaveText(/^1 of \d+ milestones selected · \d+ of \d+ completed overall/);
    const text = (await figures.textContent())!;
    const [, all, completed] = /1 of (\d+) milestones selected · (\d+) of/.exec(text)!;
    expect(Number(all)).toBeGreaterThan(1);
    expect(Number(completed)).toBeGreaterThan(0);
  });

  test("a viewer watches a workstream and it comes first; sorting by name follows", async ({ page }) => {
    await page.goto("/en?sort=name");
    const slugs = await cardSlugs(page);
    const last = slugs.at(-1)!;
    const card = page.locator(`[data-testid="workstream-card"][data-slug="${last}"]`);
    await card.getByTestId("watch-button").click();
    await expect(page.getByTestId("workstream-card").first()).toHaveAttribute("data-slug", last);
    await expect(page.getByTestId("workstream-card").first().getByTestId("watch-button")).toHaveAttribute("aria-pressed", "true");
    await page.getByTestId("workstream-card").first().getByTestId("watch-button").click();
    await expect(page.getByTestId("workstream-card").first()).not.toHaveAttribute("data-slug", last);
  });
});
