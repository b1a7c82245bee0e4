import { getLocale, getTranslations } from "next-intl/server";
import { formatPartialDate, parsePartialDate, todayIso } from "@/lib/domain/partial-date";
import { slipBetween, slipMessageValues } from "@/lib/domain/slip";
import { bandOf, type HistoryPoint } from "@/lib/domain/status-segments";
import { dayOf, isoOf } from "@/lib/domain/timeline-window";
import type { HistoryEntry } from "@/lib/queries/milestones";
import { STATUS_COLORS } from "@/lib/domain/status-colors";

type Props = {
  periodStart: string;
  periodEnd: string;
  status: string;
  /** The milestone's history, newest first, as the workstream page loads it. */
  history: HistoryEntry[];
  baseline?: { date: string; periodEnd: string };
};

/**
 * A milestone's status over time, as on the roadmap: one coloured segment per status from the day
 * it was set, across its period (and on to a later change), with the same story in words and the
 * slip of a re-planned milestone.
 */
export async function StatusBand({ periodStart, periodEnd, status, history, baseline }: Props) {
  const t = await getTranslations("timeline");
  const tStatus = await getTranslations("status");
  const locale = await getLocale();
  const points: HistoryPoint[] = [...history]
    .reverse()
    .filter((entry) => entry.kind === "created" || entry.kind === "status")
    .map((entry) => ({ day: dayOf(entry.changedAt), status: entry.toStatus, kind: entry.kind as HistoryPoint["kind"] }));
  // Ongoing work runs on to today.
  const band = bandOf(dayOf(periodStart), dayOf(periodEnd), points, status, dayOf(todayIso()));
  const length = band.end - band.start + 1;
  const words = band.segments.map((segment, index) =>
    index === 0 ? tStatus(segment.status) : t("statusFrom", { status: tStatus(segment.status), date: formatPartialDate(isoOf(segment.start), locale) }),
  );
  if (baseline) {
    const inDays = parsePartialDate(baseline.date)?.precision === "day" || periodStart === periodEnd;
    const slip = slipBetween(dayOf(baseline.periodEnd), dayOf(periodEnd), inDays);
    words.push(t("slip", { planned: formatPartialDate(baseline.date, locale), ...slipMessageValues(slip) }));
  }
  return (
    <div
      className="status-band"
      data-testid="status-band"
      data-segments={band.segments.map((segment) => segment.status).join(",")}
      data-ongoing={band.open ? "" : undefined}
    >
      <div className="status-band__bar" aria-hidden="true">
        {band.segments.map((segment, index) => {
          const end = band.segments[index + 1]?.start ?? band.end + 1;
          return (
            <span
              key={segment.start}
              style={{ flexGrow: Math.max(end - segment.start, 1) / length, background: (STATUS_COLORS as Record<string, string>)[segment.status] }}
            />
          );
        })}
      </div>
      <p className="status-band__words">{words.join("; ")}</p>
    </div>
  );
}
