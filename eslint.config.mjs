import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.test.ts", "e2e/**/*.ts"],
    rules: { "no-restricted-syntax": ["error", { selector: "CallExpression[callee.property.name='only']", message: "No focused tests." }] },
  },
  globalIgnores(["e2e/.artifacts/**", ".next/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "drizzle/meta/**"]),
]);
