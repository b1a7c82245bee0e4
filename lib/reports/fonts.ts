import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * Noto Sans SC, shipped in an npm package (@expo-google-fonts/noto-sans-sc) as whole TrueType
 * files: one font covers the Latin, Cyrillic and Chinese text, pdfkit embeds only the glyphs a
 * document uses, and resvg draws the chart images with it, on any machine, whatever fonts the
 * system has. Arabic, which Noto Sans SC lacks, comes from Noto Sans Arabic in the same family
 * of packages: TrueType with the OpenType tables (GSUB, GPOS) that fontkit shapes joined letters
 * with, and designed to sit beside Noto Sans. See docs/decisions/004-report-exports.md.
 */
export const REPORT_FONT_FAMILY = "Noto Sans SC";
export const REPORT_ARABIC_FONT_FAMILY = "Noto Sans Arabic";

const FILES = {
  regular: ["noto-sans-sc", "400Regular", "NotoSansSC_400Regular.ttf"],
  bold: ["noto-sans-sc", "700Bold", "NotoSansSC_700Bold.ttf"],
  arabicRegular: ["noto-sans-arabic", "400Regular", "NotoSansArabic_400Regular.ttf"],
  arabicBold: ["noto-sans-arabic", "700Bold", "NotoSansArabic_700Bold.ttf"],
} as const;

export type ReportFontName = keyof typeof FILES;
export type ReportFontFiles = Record<ReportFontName, string>;

let cached: ReportFontFiles | null = null;

export function reportFontFiles(): ReportFontFiles {
  if (cached) return cached;
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "@expo-google-fonts");
  const files = Object.fromEntries(Object.entries(FILES).map(([name, parts]) => [name, path.join(dir, ...parts)])) as ReportFontFiles;
  for (const [name, file] of Object.entries(files)) {
    if (!fs.existsSync(/*turbopackIgnore: true*/ file)) {
      const pkg = FILES[name as ReportFontName][0];
      throw new Error(`The report font ${file} is missing: run npm install (it comes with @expo-google-fonts/${pkg}).`);
    }
  }
  cached = files;
  return files;
}

let buffers: Record<ReportFontName, Buffer> | null = null;

/** The font files' bytes, read once per process and shared by every document. */
export function reportFontBuffers(): Record<ReportFontName, Buffer> {
  if (!buffers) {
    const files = reportFontFiles();
    buffers = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, fs.readFileSync(/*turbopackIgnore: true*/ file)])) as Record<
      ReportFontName,
      Buffer
    >;
  }
  return buffers;
}
