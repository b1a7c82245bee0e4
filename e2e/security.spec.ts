import { expect, type Page, test } from "@playwright/test";
import { storageStateOf } from "./accounts";

/** Collects what the browser reports as refused by the page's Content Security Policy. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe("the Content Security Policy", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("every kind of page works under it: no refusals, charts drawn, client code running", async ({ page }) => {
    const violations = watchCsp(page);
    for (const path of [
      "/en",
      "/en/timeline?year=2021",
      "/en/workstreams/ai-working-group",
      "/fr/reports/2021",
      "/ar",
      "/en/admin",
      "/en/account",
      "/en/no-such-page",
    ]) {
      const response = await page.goto(path);
      const csp = response!.headers()["content-security-policy"] ?? "";
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      await page.waitForLoadState("networkidle");
    }
    // Client components hydrated: the language menu navigates, a chart is drawn.
    await page.goto("/en");
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("an injected inline script or event handler does not run", async ({ page }) => {
    const violations = watchCsp(page);
    // As if a stored value had slipped through into the HTML: the page as served, plus markup
    // an attacker would want parsed, under the policy the server sent with it.
    await page.route("**/en/workstreams/ai-working-group", async (route) => {
      const response = await route.fetch();
      const injected = `<script>window.__injected = "script"</script><img src="/nope.png" onerror="window.__injected = 'handler'">`;
      await route.fulfill({ response, body: (await response.text()).replace("</main>", `${injected}</main>`) });
    });
    await page.goto("/en/workstreams/ai-working-group");
    await expect(page.getByTestId("status-badge").first()).toBeVisible();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as { __injected?: string }).__injected)).toBeUndefined();
    expect(violations.length).toBeGreaterThanOrEqual(2);
  });

  test("pages refuse to be framed and carry the other headers", async ({ page }) => {
    const headers = (await page.goto("/en/admin"))!.headers();
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });
});

test.describe("the API and server actions", () => {
  test("authenticated API JSON is not cached; unknown API paths answer problem+json 404", async ({ page }) => {
    const read = await page.request.get("/api/workstreams");
    expect(read.status()).toBe(200);
    expect(read.headers()["cache-control"]).toBe("no-store");
    expect(read.headers()["x-content-type-options"]).toBe("nosniff");
    for (const method of ["GET", "POST", "DELETE"]) {
      const missing = await page.request.fetch("/api/no-such-thing/1", { method, headers: { origin: "http://127.0.0.1" } });
      expect(missing.status(), method).toBe(404);
      expect(missing.headers()["content-type"]).toContain("application/problem+json");
    }
  });

  test("a server action from a foreign origin, or with none, is 403", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    for (const headers of [{ origin: "https://evil.example" }, {}] as Record<string, string>[]) {
      const response = await api.post("/en/sign-in", {
        headers: { "next-action": "0000000000000000000000000000000000000000", "content-type": "text/plain;charset=UTF-8", ...headers },
        data: "[]",
      });
      expect(response.status(), JSON.stringify(headers)).toBe(403);
    }
    await api.dispose();
  });
});
