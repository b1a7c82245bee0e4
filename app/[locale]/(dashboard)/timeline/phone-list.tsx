"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { barReach } from "@/lib/domain/timeline-bar";
import { addMonths, type TimeWindow } from "@/lib/domain/timeline-window";
import type { CompactBar, TimelineFrame, TimelineLane } from "@/lib/queries/timeline";
import { CHUNK_ROWS, type BarQuery, firstRowsOf, laneOfRow, useBars, useLanes } from "./roadmap-data";
import { STATUS_COLORS } from "@/lib/domain/status-colors";

type Props = { base: Omit<BarQuery, "tile" | "chunk">; window: TimeWindow; frame: TimelineFrame; describe: (bar: CompactBar) => string };

/**
 * Phones: the window's milestones as a list by month (the month each starts, or the window's
 * first), never wider than the screen. Lanes load a chunk at a time.
 */
export function PhoneList({ base, window, frame, describe }: Props) {
  const t = useTranslations("timeline");
  const tStatus = useTranslations("status");
  const format = useFormatter();
  const locale = useLocale();
  const [chunks, setChunks] = useState(1);
  const { byRow, loading } = useBars(
    base,
    window,
    Array.from({ length: chunks }, (_, i) => i),
  );
  const firstRows = useMemo(() => firstRowsOf(frame.laneRows), [frame.laneRows]);
  const laneAt = useLanes(base.filters, base.lang, frame, 0, laneOfRow(firstRows, chunks * CHUNK_ROWS - 1));
  const byMonth = new Map<number, { bar: CompactBar; lane: TimelineLane }[]>();
  for (const [row, bars] of byRow) {
    const lane = laneAt(laneOfRow(firstRows, row));
    if (!lane) continue;
    for (const bar of bars) {
      if (bar[2] > window.end || barReach(bar[4], bar[7], window) < window.start) continue;
      const month = addMonths(Math.max(bar[2], window.start), 0);
      byMonth.set(month, [...(byMonth.get(month) ?? []), { bar, lane }]);
    }
  }
  const months = [...byMonth.keys()].sort((a, b) => a - b);
  return (
    <div className="roadmap-list" data-testid="timeline-list">
      {months.length === 0 && !loading && <p className="muted">{t("nothingInWindow")}</p>}
      {months.map((month) => (
        <section key={month} className="roadmap-list__month">
          <h2>{format.dateTime(new Date(month * 86_400_000), { month: "long", year: "numeric", timeZone: "UTC" })}</h2>
          <ul>
            {byMonth.get(month)!.map(({ bar, lane }) => (
              <li key={bar[0]} data-testid="timeline-item" data-milestone-id={bar[0]} data-status={frame.statuses[bar[5]]}>
                <span className="swatch" style={{ background: (STATUS_COLORS as Record<string, string>)[frame.statuses[bar[5]]!] }} aria-hidden="true" />
                <a href={`/${locale}/workstreams/${lane.slug}?milestone=${bar[0]}#milestone-${bar[0]}`} aria-label={describe(bar)} dir="auto">
                  {bar[8]}
                </a>
                <span className="muted roadmap-list__meta">
                  {lane.name} · {formatPartialDate(bar[9], locale)} · {tStatus(frame.statuses[bar[5]]!)}
                  {bar[7] & 1 ? ` · ${tStatus("overdue")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {chunks * CHUNK_ROWS < frame.totalRows && (
        <button type="button" className="button" onClick={() => setChunks((n) => n + 1)} disabled={loading}>
          {t("moreLanes")}
        </button>
      )}
    </div>
  );
}
