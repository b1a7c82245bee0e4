import { expect, test as setup } from "@playwright/test";
import { E2E_ACCOUNTS, E2E_PASSWORD, type E2ERole, storageStateOf } from "./accounts";

// Signs each role in once through the real form and keeps its session for the other tests.
for (const role of Object.keys(E2E_ACCOUNTS) as E2ERole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(E2E_ACCOUNTS[role].email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText(`(${role})`);
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
