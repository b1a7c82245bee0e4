import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { CLIENT_NAMESPACES, clientMessages } from "./client-messages";

/** Every file that runs in the browser: "use client" files and lib/client. */
function clientFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return clientFiles(file);
    if (!/\.tsx?$/.test(entry.name) || entry.name.endsWith(".test.ts")) return [];
    const text = fs.readFileSync(file, "utf8");
    return text.startsWith('"use client"') || file.includes(`lib${path.sep}client`) ? [text] : [];
  });
}

describe("messages sent to the browser", () => {
  it("include every namespace a client component translates with, and nothing else", () => {
    const used = new Set(
      [...clientFiles("app"), ...clientFiles(path.join("lib", "client"))].flatMap((text) =>
        [...text.matchAll(/useTranslations\("([^".]+)/g)].map((m) => m[1]!),
      ),
    );
    expect(used.size).toBeGreaterThan(0);
    for (const name of used) expect(CLIENT_NAMESPACES).toContain(name);
    const sent = clientMessages(en);
    expect(Object.keys(sent).sort()).toEqual([...CLIENT_NAMESPACES].sort());
    expect(sent).not.toHaveProperty("overview");
  });
});
