/** Accounts the end-to-end server is started with (created through `npm run user:create`). */
export const E2E_PASSWORD = "e2e password for tests only";

export const E2E_ACCOUNTS = {
  admin: { email: "admin@e2e.test", role: "admin" },
  editor: { email: "editor@e2e.test", role: "editor" },
  viewer: { email: "viewer@e2e.test", role: "viewer" },
} as const;

export type E2ERole = keyof typeof E2E_ACCOUNTS;

export const storageStateOf = (role: E2ERole) => `e2e/.artifacts/auth/${role}.json`;
