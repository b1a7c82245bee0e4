"use client";

import { type QueryClient, useQueries, useQuery, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { barReachesInto } from "@/lib/domain/timeline-bar";
import { isoOf, rezoom, type TimeWindow, tilesCovering, tilesOf, tileWindow, type Zoom, ZOOMS } from "@/lib/domain/timeline-window";
import type { CompactBar, TimelineBars, TimelineFrame, TimelineLane } from "@/lib/queries/timeline";
import type { Filters } from "@/lib/validation/filters";
import { filtersToQuery } from "@/lib/url";
import { CHUNK_ROWS, LANE_PAGE } from "./roadmap-constants";

export { CHUNK_ROWS };

export type BarQuery = { filters: Filters; lang: string; zoom: Zoom; tile: number; chunk: number };

export const frameKey = (filters: Filters, lang: string) => ["timeline", "lanes", filtersToQuery(filters), lang] as const;
export const barsKey = ({ filters, lang, zoom, tile, chunk }: BarQuery) => ["timeline", "bars", filtersToQuery(filters), lang, zoom, tile, chunk] as const;

/** The read API's address for a tile of time and a chunk of rows: what the cache is keyed by. */
export function barsUrl({ filters, lang, zoom, tile, chunk }: BarQuery): string {
  const window = tileWindow(tile, zoom);
  const extra = { from: isoOf(window.start), to: isoOf(window.end), offset: chunk * CHUNK_ROWS, limit: CHUNK_ROWS, lang };
  return `/api/timeline${filtersToQuery(filters, extra)}`;
}

const fetchBars = (query: BarQuery) => apiFetch<TimelineBars>(barsUrl(query), { method: "GET" });

const fetchLanePage = (filters: Filters, lang: string, page: number) =>
  apiFetch<TimelineFrame>(`/api/timeline/lanes${filtersToQuery(filters, { lang, offset: page * LANE_PAGE, limit: LANE_PAGE })}`, { method: "GET" });

/** The frame: groups, every lane's rows and the first page of lanes' names (what the page sent until it changes). */
export function useFrame(filters: Filters, lang: string, initial: TimelineFrame) {
  return useQuery({ queryKey: frameKey(filters, lang), queryFn: () => fetchLanePage(filters, lang, 0), initialData: initial });
}

/** The first row of every lane, from the rows each takes. */
export function firstRowsOf(laneRows: number[]): number[] {
  const out: number[] = [];
  let row = 0;
  for (const rows of laneRows) {
    out.push(row);
    row += rows;
  }
  return out;
}

/** The lane that holds a row (the last lane whose first row is at or before it). */
export function laneOfRow(firstRows: number[], row: number): number {
  let lo = 0;
  let hi = firstRows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firstRows[mid]! <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Lanes `first..last` by index, as far as they are loaded: the frame holds the first page of
 * names, the others come a page of LANE_PAGE lanes at a time from the lanes API, cached.
 */
export function useLanes(filters: Filters, lang: string, frame: TimelineFrame, first: number, last: number): (lane: number) => TimelineLane | undefined {
  const pages: number[] = [];
  for (let page = Math.floor(first / LANE_PAGE); page <= Math.floor(Math.max(first, last) / LANE_PAGE); page++) if (page > 0) pages.push(page);
  const loaded = useQueries({
    queries: pages.map((page) => ({ queryKey: [...frameKey(filters, lang), page] as const, queryFn: () => fetchLanePage(filters, lang, page) })),
    combine: (results) => results.map((result) => result.data),
  });
  return (lane) => {
    if (lane >= frame.laneOffset && lane < frame.laneOffset + frame.lanes.length) return frame.lanes[lane - frame.laneOffset];
    const page = loaded[pages.indexOf(Math.floor(lane / LANE_PAGE))];
    return page?.lanes[lane - page.laneOffset];
  };
}

/** The chunks of rows that hold rows `first..last`. */
export function chunksOf(first: number, last: number): number[] {
  const out: number[] = [];
  for (let chunk = Math.floor(first / CHUNK_ROWS); chunk <= Math.floor(Math.max(first, last) / CHUNK_ROWS); chunk++) out.push(chunk);
  return out;
}

/**
 * A tile's bars cut from the tiles of another zoom that the cache already holds for the same rows
 * and that together cover its stretch of time (each of them has every bar reaching into it), all
 * of one data version and none invalidated since. A zoom then draws at once, without a request.
 */
export function barsFromOverlappingTiles(client: QueryClient, query: BarQuery): { data: TimelineBars; updatedAt: number } | undefined {
  const window = tileWindow(query.tile, query.zoom);
  for (const zoom of ZOOMS) {
    if (zoom === query.zoom) continue;
    const sources = tilesCovering(query.tile, query.zoom, zoom).map((tile) => client.getQueryState<TimelineBars>(barsKey({ ...query, zoom, tile })));
    const datas = sources.map((source) => (source && !source.isInvalidated ? source.data : undefined));
    const version = datas[0]?.version;
    if (datas.some((data) => !data || data.version !== version)) continue;
    const seen = new Set<number>();
    const bars: CompactBar[] = [];
    for (const data of datas) {
      for (const bar of data!.bars) {
        if (seen.has(bar[0]) || !barReachesInto(bar[2], bar[4], bar[7], window)) continue;
        seen.add(bar[0]);
        bars.push(bar);
      }
    }
    return {
      data: { version: version!, rows: datas[0]!.rows, window: [window.start, window.end], bars },
      updatedAt: Math.min(...sources.map((source) => source!.dataUpdatedAt)),
    };
  }
  return undefined;
}

/**
 * Every bar of the given chunks that reaches into the window, once (a bar that crosses a tile
 * edge comes with both tiles), by row. Tiles and chunks come from the cache when they can, or are
 * cut from another zoom's tiles in the cache.
 */
export function useBars(base: Omit<BarQuery, "tile" | "chunk">, window: TimeWindow, chunks: number[]) {
  const client = useQueryClient();
  const tiles = tilesOf(window, base.zoom);
  const queries = tiles.flatMap((tile) => chunks.map((chunk) => ({ ...base, tile, chunk })));
  return useQueries({
    queries: queries.map((query) => {
      // Looked up once, when the query is first made (react-query calls these only then).
      let derived: ReturnType<typeof barsFromOverlappingTiles> | null = null;
      const derive = () => (derived ??= barsFromOverlappingTiles(client, query));
      return {
        queryKey: barsKey(query),
        queryFn: () => fetchBars(query),
        initialData: () => derive()?.data,
        initialDataUpdatedAt: () => derive()?.updatedAt,
        placeholderData: (previous: TimelineBars | undefined) => previous,
      };
    }),
    combine: combineBars,
  });
}

/** Bars of every tile and chunk, each once (a bar crossing a tile edge comes twice), by row in start order. */
function combineBars(results: UseQueryResult<TimelineBars>[]) {
  const seen = new Set<number>();
  const byRow = new Map<number, CompactBar[]>();
  for (const result of results) {
    for (const bar of result.data?.bars ?? []) {
      if (seen.has(bar[0])) continue;
      seen.add(bar[0]);
      const list = byRow.get(bar[1]);
      if (list) list.push(bar);
      else byRow.set(bar[1], [bar]);
    }
  }
  for (const list of byRow.values()) list.sort((a, b) => a[2] - b[2]);
  return { byRow, loading: results.some((result) => result.isPending), error: results.find((result) => result.error)?.error ?? null };
}

/** Loads, in the background, the tiles either side of the window and the chunk below the rows in view. */
export function prefetchNeighbours(client: QueryClient, base: Omit<BarQuery, "tile" | "chunk">, window: TimeWindow, chunks: number[]) {
  const tiles = tilesOf(window, base.zoom);
  const around = [tiles[0]! - 1, tiles.at(-1)! + 1];
  const wanted = [
    ...around.flatMap((tile) => chunks.map((chunk) => ({ ...base, tile, chunk }))),
    ...tiles.map((tile) => ({ ...base, tile, chunk: chunks.at(-1)! + 1 })),
  ];
  for (const query of wanted) void client.prefetchQuery({ queryKey: barsKey(query), queryFn: () => fetchBars(query) });
}

/**
 * Loads, in the background, the widest zoom's window around the middle of the window for the
 * rows in view: every narrower zoom of that stretch is then cut from it (`barsFromOverlappingTiles`),
 * so a zoom in either direction draws from the cache.
 */
export function prefetchOtherZooms(client: QueryClient, base: Omit<BarQuery, "tile" | "chunk">, window: TimeWindow, chunks: number[]) {
  const widest = ZOOMS.at(-1)!;
  if (base.zoom === widest) return;
  for (const tile of tilesOf(rezoom(window, widest), widest)) {
    for (const chunk of chunks) {
      const query = { ...base, zoom: widest, tile, chunk };
      void client.prefetchQuery({ queryKey: barsKey(query), queryFn: () => fetchBars(query) });
    }
  }
}

/** Seeds the cache with what the server sent with the page, so the first window draws at once. */
export function seedBars(client: QueryClient, base: Omit<BarQuery, "tile" | "chunk">, seeded: { tile: number; chunk: number; data: TimelineBars }[]) {
  for (const { tile, chunk, data } of seeded) {
    if (!client.getQueryData(barsKey({ ...base, tile, chunk }))) client.setQueryData(barsKey({ ...base, tile, chunk }), data);
  }
}
