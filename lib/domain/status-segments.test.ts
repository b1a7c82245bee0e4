import { describe, expect, it } from "vitest";
import { bandOf } from "./status-segments";
import { dayOf } from "./timeline-window";

const d = dayOf;

describe("a milestone's status over time", () => {
  it("draws one segment per status from the day it was set", () => {
    const band = bandOf(
      d("2021-01-01"),
      d("2021-12-31"),
      [
        { day: d("2020-11-01"), status: "planned", kind: "created" },
        { day: d("2021-03-01"), status: "in_progress", kind: "status" },
        { day: d("2021-09-15"), status: "delayed", kind: "status" },
      ],
      "delayed",
    );
    expect(band.segments).toEqual([
      { start: d("2021-01-01"), status: "planned" },
      { start: d("2021-03-01"), status: "in_progress" },
      { start: d("2021-09-15"), status: "delayed" },
    ]);
    expect(band.end).toBe(d("2021-12-31"));
  });

  it("draws ongoing work as an open band that runs on at least to today", () => {
    const history = [
      { day: d("2021-02-01"), status: "in_progress", kind: "created" as const },
      { day: d("2022-05-01"), status: "ongoing", kind: "status" as const },
    ];
    const band = bandOf(d("2021-01-01"), d("2021-12-31"), history, "ongoing", d("2026-12-05"));
    expect(band.open).toBe(true);
    expect(band.end).toBe(d("2026-12-05"));
    expect(band.segments.at(-1)).toEqual({ start: d("2022-05-01"), status: "ongoing" });
    // A milestone that is no longer ongoing ends with its period (or its last change) again.
    const closed = bandOf(
      d("2021-01-01"),
      d("2021-12-31"),
      [...history, { day: d("2023-01-10"), status: "completed", kind: "status" }],
      "completed",
      d("2026-12-05"),
    );
    expect(closed.open).toBe(false);
    expect(closed.end).toBe(d("2023-01-10"));
  });

  it("runs on past its period to a later status change", () => {
    const band = bandOf(
      d("2021-01-01"),
      d("2021-12-31"),
      [
        { day: d("2026-12-05"), status: "in_progress", kind: "created" },
        { day: d("2026-12-06"), status: "completed", kind: "status" },
      ],
      "completed",
    );
    expect(band.end).toBe(d("2026-12-06"));
    expect(band.segments).toEqual([
      { start: d("2021-01-01"), status: "in_progress" },
      { start: d("2026-12-06"), status: "completed" },
    ]);
  });

  it("lets the last of several changes before the period start stand for its start; edits cut nothing", () => {
    const band = bandOf(
      d("2022-01-01"),
      d("2022-01-31"),
      [
        { day: d("2021-01-01"), status: "planned", kind: "created" },
        { day: d("2021-06-01"), status: "at_risk", kind: "status" },
        { day: d("2022-01-10"), status: "at_risk", kind: "edited" },
      ],
      "at_risk",
    );
    expect(band.segments).toEqual([{ start: d("2022-01-01"), status: "at_risk" }]);
  });

  it("has the current status when no history is recorded", () => {
    expect(bandOf(10, 20, [], "planned").segments).toEqual([{ start: 10, status: "planned" }]);
  });
});
