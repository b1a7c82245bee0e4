import { expect, test } from "@playwright/test";
import { reportSeed } from "../db/seed/report-e-2022-13";
import { storageStateOf } from "./accounts";
import { screenshot } from "./helpers";

// Runs on an empty tracker only: `E2E_SEED=0 npx playwright test e2e/ingest.spec.ts` (part of `npm run test:e2e`).
test.describe("reading the annual overview report into an empty tracker", () => {
  test.use({ storageState: storageStateOf("editor") });

  test("an editor uploads the seed's text, bulk-accepts, and ≥80 % of the milestones cite the curated paragraphs", async ({ page }) => {
    test.setTimeout(180_000);
    const before = await (await page.request.get("/api/milestones?pageSize=200")).json();
    expect(before.totalItems).toBe(0);

    await page.goto("/ingest");
    await page.getByLabel("File").setInputFiles("db/seed/source/E-2022-13.zh.txt");
    await page.getByLabel("Document symbol").fill("E/2022/13");
    await page.getByLabel("Language of the text").selectOption("zh");
    await page.getByLabel("Year covered").fill("2021");
    await page.getByRole("button", { name: "Read the report" }).click();
    await page.waitForURL(/\/ingest\/\d+$/, { timeout: 60_000 });

    const proposals = page.getByTestId("proposal");
    expect(await proposals.count()).toBeGreaterThan(100);
    // Each proposal stands beside its paragraph, its quote marked in it.
    const first = page.locator('[data-testid="proposal"][data-kind="milestone"]').first();
    await expect(first.locator(".proposal__paragraph mark")).toHaveText((await first.locator("blockquote").textContent())!);
    await screenshot(page, "ingest-review");

    await page.getByTestId("select-all").check();
    await page.getByTestId("accept-selected").click();
    await expect(page.getByTestId("pending-count")).toHaveText(/^0 proposals wait/, { timeout: 120_000 });

    const after = await (await page.request.get("/api/milestones?pageSize=200")).json();
    const stored = after.items as { sourceParagraph: number | null }[];
    expect(after.totalItems).toBe(stored.length);
    const curated = new Set(reportSeed.workstreams.flatMap((ws) => ws.milestones.map((m) => m.paragraph)));
    const citing = stored.filter((m) => m.sourceParagraph !== null && curated.has(m.sourceParagraph)).length;
    expect(stored.length).toBeGreaterThan(50);
    expect(citing / stored.length).toBeGreaterThanOrEqual(0.8);

    await page.goto("/");
    await screenshot(page, "ingest-overview-after");
  });
});
