import { expect, request, test } from "@playwright/test";
import { reportSeed } from "../db/seed/report-e-2022-13";
import { E2E_ACCOUNTS, storageStateOf } from "./accounts";
import { expectNoSeriousAxeViolations, screenshot } from "./helpers";

const NEW_PASSWORD = "a password for the new editor";
const DATA_CUBE = reportSeed.workstreams.find((stream) => stream.slug === "data-cube")!.nameEn;

test.describe("administration", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an admin creates an editor, assigns one workstream, and creates a token that is shown once", async ({ page, baseURL }) => {
    const email = `new.editor.${Date.now()}@e2e.test`;
    await page.goto("/admin");
    const form = page.getByTestId("create-user-form");

    // An email that is not one is refused next to the field, and no account is made.
    await form.getByLabel(/^Email/).fill("not-an-email");
    await form.getByLabel(/^Password/).fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByTestId("email-error")).toContainText("must be an email address");
    await expect(form.getByLabel(/^Email/)).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel(/^Email/)).toHaveValue("not-an-email");
    await expect(page.getByTestId("user-row").filter({ hasText: "not-an-email" })).toHaveCount(0);

    await form.getByLabel(/^Email/).fill(email);
    await form.getByLabel(/^Name/).fill("New Editor");
    await form.getByLabel("Role").selectOption("editor");
    await form.getByLabel(/^Password/).fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("status")).toContainText(`Created the account for ${email}`);
    await expect(form.getByTestId("email-error")).toHaveCount(0);
    const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
    await expect(row).toContainText("Editor");
    await expect(row.locator("td.num")).toHaveText("0");

    // Assign exactly one workstream on the user's own page.
    await row.getByRole("link", { name: email }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New Editor" })).toBeVisible();
    const access = page.getByTestId("access-form");
    await expect(access.getByLabel("Role")).toHaveValue("editor");
    await access.getByRole("checkbox", { name: DATA_CUBE }).check();
    await access.getByRole("button", { name: "Save access" }).click();
    await expect(access.getByRole("status")).toContainText("Access saved");
    await page.reload();
    await expect(page.getByTestId("access-form").getByRole("checkbox", { name: DATA_CUBE })).toBeChecked();
    await expect(page.getByTestId("access-form").getByRole("checkbox", { checked: true })).toHaveCount(1);

    // A token: shown once, then only its prefix; it works until it is revoked.
    const tokens = page.locator("section", { has: page.getByRole("heading", { name: "API tokens" }) });
    await expect(tokens.getByTestId("token-list-empty")).toBeVisible();
    await tokens.getByLabel("Name").fill("e2e script");
    await tokens.getByLabel("Scope").selectOption("read");
    await tokens.getByRole("button", { name: "Create token" }).click();
    const shown = tokens.getByTestId("new-token-value");
    await expect(shown).toHaveValue(/^ceb_[\w-]{40,}$/);
    await expect(shown).toHaveAttribute("readonly", "");
    await expect(tokens.getByTestId("new-token")).toContainText("only time it is shown");
    const token = await shown.inputValue();
    const tokenRow = tokens.getByTestId("token-row").filter({ hasText: "e2e script" });
    await expect(tokenRow).toContainText(token.slice(0, 10));
    await expect(tokenRow).toContainText("Active");
    await screenshot(page, "admin-user");

    const api = await request.newContext({ baseURL });
    const asScript = () => api.get("/api/milestones?pageSize=1", { headers: { authorization: `Bearer ${token}` } });
    expect((await asScript()).status()).toBe(200);

    await page.reload();
    await expect(page.getByTestId("new-token")).toHaveCount(0);
    expect(await page.content()).not.toContain(token);

    const listed = page.getByTestId("token-row").filter({ hasText: "e2e script" });
    await listed.getByRole("button", { name: /^Revoke/ }).click();
    await listed.getByRole("button", { name: "Revoke", exact: true }).click();
    await expect(listed).toContainText("Revoked");
    expect((await asScript()).status()).toBe(401);
    await api.dispose();

    await page.goto("/admin");
    await expect(page.locator(`[data-testid="user-row"][data-email="${email}"] td.num`)).toHaveText("1");
  });

  test("a workstream slug that is taken is refused next to the field", async ({ page }) => {
    await page.goto("/admin/workstreams");
    await expect(page.getByTestId("workstream-row")).toHaveCount(reportSeed.workstreams.length);
    const form = page.getByTestId("workstream-create-form");
    await form.getByLabel(/^Slug/).fill("data-cube");
    await form.getByLabel(/^Parent body/).selectOption("HLCM");
    await form.getByLabel(/^Name \(English\)/).fill("A second Data Cube");
    await form.getByRole("button", { name: "Add workstream" }).click();
    await expect(form.getByTestId("slug-error")).toContainText("is already used by another workstream");
    await expect(form.getByLabel(/^Name \(English\)/)).toHaveValue("A second Data Cube");
    await expect(page.getByTestId("workstream-row")).toHaveCount(reportSeed.workstreams.length);
  });

  test("the admin pages pass axe and are kept as screenshots", async ({ page }) => {
    await page.goto("/admin");
    await expect(page.getByTestId("users-table")).toBeVisible();
    for (const account of Object.values(E2E_ACCOUNTS)) {
      await expect(page.locator(`[data-testid="user-row"][data-email="${account.email}"]`)).toBeVisible();
    }
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, "admin");
    await page.goto("/admin/workstreams");
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, "admin-workstreams");
    await page.goto("/admin/workstreams/data-cube");
    await expect(page.getByTestId("workstream-edit-form").getByLabel(/^Slug/)).toHaveValue("data-cube");
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, "admin-workstream-edit");
  });

  test("unknown users and workstreams answer 404", async ({ page }) => {
    expect((await page.goto("/admin/users/no-such-user"))!.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect((await page.goto("/admin/workstreams/no-such-workstream"))!.status()).toBe(404);
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("sees no admin content at /admin, and no admin link", async ({ page }) => {
    for (const path of ["/admin", "/admin/workstreams", "/admin/workstreams/data-cube", "/admin/users/no-such-user"]) {
      // Forbidden, and said so in the answer's status, not only in the page.
      expect((await page.goto(path))!.status(), path).toBe(403);
      await expect(page.getByTestId("admin-required")).toContainText("You need the admin role");
      await expect(page.getByTestId("users-table")).toHaveCount(0);
      await expect(page.getByTestId("create-user-form")).toHaveCount(0);
      await expect(page.getByTestId("workstreams-table")).toHaveCount(0);
      await expect(page.locator("form")).toHaveCount(1); // only the header's sign-out
    }
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  });

  test("sees their own account with their tokens", async ({ page }) => {
    await page.goto("/account");
    await expect(page.getByTestId("account-facts")).toContainText(E2E_ACCOUNTS.viewer.email);
    await expect(page.getByTestId("account-facts")).toContainText("Viewer");
    await page.getByLabel("Name").fill("my export");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByTestId("new-token-value")).toHaveValue(/^ceb_/);
    await expect(page.getByTestId("token-row").filter({ hasText: "my export" })).toContainText("Read");
    await screenshot(page, "account");
  });
});
