import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { BAR_ONGOING } from "@/lib/domain/timeline-bar";
import { dayOf, tileOf, tileWindow } from "@/lib/domain/timeline-window";
import type { CompactBar, TimelineBars } from "@/lib/queries/timeline";
import { barsFromOverlappingTiles, barsKey, firstRowsOf, laneOfRow } from "./roadmap-data";

const base = { filters: {}, lang: "en" };
const bar = (id: number, start: string, end: string, flags = 0): CompactBar => [
  id,
  0,
  dayOf(start),
  dayOf(end),
  dayOf(end),
  1,
  1,
  flags,
  `M${id}`,
  start.slice(0, 7),
  [],
  0,
  0,
];
const tileData = (bars: CompactBar[], version = "v1"): TimelineBars => ({ version, rows: [0, 50], window: [0, 0], bars });

describe("bars cut from another zoom's tiles in the cache", () => {
  const fiveYearTile = tileOf(dayOf("2025-02-01"), "five-years");
  const stretch = tileWindow(fiveYearTile, "five-years");
  const early = bar(1, "2025-01-10", "2025-01-20");
  const late = bar(2, "2026-11-01", "2026-11-30");
  const ongoing = bar(3, "2024-10-01", "2024-12-31", BAR_ONGOING);

  it("gives a quarter tile the bars of the five-year tile that reach into it, ongoing work included", () => {
    const client = new QueryClient();
    client.setQueryData(barsKey({ ...base, zoom: "five-years", tile: fiveYearTile, chunk: 0 }), tileData([early, late, ongoing]));
    const quarter = tileOf(dayOf("2025-01-15"), "quarter");
    expect(tileWindow(quarter, "quarter").start).toBeGreaterThanOrEqual(stretch.start);
    const cut = barsFromOverlappingTiles(client, { ...base, zoom: "quarter", tile: quarter, chunk: 0 });
    expect(cut?.data.bars.map((each) => each[0])).toEqual([1, 3]);
    expect(cut?.data.window).toEqual([tileWindow(quarter, "quarter").start, tileWindow(quarter, "quarter").end]);
  });

  it("cuts nothing when a covering tile is missing, of another version, or invalidated, or for other rows", async () => {
    const client = new QueryClient();
    // The year 2022 lies across two five-year tiles (months from 1970 in tiles of 30: 2022-07 starts one); one is absent.
    const year = tileOf(dayOf("2022-01-01"), "year");
    client.setQueryData(barsKey({ ...base, zoom: "five-years", tile: tileOf(dayOf("2022-01-01"), "five-years"), chunk: 0 }), tileData([early]));
    expect(barsFromOverlappingTiles(client, { ...base, zoom: "year", tile: year, chunk: 0 })).toBeUndefined();
    client.setQueryData(barsKey({ ...base, zoom: "five-years", tile: fiveYearTile, chunk: 0 }), tileData([early, late]));
    expect(barsFromOverlappingTiles(client, { ...base, zoom: "quarter", tile: tileOf(dayOf("2025-01-15"), "quarter"), chunk: 1 })).toBeUndefined();
    expect(barsFromOverlappingTiles(client, { ...base, lang: "fr", zoom: "quarter", tile: tileOf(dayOf("2025-01-15"), "quarter"), chunk: 0 })).toBeUndefined();
    await client.invalidateQueries({ queryKey: ["timeline"] });
    expect(barsFromOverlappingTiles(client, { ...base, zoom: "quarter", tile: tileOf(dayOf("2025-01-15"), "quarter"), chunk: 0 })).toBeUndefined();
  });

  it("joins the tiles of a zoom that together cover the stretch, each bar once", () => {
    const client = new QueryClient();
    // The year 2022 lies across two five-year tiles: 2022-07 starts the second (month 630 from 1970).
    const year = tileOf(dayOf("2022-06-01"), "year");
    const firstHalf = tileOf(dayOf("2022-01-01"), "five-years");
    const secondHalf = tileOf(dayOf("2022-12-01"), "five-years");
    expect(secondHalf).toBe(firstHalf + 1);
    const crossing = bar(4, "2022-05-01", "2022-08-31");
    client.setQueryData(barsKey({ ...base, zoom: "five-years", tile: firstHalf, chunk: 0 }), tileData([bar(5, "2022-02-01", "2022-02-28"), crossing]));
    expect(barsFromOverlappingTiles(client, { ...base, zoom: "year", tile: year, chunk: 0 })).toBeUndefined();
    client.setQueryData(barsKey({ ...base, zoom: "five-years", tile: secondHalf, chunk: 0 }), tileData([crossing, bar(6, "2022-11-01", "2022-11-30")]));
    expect(barsFromOverlappingTiles(client, { ...base, zoom: "year", tile: year, chunk: 0 })?.data.bars.map((each) => each[0])).toEqual([5, 4, 6]);
    client.setQueryData(barsKey({ ...base, zoom: "five-years", tile: secondHalf, chunk: 0 }), tileData([crossing], "v2"));
    expect(barsFromOverlappingTiles(client, { ...base, zoom: "year", tile: year, chunk: 0 })).toBeUndefined();
  });
});

describe("lanes and rows", () => {
  it("finds the lane of every row from the rows each lane takes", () => {
    const laneRows = [1, 3, 1, 2];
    const firstRows = firstRowsOf(laneRows);
    expect(firstRows).toEqual([0, 1, 4, 5]);
    expect([0, 1, 2, 3, 4, 5, 6].map((row) => laneOfRow(firstRows, row))).toEqual([0, 1, 1, 1, 2, 3, 3]);
  });
});
