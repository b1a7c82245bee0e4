import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { stopSharedServer } from "./postgres-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where this run's PostgreSQL test server keeps its cluster and its ready marker. */
    postgresStateDir: string;
  }
}

/**
 * Vitest global setup: a folder for the run's PostgreSQL test server. The server itself starts
 * only when a test file asks for a database (tests/setup/postgres.ts); it is stopped and the
 * folder removed when the run ends.
 */
export default function setup(project: TestProject) {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "ceb-pg-"));
  project.provide("postgresStateDir", stateDir);
  return () => stopSharedServer(stateDir);
}
