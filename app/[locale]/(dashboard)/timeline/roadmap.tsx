"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { type CSSProperties, Fragment, memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { directionOf, isLocale } from "@/i18n/locales";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { slipBetween, slipMessageValues } from "@/lib/domain/slip";
import { BAR_ONGOING, barReach } from "@/lib/domain/timeline-bar";
import {
  type Day,
  dayOf,
  fractionOf,
  isoOf,
  panBy,
  panDays,
  rezoom,
  type TimeWindow,
  windowAround,
  windowFrom,
  windowLength,
  windowTicks,
  windowToParams,
  type Zoom,
  ZOOMS,
} from "@/lib/domain/timeline-window";
import type { CompactBar, CompactReason, TimelineBars, TimelineFrame, TimelineLane } from "@/lib/queries/timeline";
import type { Filters } from "@/lib/validation/filters";
import { STATUS_COLORS } from "@/lib/domain/status-colors";
import { chunksOf, firstRowsOf, prefetchNeighbours, prefetchOtherZooms, seedBars, useBars, useFrame, useLanes } from "./roadmap-data";
import { PhoneList } from "./phone-list";
import "./roadmap.css";
import { TimelineExportLinks } from "./timeline-export-links";

const ROW = 30;
const GROUP_ROW = 36;
const HEADER = 44;
const LABEL_COLUMN = 240;
/** Average width of a character of a bar label (0.75rem), to judge whether a title fits. */
const CHAR_PX = 6.5;

export type RoadmapView = { start: Day; zoom: Zoom; group: "body" | "none"; collapsed: string[] };

type Props = {
  frame: TimelineFrame;
  seeded: { tile: number; chunk: number; data: TimelineBars }[];
  view: RoadmapView;
  filters: Filters;
  today: string;
  canEdit: boolean;
};

type Item = { kind: "group"; code: string; name: string; lanes: number } | { kind: "row"; lane: number; row: number };

const colorOf = (status: string) => (STATUS_COLORS as Record<string, string>)[status] ?? "#5b6b82";

/**
 * The status history of a bar as a gradient along the part of it that is drawn (`from`..`to`,
 * days, end exclusive), each status from the day it was set. Every segment keeps at least
 * `minShare` of the bar, so a status set today is visible at the bar's end.
 */
function bandBackground(bar: CompactBar, statuses: readonly string[], rtl: boolean, from: number, to: number, minShare: number): string {
  const segments = bar[10];
  if (segments.length <= 2) {
    const color = colorOf(statuses[segments[1] ?? bar[5]]!);
    return `linear-gradient(${color}, ${color})`;
  }
  const length = Math.max(1, to - from);
  const count = segments.length / 2;
  const starts: number[] = [];
  for (let i = 0; i < count; i++) starts.push(Math.min(1, Math.max(0, (segments[i * 2]! - from) / length)));
  const ends = starts.map((_, i) => (i + 1 < count ? starts[i + 1]! : 1));
  for (let i = count - 1; i > 0; i--) {
    if (ends[i]! - starts[i]! < minShare && ends[i]! > 0) {
      starts[i] = Math.max(0, ends[i]! - minShare);
      ends[i - 1] = starts[i]!;
      if (starts[i - 1]! > starts[i]!) starts[i - 1] = starts[i]!;
    }
  }
  const stops = starts.flatMap((start, i) => {
    const color = colorOf(statuses[segments[i * 2 + 1]!]!);
    return [`${color} ${(start * 100).toFixed(2)}%`, `${color} ${(Math.max(start, ends[i]!) * 100).toFixed(2)}%`];
  });
  return `linear-gradient(to ${rtl ? "left" : "right"}, ${stops.join(", ")})`;
}

/**
 * The chart under the roadmap. Its data and table load once the bars are drawn and the browser is
 * idle; recharts, the largest script of the app, only when the chart comes near the screen
 * (portfolio-chart.tsx). It follows the window at low priority (a deferred value), so a zoom or a
 * pan never waits for it.
 */
const PortfolioChart = memo(
  dynamic(() => import("./portfolio-chart").then((m) => m.PortfolioChart), {
    ssr: false,
    loading: () => <div className="chart chart--loading" aria-hidden="true" />,
  }),
);

/**
 * The milestone behind a clicked bar. It carries the milestone editor and its validation (zod),
 * a large script the first screen does not need: it loads on the first click.
 */
const MilestonePeek = dynamic(() => import("./milestone-peek").then((m) => m.MilestonePeek), { ssr: false });

/** Runs a callback when the browser is next idle (at most two seconds later); returns how to cancel it. */
function whenIdle(callback: () => void): () => void {
  if (typeof window.requestIdleCallback !== "function") {
    const timer = window.setTimeout(callback, 200);
    return () => window.clearTimeout(timer);
  }
  const handle = window.requestIdleCallback(callback, { timeout: 2000 });
  return () => window.cancelIdleCallback(handle);
}

/** True once the browser has had an idle moment after the first render. */
function useIdleAfterFirstRender(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => whenIdle(() => setIdle(true)), []);
  return idle;
}

const phoneQuery = "(max-width: 639.98px)";
function usePhone(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const media = window.matchMedia(phoneQuery);
      media.addEventListener("change", notify);
      return () => media.removeEventListener("change", notify);
    },
    () => window.matchMedia(phoneQuery).matches,
    () => false,
  );
}

/** Writes the window, zoom, grouping and folded groups into the address without a round trip. */
function writeUrl(view: RoadmapView) {
  const url = new URL(window.location.href);
  const params = windowToParams({ start: view.start, end: view.start }, view.zoom);
  url.searchParams.set("from", params.from);
  if (params.zoom) url.searchParams.set("zoom", params.zoom);
  else url.searchParams.delete("zoom");
  if (view.group === "none") url.searchParams.set("group", "none");
  else url.searchParams.delete("group");
  if (view.collapsed.length) url.searchParams.set("collapsed", view.collapsed.join(","));
  else url.searchParams.delete("collapsed");
  window.history.replaceState(window.history.state, "", url);
}

/**
 * The roadmap: lanes (workstreams) grouped by parent body on a window of time that pans and
 * zooms. Only the rows in view are in the page; their bars come from the read API a tile of
 * time and a chunk of rows at a time, cached and prefetched around the window.
 */
export function Roadmap({ frame: initialFrame, seeded, view: initialView, filters, today, canEdit }: Props) {
  const t = useTranslations("timeline");
  const tStatus = useTranslations("status");
  const tReason = useTranslations("reason");
  const format = useFormatter();
  const locale = useLocale();
  const rtl = isLocale(locale) && directionOf(locale) === "rtl";
  const client = useQueryClient();
  useState(() => seedBars(client, { filters, lang: locale, zoom: initialView.zoom }, seeded));
  const { data: frame } = useFrame(filters, locale, initialFrame);
  const [view, setView] = useState(initialView);
  const base = useMemo(() => ({ filters, lang: locale, zoom: view.zoom }), [filters, locale, view.zoom]);
  const window_: TimeWindow = useMemo(() => windowFrom(view.start, view.zoom), [view.start, view.zoom]);
  const phone = usePhone();
  const [selected, setSelected] = useState<{ bar: CompactBar; lane: number } | null>(null);
  const todayDay = dayOf(today);
  const chartWindow = useDeferredValue(window_);
  const chartShown = useIdleAfterFirstRender();
  const [tableOpen, setTableOpen] = useState(false);

  const update = useCallback((next: Partial<RoadmapView>) => {
    setView((current) => {
      const merged = { ...current, ...next };
      writeUrl(merged);
      return merged;
    });
  }, []);

  const firstRows = useMemo(() => firstRowsOf(frame.laneRows), [frame.laneRows]);
  // Rows in order: a header per group (when grouped), then each lane's rows unless its group is folded.
  // A group's lanes follow each other, so the frame's counts are enough: names come per page of lanes.
  const items = useMemo<Item[]>(() => {
    const out: Item[] = [];
    let lane = 0;
    for (const group of frame.groups) {
      const lanes = lane + group.lanes;
      if (view.group === "body") out.push({ kind: "group", code: group.code, name: group.name, lanes: group.lanes });
      if (view.group === "body" && view.collapsed.includes(group.code)) {
        lane = lanes;
        continue;
      }
      for (; lane < lanes; lane++) {
        for (let row = firstRows[lane]!; row < firstRows[lane]! + frame.laneRows[lane]!; row++) out.push({ kind: "row", lane, row });
      }
    }
    return out;
  }, [frame, firstRows, view.group, view.collapsed]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (items[index]!.kind === "group" ? GROUP_ROW : ROW),
    overscan: 6,
    initialRect: { width: 1200, height: 640 },
    paddingStart: HEADER,
  });
  const virtualItems = virtualizer.getVirtualItems();
  // The lane name stays in view: on a lane's first row, and on the top row when that is scrolled past.
  const scrolled = virtualizer.scrollOffset ?? 0;
  const topIndex = virtualItems.find((virtual) => virtual.end > scrolled + HEADER)?.index;
  const rowItemsInView = virtualItems.flatMap((virtual) => {
    const item = items[virtual.index]!;
    return item.kind === "row" ? [item] : [];
  });
  const chunks = rowItemsInView.length ? chunksOf(rowItemsInView[0]!.row, rowItemsInView.at(-1)!.row) : [0];
  // The names of the lanes in view, and of the next few, so scrolling on finds them loaded.
  const laneAt = useLanes(filters, locale, frame, rowItemsInView[0]?.lane ?? 0, (rowItemsInView.at(-1)?.lane ?? 0) + 20);
  const { byRow, loading, error } = useBars(base, window_, chunks);
  // When the browser is idle: right after the first paint the main thread belongs to hydration.
  useEffect(() => {
    return whenIdle(() => prefetchNeighbours(client, base, window_, chunks));
    // Chunks as a string: a new array each render must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, base, window_.start, window_.end, chunks.join()]);
  // Once the bars in view are drawn, the other zooms of this stretch, so a zoom draws from the cache.
  useEffect(() => {
    if (loading) return;
    return whenIdle(() => prefetchOtherZooms(client, base, window_, chunks));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loading, client, base, window_.start, window_.end, chunks.join()]);

  // Track width for deciding which labels fit inside their bars.
  const [trackWidth, setTrackWidth] = useState(960);
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setTrackWidth(Math.max(200, element.clientWidth - LABEL_COLUMN)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [phone]);

  // Drag to pan: the window follows the pointer, the address is written when the drag ends.
  const drag = useRef<{ x: number; start: Day; moved: boolean } | null>(null);
  const onPointerDown = (event: React.PointerEvent) => {
    if (event.button !== 0 || (event.target as HTMLElement).closest("a,button")) return;
    drag.current = { x: event.clientX, start: view.start, moved: false };
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: React.PointerEvent) => {
    const current = drag.current;
    if (!current) return;
    const dx = (event.clientX - current.x) * (rtl ? -1 : 1);
    const days = Math.round((-dx / trackWidth) * windowLength(window_));
    if (days !== 0) current.moved = true;
    setView((state) => ({ ...state, start: current.start + days }));
  };
  const onPointerUp = () => {
    if (drag.current?.moved) setView((state) => (writeUrl(state), state));
    drag.current = null;
  };

  // Wheel with Shift (or a sideways wheel) pans; with Ctrl it zooms. A plain wheel scrolls the rows.
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        setView((state) => {
          const index = ZOOMS.indexOf(state.zoom) + (event.deltaY > 0 ? 1 : -1);
          const zoom = ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, index))]!;
          if (zoom === state.zoom) return state;
          const next = { ...state, zoom, start: rezoom(windowFrom(state.start, state.zoom), zoom).start };
          writeUrl(next);
          return next;
        });
      } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        const delta = event.shiftKey ? event.deltaY : event.deltaX;
        setView((state) => {
          const length = windowLength(windowFrom(state.start, state.zoom));
          const next = { ...state, start: state.start + Math.round((delta / 1000) * length) * (rtl ? -1 : 1) };
          writeUrl(next);
          return next;
        });
      }
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [rtl, phone]);

  const pan = (share: number) => update({ start: panBy(window_, share).start });
  const zoomTo = (zoom: Zoom) => update({ zoom, start: rezoom(window_, zoom).start });
  const goToday = () => update({ start: windowAround(todayDay, view.zoom).start });
  const onKeyDown = (event: React.KeyboardEvent) => {
    const later = rtl ? "ArrowLeft" : "ArrowRight";
    const earlier = rtl ? "ArrowRight" : "ArrowLeft";
    const step = Math.max(1, Math.round(windowLength(window_) / 12));
    if (event.key === later) update({ start: panDays(window_, step).start });
    else if (event.key === earlier) update({ start: panDays(window_, -step).start });
    else if (event.key === "+" || event.key === "=") zoomTo(ZOOMS[Math.max(0, ZOOMS.indexOf(view.zoom) - 1)]!);
    else if (event.key === "-") zoomTo(ZOOMS[Math.min(ZOOMS.length - 1, ZOOMS.indexOf(view.zoom) + 1)]!);
    else if (event.key === "t" || event.key === "T") goToday();
    else return;
    event.preventDefault();
  };

  const monthFormat = (day: Day, withYear: boolean) =>
    format.dateTime(new Date(day * 86_400_000), withYear ? { month: "short", year: "numeric", timeZone: "UTC" } : { month: "short", timeZone: "UTC" });
  const ticks = windowTicks(window_, view.zoom);
  // Years name themselves; at five years the quarters are lines without words.
  const tickLabel = (kind: string, day: Day) =>
    view.zoom === "five-years"
      ? kind === "year"
        ? format.dateTime(new Date(day * 86_400_000), { year: "numeric", timeZone: "UTC" })
        : ""
      : monthFormat(day, kind === "year");
  const windowLabel = t("windowLabel", {
    start: format.dateTime(new Date(window_.start * 86_400_000), { month: "long", year: "numeric", timeZone: "UTC" }),
    end: format.dateTime(new Date(window_.end * 86_400_000), { month: "long", year: "numeric", timeZone: "UTC" }),
  });
  const todayFraction = fractionOf(todayDay, window_);
  const todayIn = todayFraction >= 0 && todayFraction <= 1;
  const pct = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;
  // Descriptions format dates (Intl), so each bar's is made once per language.
  const [descriptions] = useState(() => new WeakMap<CompactBar, string>());
  // The latest reason as the workstream page's tooltips say it (reasonLine in _components/reason-text.tsx).
  const reasonText = ([note, by, at]: CompactReason) =>
    `${note ? `“${note}”` : tReason("none")} — ${tReason("by", { name: by })}, ${format.dateTime(new Date(at), { dateStyle: "medium" })}`;
  const describe = (bar: CompactBar) => {
    let text = descriptions.get(bar);
    if (text === undefined) descriptions.set(bar, (text = barDescription(bar, frame.statuses, locale, tStatus, t, reasonText)));
    return text;
  };

  // Bars of the rows in the page, for the table alternative (drawn only while it is open).
  const barsInView: { bar: CompactBar; lane: TimelineLane }[] = [];
  for (const virtual of tableOpen ? virtualItems : []) {
    const item = items[virtual.index]!;
    if (item.kind !== "row") continue;
    const lane = laneAt(item.lane);
    for (const bar of lane ? (byRow.get(item.row) ?? []) : [])
      if (bar[2] <= window_.end && barReach(bar[4], bar[7], window_) >= window_.start) barsInView.push({ bar, lane: lane! });
  }

  const toolbar = (
    <div className="roadmap__toolbar" role="toolbar" aria-label={t("controls")}>
      <div className="roadmap__zoom" role="group" aria-label={t("zoomLabel")}>
        {ZOOMS.map((zoom) => (
          <button key={zoom} type="button" className="button button--small" aria-pressed={view.zoom === zoom} onClick={() => zoomTo(zoom)} data-zoom={zoom}>
            {t(`zoomLevels.${zoom}`)}
          </button>
        ))}
      </div>
      <div className="roadmap__pan" role="group" aria-label={t("panLabel")}>
        <button type="button" className="button button--small" onClick={() => pan(-0.25)} data-testid="pan-earlier">
          {t("earlier")}
        </button>
        <button type="button" className="button button--small" onClick={goToday} data-testid="pan-today">
          {t("goToday")}
        </button>
        <button type="button" className="button button--small" onClick={() => pan(0.25)} data-testid="pan-later">
          {t("later")}
        </button>
      </div>
      <label className="roadmap__grouping">
        <input type="checkbox" checked={view.group === "body"} onChange={(event) => update({ group: event.target.checked ? "body" : "none" })} />
        {t("groupByBody")}
      </label>
      <p className="roadmap__window" aria-live="polite" data-testid="roadmap-window" data-from={isoOf(window_.start)} data-to={isoOf(window_.end)}>
        {windowLabel}
      </p>
    </div>
  );

  if (phone) {
    return (
      <section className="roadmap roadmap--phone" data-testid="timeline" data-direction={rtl ? "rtl" : "ltr"}>
        {toolbar}
        <PhoneList base={base} window={window_} frame={frame} describe={describe} />
        {chartShown && <PortfolioChart filters={filters} window={chartWindow} statuses={frame.statuses} />}
      </section>
    );
  }

  return (
    <section className="roadmap" data-testid="timeline" data-direction={rtl ? "rtl" : "ltr"} aria-label={t("caption")}>
      {toolbar}
      <Legend statuses={frame.statuses} today={formatPartialDate(today, locale)} />
      {!todayIn && (
        <p className="muted" data-testid="today-outside">
          {todayFraction > 1 ? t("todayAfter", { date: formatPartialDate(today, locale) }) : t("todayBefore", { date: formatPartialDate(today, locale) })}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {t("loadFailed")}
        </p>
      )}
      <div
        ref={scrollRef}
        className="roadmap__viewport"
        tabIndex={0}
        role="region"
        aria-label={t("viewportLabel")}
        aria-describedby="roadmap-keys"
        aria-busy={loading}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        data-testid="roadmap-viewport"
      >
        <div className="roadmap__canvas" style={{ blockSize: virtualizer.getTotalSize() }}>
          <div className="roadmap__header" style={{ blockSize: HEADER }} aria-hidden="true">
            <div className="roadmap__corner">{t("workstream")}</div>
            <div className="roadmap__ticks">
              {ticks.map((tick) => (
                <span key={tick.day} className={`roadmap__tick roadmap__tick--${tick.kind}`} style={{ insetInlineStart: pct(fractionOf(tick.day, window_)) }}>
                  {tickLabel(tick.kind, tick.day)}
                </span>
              ))}
              {todayIn && (
                <span className="roadmap__today-label" style={{ insetInlineStart: pct(todayFraction) }}>
                  {t("todayShort")}
                </span>
              )}
            </div>
          </div>
          <div className="roadmap__grid" aria-hidden="true">
            {ticks.map((tick) => (
              <span
                key={tick.day}
                className={`roadmap__gridline roadmap__gridline--${tick.kind}`}
                style={{ insetInlineStart: pct(fractionOf(tick.day, window_)) }}
              />
            ))}
            {todayIn && <span className="roadmap__today" data-testid="timeline-today" data-date={today} style={{ insetInlineStart: pct(todayFraction) }} />}
          </div>
          {virtualItems.map((virtual) => {
            const item = items[virtual.index]!;
            const style: CSSProperties = { transform: `translateY(${virtual.start}px)`, blockSize: virtual.size };
            if (item.kind === "group") {
              const folded = view.collapsed.includes(item.code);
              return (
                <div key={`g-${item.code}`} className="roadmap__group" style={style} data-testid="timeline-group" data-group={item.code}>
                  <button
                    type="button"
                    aria-expanded={!folded}
                    onClick={() => update({ collapsed: folded ? view.collapsed.filter((code) => code !== item.code) : [...view.collapsed, item.code] })}
                  >
                    <span aria-hidden="true" className="roadmap__chevron">
                      {folded ? (rtl ? "◂" : "▸") : "▾"}
                    </span>
                    {item.name}
                    <span className="muted"> · {t("laneCount", { count: item.lanes })}</span>
                  </button>
                </div>
              );
            }
            const lane = laneAt(item.lane);
            const first = item.row === firstRows[item.lane];
            // Until its lane's name has come, a row stays empty (its bars link to the lane's page).
            const bars = lane ? (byRow.get(item.row) ?? []) : [];
            return (
              <div
                key={`r-${item.row}`}
                className={`roadmap__row${first ? " roadmap__row--first" : ""}`}
                style={style}
                data-testid={first ? "timeline-lane" : undefined}
                data-slug={first ? lane?.slug : undefined}
              >
                <div className="roadmap__label">
                  {lane && (first || virtual.index === topIndex) && (
                    <a href={`/${locale}/workstreams/${lane.slug}`} lang={lane.lang} dir="auto" title={lane.name}>
                      {lane.name}
                    </a>
                  )}
                  {lane && first && lane.count === 0 && <span className="muted roadmap__empty">{t("noMilestonesInLane")}</span>}
                </div>
                <div className="roadmap__track">
                  {lane &&
                    bars.map((bar, index) => {
                      const reach = barReach(bar[4], bar[7], window_);
                      if (bar[2] > window_.end || reach < window_.start) return null;
                      const startF = Math.max(-0.01, fractionOf(bar[2], window_));
                      const endF = Math.min(1.01, fractionOf(reach + 1, window_));
                      const widthPx = (endF - startF) * trackWidth;
                      const nextStart = bars[index + 1] ? fractionOf(bars[index + 1]![2], window_) : 1.2;
                      const title = bar[8];
                      // A label goes inside when it fits, beside a bar too short for it when the row is free there,
                      // else inside and cut short when the bar has room for a few words.
                      const textPx = title.length * CHAR_PX + 12;
                      const room = (Math.min(nextStart, 1) - endF) * trackWidth - 8;
                      const beside = widthPx < textPx && room >= Math.min(textPx, 160) && widthPx < 120;
                      const fits = !beside && widthPx >= 56;
                      const baseline = bar[11];
                      return (
                        <Fragment key={bar[0]}>
                          {baseline !== 0 && (
                            <span
                              className="roadmap__ghost"
                              aria-hidden="true"
                              style={{
                                insetInlineStart: pct(fractionOf(baseline[0], window_)),
                                inlineSize: pct((baseline[1] - baseline[0] + 1) / windowLength(window_)),
                              }}
                            />
                          )}
                          <a
                            href={`/${locale}/workstreams/${lane.slug}?milestone=${bar[0]}#milestone-${bar[0]}`}
                            className={`roadmap__bar roadmap__bar--${["year", "month", "day"][bar[6]]}${bar[7] & 1 ? " roadmap__bar--overdue" : ""}`}
                            style={{
                              insetInlineStart: pct(startF),
                              inlineSize: pct(endF - startF),
                              ["--band" as string]: bandBackground(
                                bar,
                                frame.statuses,
                                rtl,
                                window_.start + startF * windowLength(window_),
                                window_.start + endF * windowLength(window_),
                                Math.min(0.5, 6 / Math.max(1, widthPx)),
                              ),
                            }}
                            aria-label={describe(bar)}
                            title={describe(bar)}
                            onClick={(event) => {
                              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                              event.preventDefault();
                              setSelected({ bar, lane: item.lane });
                            }}
                            data-testid="timeline-item"
                            data-milestone-id={bar[0]}
                            data-lane={lane.slug}
                            data-period-start={isoOf(bar[2])}
                            data-precision={["year", "month", "day"][bar[6]]}
                            data-date={bar[9]}
                            data-status={frame.statuses[bar[5]]}
                            data-segments={segmentStatuses(bar, frame.statuses).join(",")}
                            data-baseline={baseline !== 0 ? "" : undefined}
                            data-ongoing={bar[7] & BAR_ONGOING ? "" : undefined}
                          >
                            {(fits || beside) && (
                              <span
                                className={`roadmap__text${beside ? " roadmap__text--beside" : ""}`}
                                // When the first labels are painted (the Element Timing API): the benchmark's first render.
                                elementtiming="roadmap-bar"
                                lang={bar[7] & 2 ? "en" : lane.lang}
                                dir="auto"
                                aria-hidden="true"
                                style={beside ? { maxInlineSize: room } : undefined}
                              >
                                {title}
                              </span>
                            )}
                          </a>
                        </Fragment>
                      );
                    })}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      <p id="roadmap-keys" className="muted roadmap__keys">
        {t("keys")}
      </p>
      {selected && laneAt(selected.lane) && (
        <MilestonePeek
          key={selected.bar[0]}
          bar={byRow.get(selected.bar[1])?.find((bar) => bar[0] === selected.bar[0]) ?? selected.bar}
          lane={laneAt(selected.lane)!}
          statuses={frame.statuses}
          canEdit={canEdit}
          describe={describe}
          onClose={() => setSelected(null)}
        />
      )}
      <TimelineExportLinks filters={filters} window={window_} lanes={frame.laneRows.length} />
      <details className="chart-table" onToggle={(event) => setTableOpen(event.currentTarget.open)}>
        <summary>{t("showTable")}</summary>
        <div className="table-scroll">
          <table data-testid="timeline-table">
            <caption className="visually-hidden">{t("tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("workstream")}</th>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("milestone")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("history")}</th>
              </tr>
            </thead>
            <tbody>
              {barsInView.map(({ bar, lane }) => (
                <tr key={bar[0]}>
                  <td lang={lane.lang}>{lane.name}</td>
                  <td>{formatPartialDate(bar[9], locale)}</td>
                  <td>
                    <a href={`/${locale}/workstreams/${lane.slug}?milestone=${bar[0]}#milestone-${bar[0]}`} lang={bar[7] & 2 ? "en" : undefined}>
                      {bar[8]}
                    </a>
                  </td>
                  <td>
                    {tStatus(frame.statuses[bar[5]]!)}
                    {bar[7] & 1 ? ` (${tStatus("overdue")})` : ""}
                  </td>
                  <td>{historyInWords(bar, frame.statuses, locale, tStatus, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {chartShown && <PortfolioChart filters={filters} window={chartWindow} statuses={frame.statuses} />}
    </section>
  );
}

function segmentStatuses(bar: CompactBar, statuses: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < bar[10].length; i += 2) out.push(statuses[bar[10][i]!]!);
  return out;
}

type T = ReturnType<typeof useTranslations>;

/** "In progress from March 2021, delayed from 5 December 2026" and the slip of a re-planned milestone. */
export function historyInWords(bar: CompactBar, statuses: readonly string[], locale: string, tStatus: T, t: T): string {
  const parts: string[] = [];
  for (let i = 0; i < bar[10].length; i += 2) {
    const status = tStatus(statuses[bar[10][i + 1]!]!);
    parts.push(i === 0 ? status : t("statusFrom", { status, date: formatPartialDate(isoOf(bar[10][i]!), locale) }));
  }
  const baseline = bar[11];
  if (baseline !== 0) {
    // A one-day baseline or a day-precision bar counts in days (lib/domain/slip.ts).
    const slip = slipBetween(baseline[1], bar[3], baseline[0] === baseline[1] || bar[6] === 2);
    parts.push(
      t("slip", {
        planned: formatPartialDate(isoOf(baseline[0]).slice(0, isoOf(baseline[0]) === isoOf(baseline[1]) ? 10 : 7), locale),
        ...slipMessageValues(slip),
      }),
    );
  }
  return parts.join("; ");
}

function barDescription(bar: CompactBar, statuses: readonly string[], locale: string, tStatus: T, t: T, reasonText: (reason: CompactReason) => string): string {
  const overdue = bar[7] & 1 ? `, ${tStatus("overdue")}` : "";
  const reason = bar[12] ? ` — ${reasonText(bar[12])}` : "";
  return `${bar[8]} — ${formatPartialDate(bar[9], locale)} — ${tStatus(statuses[bar[5]]!)}${overdue} — ${historyInWords(bar, statuses, locale, tStatus, t)}${reason}`;
}

function Legend({ statuses, today }: { statuses: readonly string[]; today: string }) {
  const t = useTranslations("timeline");
  const tStatus = useTranslations("status");
  return (
    <div className="timeline__legend" role="group" aria-label={t("legend")}>
      <ul>
        {statuses.map((status) => (
          <li key={status}>
            <span className="swatch" style={{ background: colorOf(status) }} aria-hidden="true" />
            {tStatus(status)}
          </li>
        ))}
        <li>
          <span className="legend-shape legend-shape--overdue" aria-hidden="true" />
          {tStatus("overdue")}
        </li>
        <li>
          <span className="legend-shape legend-shape--ghost" aria-hidden="true" />
          {t("baselineLegend")}
        </li>
        <li>
          <span className="legend-shape legend-shape--today" aria-hidden="true" />
          {t("today", { date: today })}
        </li>
      </ul>
    </div>
  );
}
