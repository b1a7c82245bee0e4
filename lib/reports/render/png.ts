import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import type { Resvg as ResvgType, ResvgRenderOptions } from "@resvg/resvg-js";

type ResvgModule = { Resvg: typeof ResvgType };

let resvg: ResvgModule | null = null;

/**
 * @resvg/resvg-js is a native addon; it is loaded from node_modules at run time so that the
 * Next.js bundler never tries to bundle its binary.
 */
function loadResvg(): ResvgModule {
  if (!resvg) {
    const requireFromApp = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"));
    const name = ["@resvg", "resvg-js"].join("/");
    resvg = requireFromApp(name) as ResvgModule;
  }
  return resvg;
}

/**
 * Renders an SVG to PNG at `scale` times its size. The SVGs given here draw their text as
 * outlines (see glyph-paths.ts), so no font is loaded: system fonts play no part.
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  const options: ResvgRenderOptions = {
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    font: { loadSystemFonts: false },
  };
  const { Resvg } = loadResvg();
  return new Resvg(svg, options).render().asPng();
}
