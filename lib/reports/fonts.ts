import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * Noto Sans SC, shipped in an npm package (@expo-google-fonts/noto-sans-sc) as whole TrueType
 * files: one font covers the Latin and the Chinese text, pdfkit embeds only the glyphs a
 * document uses, and resvg draws the chart images with it, on any machine, whatever fonts the
 * system has. See docs/decisions/004-report-exports.md.
 */
export const REPORT_FONT_FAMILY = "Noto Sans SC";

const PACKAGE_DIR = ["node_modules", "@expo-google-fonts", "noto-sans-sc"];

export type ReportFontFiles = { regular: string; bold: string };

let cached: ReportFontFiles | null = null;

export function reportFontFiles(): ReportFontFiles {
  if (cached) return cached;
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), ...PACKAGE_DIR);
  const files = {
    regular: path.join(dir, "400Regular", "NotoSansSC_400Regular.ttf"),
    bold: path.join(dir, "700Bold", "NotoSansSC_700Bold.ttf"),
  };
  for (const file of Object.values(files)) {
    if (!fs.existsSync(/*turbopackIgnore: true*/ file)) throw new Error(`The report font ${file} is missing: run npm install (it comes with @expo-google-fonts/noto-sans-sc).`);
  }
  cached = files;
  return files;
}

let buffers: { regular: Buffer; bold: Buffer } | null = null;

/** The font files' bytes, read once per process and shared by every document. */
export function reportFontBuffers(): { regular: Buffer; bold: Buffer } {
  if (!buffers) {
    const files = reportFontFiles();
    buffers = { regular: fs.readFileSync(/*turbopackIgnore: true*/ files.regular), bold: fs.readFileSync(/*turbopackIgnore: true*/ files.bold) };
  }
  return buffers;
}
