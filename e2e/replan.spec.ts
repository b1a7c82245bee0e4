import { expect, type Page, test } from "@playwright/test";
import { storageStateOf } from "./accounts";

/** Rows of the workstream table whose status badge reads `status`. */
const rowsWithStatus = (page: Page, status: string) =>
  page.getByTestId("milestone-row").filter({ has: page.getByTestId("status-badge").filter({ hasText: new RegExp(`^${status}$`) }) });

test.describe("re-planning and bulk update", () => {
  test.use({ storageState: storageStateOf("editor") });

  test("an editor marks three milestones delayed at once with a new date; each shows the slip", async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto("/workstreams/data-cube");
    const open = page.getByTestId("milestone-row").filter({ hasNot: page.getByTestId("status-badge").filter({ hasText: /^(Completed|Cancelled)$/ }) });
    await expect.poll(() => open.count()).toBeGreaterThanOrEqual(3);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await open.nth(i).getAttribute("id"))!);

    // Keyboard: focus each row's checkbox and tick it with the space bar.
    for (const id of ids) {
      await page.locator(`#${id}`).getByTestId("select-milestone").focus();
      await page.keyboard.press("Space");
    }
    const bar = page.getByTestId("bulk-bar");
    await expect(bar).toContainText("3 milestones selected");
    await expect(page.getByTestId("select-all")).toHaveJSProperty("indeterminate", true);
    await bar.getByRole("button", { name: "Update 3 milestones…" }).click();
    const dialog = page.getByTestId("bulk-dialog");
    await dialog.getByLabel("Status").selectOption("delayed");
    await dialog.getByLabel("New expected date").fill("2023-13");
    await dialog.getByLabel(/^Note/).fill("Waiting for the 2023 data call");
    await dialog.getByRole("button", { name: "Apply to 3 milestones" }).click();
    // A bad date is refused next to its field; nothing is sent.
    await expect(dialog.getByText(/must be a year \(2021\), a month/)).toBeVisible();
    await dialog.getByLabel("New expected date").fill("2023-09");
    await dialog.getByLabel("Evidence").fill("CEB/2022/4");
    // The viewport, where the modal form is (a full-page capture cuts the backdrop).
    await page.screenshot({ path: "e2e/.artifacts/screenshots/bulk-update-1400.png" });
    await dialog.getByRole("button", { name: "Apply to 3 milestones" }).click();

    const results = dialog.getByTestId("bulk-results");
    await expect(results).toContainText("3 of 3 updated.");
    await expect(results.locator('[data-outcome="done"]')).toHaveCount(3);
    await page.screenshot({ path: "e2e/.artifacts/screenshots/bulk-update-results-1400.png" });
    await dialog.getByRole("button", { name: "Close" }).click();

    for (const id of ids) {
      const row = page.locator(`#${id}`);
      await expect(row.getByTestId("status-badge")).toHaveText("Delayed");
      await expect(row).toContainText("September 2023");
      await expect(row.getByTestId("slip")).toContainText(/First planned for .*\d+ months later/);
    }
    // History keeps both dates.
    const first = page.locator(`#${ids[0]}`);
    await first.locator("details.history summary").click();
    await expect(first.locator(".history__changes").first()).toContainText(/Date: .* → September 2023/);

    // The overview card says how many were re-planned.
    await page.goto("/");
    await expect(page.getByTestId("workstream-card").filter({ hasText: "Data Cube" }).getByTestId("card-slip")).toContainText(/3 milestones re-planned/);

    // They head the overview's Attention list with the reason given.
    const attention = page.getByTestId("attention-item").filter({ hasText: "Waiting for the 2023 data call" });
    await expect(attention).toHaveCount(3);
    for (const item of await attention.all()) await expect(item).toHaveAttribute("data-level", "delayed");

    // And the yearly summary of their new year lists them among the milestones needing attention.
    const summary = await page.request.get("/api/reports/2023?format=json");
    expect(summary.status()).toBe(200);
    const body = (await summary.json()) as { overview: { attention: { milestoneId: number; reason: string | null; level: string }[] } };
    for (const id of ids) {
      const entry = body.overview.attention.find((item) => item.milestoneId === Number(id.replace("milestone-", "")));
      expect(entry?.level).toBe("delayed");
      expect(entry?.reason).toContain("Waiting for the 2023 data call");
    }
  });

  test("bulk update at 390 px", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/workstreams/ai-working-group");
    await page.getByTestId("select-all").check();
    const bar = page.getByTestId("bulk-bar");
    await expect(bar).toContainText(/milestones selected/);
    await bar.getByRole("button", { name: /^Update \d+ milestones…$/ }).click();
    const dialog = page.getByTestId("bulk-dialog");
    await dialog.getByLabel("Status").selectOption("at_risk");
    await expect(dialog.getByLabel("New expected date")).toBeVisible();
    await page.screenshot({ path: "e2e/.artifacts/screenshots/bulk-update-390.png" });
    await dialog.getByRole("button", { name: "Cancel" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: "e2e/.artifacts/screenshots/bulk-update-390-actions.png" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByTestId("select-all").uncheck();
    await expect(bar).toContainText("No milestone selected");
  });

  test("the conflict screen names the other editor, when, and their note", async ({ browser }) => {
    const first = await browser.newContext({ storageState: storageStateOf("admin") });
    const second = await browser.newContext({ storageState: storageStateOf("editor") });
    const pageA = await first.newPage();
    const pageB = await second.newPage();
    await pageA.goto("/workstreams/jiu-coordination");
    await pageB.goto("/workstreams/jiu-coordination");
    const target = rowsWithStatus(pageA, "Planned").first();
    const rowId = (await target.getAttribute("id"))!;

    // B starts a bulk change; meanwhile A re-plans the same milestone.
    await pageB.locator(`#${rowId}`).getByTestId("select-milestone").check();
    await pageA
      .locator(`#${rowId}`)
      .getByRole("button", { name: /^Update/ })
      .click();
    const dialogA = pageA.getByRole("dialog");
    await dialogA.getByLabel("Status").selectOption("at_risk");
    await dialogA.getByLabel("New expected date").fill("2024");
    await dialogA.getByLabel(/^Note/).fill("Funding not confirmed");
    await dialogA.getByRole("button", { name: "Save" }).click();
    await expect(pageA.locator(`#${rowId}`).getByTestId("status-badge")).toHaveText("At risk");
    await expect(pageA.locator(`#${rowId}`).getByTestId("slip")).toBeVisible();

    await pageB.getByTestId("bulk-bar").getByRole("button", { name: "Update 1 milestone…" }).click();
    const dialogB = pageB.getByTestId("bulk-dialog");
    await dialogB.getByLabel("Status").selectOption("in_progress");
    await dialogB.getByRole("button", { name: "Apply to 1 milestone" }).click();
    const conflict = dialogB.locator('[data-outcome="conflict"]');
    await expect(conflict).toContainText(/admin changed this milestone .*ago|admin changed this milestone .*now/);
    await expect(conflict).toContainText("Funding not confirmed");
    await expect(conflict).not.toContainText("@e2e.test");
    await expect(conflict).not.toContainText(/version/i);
    await pageB.screenshot({ path: "e2e/.artifacts/screenshots/bulk-conflict.png" });

    // The single-milestone editor says the same.
    await pageB.getByRole("button", { name: "Cancel" }).click();
    const rowB = pageB.locator(`#${rowId}`);
    await rowB.getByRole("button", { name: /^Update/ }).click();
    const editor = pageB.getByRole("dialog");
    await pageA
      .locator(`#${rowId}`)
      .getByRole("button", { name: /^Update/ })
      .click();
    await pageA.getByRole("dialog").getByLabel(/^Note/).fill("Second thoughts");
    await pageA.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await expect(pageA.getByRole("dialog")).toHaveCount(0);
    await editor.getByLabel(/^Note/).fill("Mine");
    await editor.getByRole("button", { name: "Save" }).click();
    const screen = pageB.getByTestId("conflict");
    await expect(screen.getByTestId("conflict-who")).toContainText("admin changed this milestone");
    await expect(screen.getByTestId("conflict-note")).toContainText("Second thoughts");
    await expect(screen).not.toContainText(/version \d/i);
    await pageB.screenshot({ path: "e2e/.artifacts/screenshots/conflict-named.png" });
    await first.close();
    await second.close();
  });
});
