// Builds the app unless the last build (.next) was made from exactly the sources there are now,
// so the end-to-end tests and the reliability suite share one `next build` in `npm test`.
import { createHash } from "node:crypto";
import { execFileSync, execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const STAMP = ".next/.ceb-source-hash";
/** Files that never reach the build: tests, docs and scripts run beside it. */
const IGNORED = [
  /^e2e\//,
  /^tests\//,
  /\.test\.tsx?$/,
  /^docs\//,
  /\.md$/,
  /^bench\//,
  /^scripts\//,
  /^\.ci\//,
  /^db\/cli\//,
  /^db\/seed\/source\//,
  /^(playwright|vitest[\w.-]*|drizzle)\.config\.ts$/,
  /^eslint\.config\.mjs$/,
  /^\.gitignore$/,
];

/** A hash of every source file git knows about (tracked, or new and not ignored), by path and content. */
export function sourceHash() {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" })
    .split("\0")
    .filter((file) => file && !IGNORED.some((pattern) => pattern.test(file)) && fs.existsSync(file))
    .sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function buildOnce() {
  const hash = sourceHash();
  const built = fs.existsSync(".next/BUILD_ID") && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === hash;
  if (built) {
    console.log("build-once: .next was built from these sources; not building again.");
    return;
  }
  execSync("npx next build", { stdio: "inherit" });
  fs.mkdirSync(path.dirname(STAMP), { recursive: true });
  fs.writeFileSync(STAMP, hash);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) buildOnce();
