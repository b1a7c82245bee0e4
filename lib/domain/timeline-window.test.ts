import { describe, expect, it } from "vitest";
import {
  dayOf,
  isoOf,
  panBy,
  quarterEndsIn,
  rezoom,
  tilesCovering,
  tilesOf,
  tileWindow,
  viewFitting,
  windowAround,
  windowEndingIn,
  windowFrom,
  windowTicks,
  ZOOMS,
} from "./timeline-window";

describe("timeline window", () => {
  it("numbers days as Date does, leap years included", () => {
    for (const iso of ["1970-01-01", "2000-02-29", "2021-03-01", "2024-12-31", "1969-12-31", "2100-03-01"]) {
      expect(dayOf(iso)).toBe(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
      expect(isoOf(dayOf(iso))).toBe(iso);
    }
    expect(dayOf("2026-12-05T20:56:39.413Z")).toBe(dayOf("2026-12-05"));
  });

  it("opens two years at the year zoom: the last twelve months and the next twelve", () => {
    const window = windowAround(dayOf("2026-12-05"), "year");
    expect(isoOf(window.start)).toBe("2025-12-01");
    expect(isoOf(window.end)).toBe("2027-11-30");
  });

  it("falls back to the window that ends with the month of the latest activity", () => {
    const window = windowEndingIn(dayOf("2022-12-31"), "year");
    expect([isoOf(window.start), isoOf(window.end)]).toEqual(["2021-01-01", "2022-12-31"]);
  });

  it("shows half a year at the quarter zoom and five years at the five-year zoom", () => {
    expect(isoOf(windowFrom(dayOf("2021-01-01"), "quarter").end)).toBe("2021-06-30");
    expect(isoOf(windowFrom(dayOf("2021-01-01"), "five-years").end)).toBe("2025-12-31");
  });

  it("pans by a share of the window without changing its length, and zooms about its middle", () => {
    const window = windowFrom(dayOf("2021-01-01"), "year");
    const later = panBy(window, 0.25);
    expect(later.end - later.start).toBe(window.end - window.start);
    expect(later.start - window.start).toBe(Math.round((window.end - window.start + 1) / 4));
    const zoomed = rezoom(window, "quarter");
    expect(isoOf(zoomed.start)).toBe("2021-10-01");
    expect(isoOf(zoomed.end)).toBe("2022-03-31");
  });

  it("cuts time into month-aligned tiles of half a window; a window touches two or three", () => {
    const window = windowFrom(dayOf("2021-03-15"), "year");
    const tiles = tilesOf(window, "year");
    expect(tiles.length).toBeGreaterThanOrEqual(2);
    expect(tiles.length).toBeLessThanOrEqual(3);
    expect(tileWindow(tiles[0]!, "year").start).toBeLessThanOrEqual(window.start);
    expect(tileWindow(tiles.at(-1)!, "year").end).toBeGreaterThanOrEqual(window.end);
    expect(isoOf(tileWindow(tiles[0]!, "year").start)).toBe("2021-01-01");
  });

  it("labels months at the quarter zoom, quarters at the year zoom, years at five years", () => {
    expect(windowTicks(windowFrom(dayOf("2021-01-01"), "quarter"), "quarter").map((t) => t.kind)).toEqual([
      "year",
      "month",
      "month",
      "month",
      "month",
      "month",
    ]);
    const year = windowTicks(windowFrom(dayOf("2021-01-01"), "year"), "year");
    expect(year).toHaveLength(8);
    expect(year.filter((t) => t.kind === "year").map((t) => t.year)).toEqual([2021, 2022]);
  });

  it("lists the quarter ends inside a window", () => {
    expect(quarterEndsIn(windowFrom(dayOf("2021-01-01"), "year")).map(isoOf)).toEqual([
      "2021-03-31",
      "2021-06-30",
      "2021-09-30",
      "2021-12-31",
      "2022-03-31",
      "2022-06-30",
      "2022-09-30",
      "2022-12-31",
    ]);
  });

  it("opens a workstream's stretch of time whole, at the narrowest zoom that holds it", () => {
    const view = (first: string, last: string) => {
      const { start, zoom } = viewFitting(dayOf(first), dayOf(last));
      return { from: isoOf(start), zoom };
    };
    expect(view("2021-03-15", "2021-07-31")).toEqual({ from: "2021-03-01", zoom: "quarter" });
    expect(view("2021-03-15", "2021-09-01")).toEqual({ from: "2021-03-01", zoom: "year" });
    expect(view("2021-01-01", "2022-12-31")).toEqual({ from: "2021-01-01", zoom: "year" });
    expect(view("2021-01-01", "2023-01-01")).toEqual({ from: "2021-01-01", zoom: "five-years" });
    // Longer than the widest zoom: it opens at the start.
    expect(view("2015-06-10", "2030-12-31")).toEqual({ from: "2015-06-01", zoom: "five-years" });
  });

  it("names the tiles of another zoom that together hold a tile's stretch of time", () => {
    for (const zoom of ZOOMS) {
      for (const other of ZOOMS) {
        for (let tile = 100; tile < 140; tile++) {
          const covering = tilesCovering(tile, zoom, other).map((each) => tileWindow(each, other));
          const own = tileWindow(tile, zoom);
          // Adjacent tiles, from one holding the first day to one holding the last.
          expect(covering[0]!.start).toBeLessThanOrEqual(own.start);
          expect(covering.at(-1)!.end).toBeGreaterThanOrEqual(own.end);
          for (let i = 1; i < covering.length; i++) expect(covering[i]!.start).toBe(covering[i - 1]!.end + 1);
          expect(covering[0]!.end).toBeGreaterThanOrEqual(own.start);
          expect(covering.at(-1)!.start).toBeLessThanOrEqual(own.end);
        }
      }
    }
    // A year tile that crosses a 30-month boundary needs two five-year tiles.
    expect(tilesCovering(2, "year", "five-years")).toEqual([0, 1]);
    expect(tilesCovering(5, "quarter", "year")).toEqual([1]);
  });
});
