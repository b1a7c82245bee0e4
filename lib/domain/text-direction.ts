/** Reading direction of a language or a text. */
export type Direction = "ltr" | "rtl";

/** Hebrew, Arabic, Syriac, Thaana, N'Ko… and the Arabic presentation forms: strong right-to-left. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export const hasRtl = (text: string): boolean => RTL.test(text);

/** The direction of a text by its first letter, as `dir="auto"` decides it (SVG text has no `dir`). */
export function textDirection(text: string): Direction {
  const first = text.match(/\p{L}/u)?.[0];
  return first !== undefined && hasRtl(first) ? "rtl" : "ltr";
}
