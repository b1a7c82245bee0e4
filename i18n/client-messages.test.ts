import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { type ClientMessagesPage, clientMessages, PAGE_CLIENT_NAMESPACES, SHARED_CLIENT_NAMESPACES } from "./client-messages";

const APP = path.join("app", "[locale]");
/** Where each page's layout sends its own namespaces (see the layout.tsx files there). */
const PAGE_FOLDERS: Record<ClientMessagesPage, string> = {
  workstream: path.join(APP, "workstreams", "[slug]"),
  timeline: path.join(APP, "(dashboard)", "timeline"),
  admin: path.join(APP, "admin"),
  account: path.join(APP, "account"),
  ingest: path.join(APP, "ingest"),
  signIn: path.join(APP, "sign-in"),
};

/** The files Next renders for a route: pages, layouts and their boundaries. */
const ROUTE_FILE = /^(page|layout|loading|error|not-found|forbidden|unauthorized|template|default)\.tsx$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [file] : [];
  });
}

/** The file an import names, for imports inside the project (relative or "@/"). */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(from), specifier) : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every project file the given files import, directly or through others. */
function reachable(files: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(/from\s+"([^"]+)"|import\("([^"]+)"\)/g)) {
      const target = resolveImport(file, (match[1] ?? match[2])!);
      if (target) queue.push(target);
    }
  }
  return [...seen];
}

/** The namespaces the browser code among `files` translates with. */
function clientNamespaces(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    if (!text.startsWith('"use client"') && !file.includes(path.join("lib", "client"))) continue;
    for (const match of text.matchAll(/useTranslations\("([^".]+)/g)) names.add(match[1]!);
  }
  return names;
}

describe("messages sent to the browser", () => {
  it("on every page, include each namespace a client component there translates with", () => {
    const pageFolders = Object.values(PAGE_FOLDERS);
    // Routes without a layout of their own get the shared namespaces only; start from their
    // route files (not every component in app/, some of which only one page renders).
    const otherPages = sourceFiles(APP).filter(
      (file) => ROUTE_FILE.test(path.basename(file)) && !pageFolders.some((folder) => file.startsWith(folder + path.sep)),
    );
    const shared = clientNamespaces(reachable(otherPages));
    expect(shared.size).toBeGreaterThan(0);
    for (const name of shared) expect(SHARED_CLIENT_NAMESPACES, `shared pages use "${name}"`).toContain(name);

    for (const [page, folder] of Object.entries(PAGE_FOLDERS) as [ClientMessagesPage, string][]) {
      expect(fs.existsSync(path.join(folder, "layout.tsx")), `${folder} sends its messages from a layout`).toBe(true);
      expect(fs.readFileSync(path.join(folder, "layout.tsx"), "utf8")).toContain(`page="${page}"`);
      const sent: readonly string[] = [...SHARED_CLIENT_NAMESPACES, ...PAGE_CLIENT_NAMESPACES[page]];
      for (const name of clientNamespaces(reachable(sourceFiles(folder)))) {
        expect(sent, `${page} pages use "${name}"`).toContain(name);
      }
    }
  });

  it("follows imports across folders: the roadmap's milestone peek brings the workstream editor's words", () => {
    const roadmap = clientNamespaces(reachable(sourceFiles(PAGE_FOLDERS.timeline)));
    expect(roadmap).toContain("editor");
  });

  it("send a page's own namespaces beside the shared ones, and nothing else", () => {
    expect(Object.keys(clientMessages(en)).sort()).toEqual([...SHARED_CLIENT_NAMESPACES].sort());
    const roadmap = clientMessages(en, "timeline");
    expect(Object.keys(roadmap).sort()).toEqual([...SHARED_CLIENT_NAMESPACES, ...PAGE_CLIENT_NAMESPACES.timeline].sort());
    expect(roadmap).not.toHaveProperty("overview");
    expect(roadmap).not.toHaveProperty("admin");
  });
});
