import { expect, test } from "@playwright/test";
import { E2E_ACCOUNTS, E2E_PASSWORD, storageStateOf } from "./accounts";
import { screenshot } from "./helpers";

test.describe("signing in", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("an anonymous visitor is sent to sign-in and comes back after it", async ({ page }) => {
    await page.goto("/timeline?year=2021");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Ftimeline%3Fyear%3D2021/);
    await screenshot(page, "sign-in");
    await page.getByLabel("Email").fill(E2E_ACCOUNTS.viewer.email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/timeline\?year=2021$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(E2E_ACCOUNTS.viewer.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText("The email or the password is wrong.");
  });

  test("an email that is not one is flagged next to the field", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("whatever");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#email-error")).toContainText("email address");
  });

  test("the API refuses anonymous reads but the health check answers", async ({ request }) => {
    expect((await request.get("/api/workstreams")).status()).toBe(401);
    expect((await request.get("/api/health")).status()).toBe(200);
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("sees no edit controls, and a direct API write with the session cookie is refused", async ({ page, baseURL }) => {
    await page.goto("/workstreams/ai-working-group");
    await expect(page.getByTestId("status-badge").first()).toBeVisible();
    await expect(page.getByRole("button", { name: /^Update/ })).toHaveCount(0);
    await expect(page.getByText("Add a milestone")).toHaveCount(0);
    const milestone = await (await page.request.get("/api/milestones?workstream=ai-working-group&pageSize=1")).json();
    const target = milestone.items[0];
    const response = await page.request.patch(`/api/milestones/${target.id}`, {
      headers: { origin: baseURL! },
      data: { version: target.version, status: "delayed", note: "viewer tries" },
    });
    expect(response.status()).toBe(401);
    const after = await (await page.request.get(`/api/milestones/${target.id}`)).json();
    expect(after).toMatchObject({ status: target.status, version: target.version });
  });
});

test.describe("an editor's session cookie", () => {
  test.use({ storageState: storageStateOf("editor") });

  test("cannot write through the API, from this site or another: writes there take a token", async ({ page, baseURL }) => {
    await page.goto("/");
    const list = await (await page.request.get("/api/milestones?workstream=data-cube&pageSize=1")).json();
    const target = list.items[0];
    for (const origin of [baseURL!, "https://evil.example"]) {
      const response = await page.request.patch(`/api/milestones/${target.id}`, {
        headers: { origin },
        data: { version: target.version, status: "cancelled", note: "forged" },
      });
      expect(response.status()).toBe(401);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
      expect((await response.json()).detail).toMatch(/need an API token/);
    }
    const after = await (await page.request.get(`/api/milestones/${target.id}`)).json();
    expect(after).toMatchObject({ status: target.status, version: target.version });
  });
});
