"use client";

import { type QueryClient, useQueries, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { isoOf, type TimeWindow, tilesOf, tileWindow, type Zoom } from "@/lib/domain/timeline-window";
import type { CompactBar, TimelineBars, TimelineFrame } from "@/lib/queries/timeline";
import type { Filters } from "@/lib/validation/filters";
import { filtersToQuery } from "@/lib/url";
import { CHUNK_ROWS } from "./roadmap-constants";

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

export function useFrame(filters: Filters, lang: string, initial: TimelineFrame) {
  return useQuery({
    queryKey: frameKey(filters, lang),
    queryFn: () => apiFetch<TimelineFrame>(`/api/timeline/lanes${filtersToQuery(filters, { lang })}`, { method: "GET" }),
    initialData: initial,
  });
}

/** The chunks of rows that hold rows `first..last`. */
export function chunksOf(first: number, last: number): number[] {
  const out: number[] = [];
  for (let chunk = Math.floor(first / CHUNK_ROWS); chunk <= Math.floor(Math.max(first, last) / CHUNK_ROWS); chunk++) out.push(chunk);
  return out;
}

/**
 * Every bar of the given chunks that reaches into the window, once (a bar that crosses a tile
 * edge comes with both tiles), by row. Tiles and chunks come from the cache when they can.
 */
export function useBars(base: Omit<BarQuery, "tile" | "chunk">, window: TimeWindow, chunks: number[]) {
  const tiles = tilesOf(window, base.zoom);
  const queries = tiles.flatMap((tile) => chunks.map((chunk) => ({ ...base, tile, chunk })));
  return useQueries({
    queries: queries.map((query) => ({
      queryKey: barsKey(query),
      queryFn: () => fetchBars(query),
      placeholderData: (previous: TimelineBars | undefined) => previous,
    })),
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

/** Seeds the cache with what the server sent with the page, so the first window draws at once. */
export function seedBars(client: QueryClient, base: Omit<BarQuery, "tile" | "chunk">, seeded: { tile: number; chunk: number; data: TimelineBars }[]) {
  for (const { tile, chunk, data } of seeded) {
    if (!client.getQueryData(barsKey({ ...base, tile, chunk }))) client.setQueryData(barsKey({ ...base, tile, chunk }), data);
  }
}
