import { directionOf, isLocale } from "@/i18n/locales";
import { type Direction, textDirection } from "@/lib/domain/text-direction";
import { wrapLabel } from "@/lib/domain/wrap-label";

/** Reading direction of a language tag ("ar", "ar-EG", "en-GB"); unknown languages read left to right. */
export function chartDirection(tag: string): Direction {
  const language = tag.split("-")[0];
  return isLocale(language) ? directionOf(language) : "ltr";
}

/**
 * Props that mirror a chart for right to left. recharts lays out in physical coordinates, so the
 * category or time axis is reversed and the value axis moved to the right by its own props.
 */
export function chartMirror(direction: Direction) {
  const rtl = direction === "rtl";
  return {
    rtl,
    margin: rtl ? { top: 8, right: 8, bottom: 8, left: 24 } : { top: 8, right: 24, bottom: 8, left: 8 },
    sideAxis: rtl ? ("right" as const) : ("left" as const),
    legendAlign: rtl ? ("right" as const) : ("center" as const),
  };
}

type CategoryTickProps = {
  x?: number | string;
  y?: number | string;
  payload?: { value?: string };
  /** From recharts: "end" for an axis on the left (labels left of it), "start" for one on the right. */
  textAnchor?: string;
};

/**
 * A y-axis label of at most two lines; the full name is in the tooltip and the table. The label
 * reads in its own direction (an English name on an Arabic page stays left to right); SVG
 * resolves text-anchor against that direction, so the anchor is chosen for it and the axis side.
 */
export function WrappedCategoryTick({ x, y, payload, textAnchor = "end" }: CategoryTickProps) {
  const value = String(payload?.value ?? "");
  const direction = textDirection(value);
  const lines = wrapLabel(value, 36, 2);
  const top = Number(y) - ((lines.length - 1) * 15) / 2;
  const onRight = textAnchor === "start";
  const tx = Number(x) + (onRight ? 6 : -6);
  // Labels on the right begin at tx (their left edge): the start of left-to-right text, the end of right-to-left text.
  const anchor = onRight === (direction === "ltr") ? "start" : "end";
  return (
    <text x={tx} y={top} textAnchor={anchor} direction={direction} fontSize={13} fill="#1c2430" dominantBaseline="middle">
      <title>{value}</title>
      {lines.map((line, index) => (
        <tspan key={index} x={tx} dy={index === 0 ? 0 : 15}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
