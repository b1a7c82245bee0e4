import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts";
import { screenshot, scrollToLane } from "./helpers";

test.describe("editing milestones", () => {
  test.use({ storageState: storageStateOf("editor") });

  test("an editor changes a status with a note and sees it in the history and on the timeline", async ({ page }) => {
    await page.goto("/workstreams/inequalities-task-team");
    const planned = page
      .getByTestId("milestone-row")
      .filter({ has: page.getByTestId("status-badge").filter({ hasText: "Planned" }) })
      .first();
    const row = page.locator(`#${await planned.getAttribute("id")}`);
    const title = (await row.locator(".milestone-title").textContent())!;
    await row.getByRole("button", { name: /^Update/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Status").selectOption("delayed");
    // The note is required for a delay: saving without one is refused next to the field.
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByText(/is required when the status is delayed/)).toBeVisible();
    await dialog.getByLabel(/^Note/).fill("Postponed to the next HLCP session");
    await dialog.getByLabel("Evidence").fill("CEB/2022/4");
    await screenshot(page, "milestone-editor");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(row.getByTestId("status-badge")).toHaveText("Delayed");

    const feed = page.getByTestId("history-feed");
    await expect(feed.locator("li").first()).toContainText("Postponed to the next HLCP session");
    // Names, not emails: the editor's account is named after its address's first part.
    await expect(feed.locator("li").first()).toContainText("by editor");
    await expect(feed.locator("li").first()).not.toContainText("editor@e2e.test");
    await expect(feed.locator("li").first()).toContainText("CEB/2022/4");
    await screenshot(page, "workstream-after-edit");

    // The timeline opens on today, which the changed milestone's bar now reaches, in its new status.
    await page.goto("/timeline");
    await scrollToLane(page, "inequalities-task-team");
    await expect(page.locator(`[data-testid="timeline-item"][data-lane="inequalities-task-team"][data-status="delayed"][aria-label^="${title}"]`)).toHaveCount(
      1,
    );
    await page.goto("/");
    await expect(page.getByTestId("recent-changes")).toContainText(title);
  });

  test("two editors on the same milestone: the second gets the conflict screen", async ({ browser }) => {
    const first = await browser.newContext({ storageState: storageStateOf("editor") });
    const second = await browser.newContext({ storageState: storageStateOf("admin") });
    const pageA = await first.newPage();
    const pageB = await second.newPage();
    await pageA.goto("/workstreams/un-digital-id");
    await pageB.goto("/workstreams/un-digital-id");
    const planned = pageA
      .getByTestId("milestone-row")
      .filter({ has: pageA.getByTestId("status-badge").filter({ hasText: "Planned" }) })
      .first();
    const rowId = await planned.getAttribute("id");
    const rowA = pageA.locator(`#${rowId}`);
    const rowB = pageB.locator(`#${rowId}`);

    await rowA.getByRole("button", { name: /^Update/ }).click();
    await rowB.getByRole("button", { name: /^Update/ }).click();
    await pageA.getByRole("dialog").getByLabel("Status").selectOption("in_progress");
    await pageA.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await expect(rowA.getByTestId("status-badge")).toHaveText("In progress");

    const dialogB = pageB.getByRole("dialog");
    await dialogB.getByLabel("Status").selectOption("at_risk");
    await dialogB.getByLabel(/^Note/).fill("Funding not confirmed");
    await dialogB.getByRole("button", { name: "Save" }).click();
    const conflict = pageB.getByTestId("conflict");
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText("In progress");
    await expect(rowB.getByTestId("status-badge")).toHaveText("Planned");
    await screenshot(pageB, "conflict");
    await conflict.getByRole("button", { name: "Re-apply my change" }).click();
    await expect(rowB.getByTestId("status-badge")).toHaveText("At risk");
    await pageA.reload();
    await expect(pageA.locator(`#${rowId}`).getByTestId("status-badge")).toHaveText("At risk");
    await first.close();
    await second.close();
  });

  test("an editor adds a milestone and removes it; its history stays", async ({ page }) => {
    await page.goto("/workstreams/data-cube");
    await page.getByText("Add a milestone").click();
    const form = page.locator("details.add-milestone");
    await form.getByLabel(/^Title \(English\)/).fill("Data Cube 2023 release");
    await form.getByLabel(/^Target or event date/).fill("2023-13");
    await form.getByRole("button", { name: "Add milestone" }).click();
    await expect(form.getByText(/must be a year \(2021\), a month/)).toBeVisible();
    await form.getByLabel(/^Target or event date/).fill("2023-06");
    await form.getByRole("button", { name: "Add milestone" }).click();
    const row = page.getByTestId("milestone-row").filter({ hasText: "Data Cube 2023 release" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("June 2023");
    await row.getByRole("button", { name: /^Update/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove milestone" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove", exact: true }).click();
    await expect(row).toHaveCount(0);
    await expect(page.getByTestId("history-feed")).toContainText("removed");
  });
});

test.describe("translations", () => {
  test.use({ storageState: storageStateOf("editor") });

  test("an editor adds a French title: the French page shows it unmarked, the history records it, and it can be removed", async ({ page }) => {
    await page.goto("/fr/workstreams/data-cube");
    const row = page.getByTestId("milestone-row").first();
    const englishTitle = (await row.locator(".milestone-title [lang=en]").first().textContent())!;
    await expect(row.locator(".milestone-title [data-untranslated]")).toHaveText("non traduit");
    // What the mark means is said once, in the footer, not on each mark.
    await expect(page.getByTestId("untranslated-note")).toHaveCount(1);
    await expect(page.getByTestId("untranslated-note")).toContainText("affichés en anglais");
    await expect(row.locator(".milestone-title [data-untranslated]")).not.toHaveAttribute("title", /.+/);

    await row.getByRole("button", { name: /^Mettre à jour/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByTestId("translations").locator("summary").click();
    await dialog.getByLabel(/titre en français/).fill("Cube de données du système des Nations Unies : normes");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await expect(dialog).toHaveCount(0);

    await expect(row.locator(".milestone-title")).toContainText("Cube de données du système des Nations Unies : normes");
    await expect(row.locator(".milestone-title [data-untranslated]")).toHaveCount(0);
    const entry = page.getByTestId("history-feed").locator("li").first();
    await expect(entry).toContainText("Titre (Français)");
    await expect(entry).toContainText("editor");
    await expect(entry).not.toContainText("@e2e.test");

    // Other languages still show English, marked; English is unchanged.
    await page.goto("/es/workstreams/data-cube");
    await expect(page.getByTestId("milestone-row").first().locator(".milestone-title")).toContainText(englishTitle);
    await expect(page.getByTestId("milestone-row").first().locator(".milestone-title [data-untranslated]")).toHaveText("sin traducir");

    // Emptying the field removes the translation again.
    await page.goto("/fr/workstreams/data-cube");
    await page
      .getByTestId("milestone-row")
      .first()
      .getByRole("button", { name: /^Mettre à jour/ })
      .click();
    await page.getByRole("dialog").getByTestId("translations").locator("summary").click();
    await page
      .getByRole("dialog")
      .getByLabel(/titre en français/)
      .fill("");
    await page.getByRole("dialog").getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByTestId("milestone-row").first().locator(".milestone-title [data-untranslated]")).toHaveText("non traduit");
  });
});

test.describe("the milestone editor by keyboard", () => {
  test.use({ storageState: storageStateOf("editor") });

  test("opens with Enter, closes with Escape and gives focus back", async ({ page }) => {
    await page.goto("/workstreams/ai-working-group");
    const button = page
      .getByTestId("milestone-row")
      .first()
      .getByRole("button", { name: /^Update/ });
    await button.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Status")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(button).toBeFocused();
  });
});
