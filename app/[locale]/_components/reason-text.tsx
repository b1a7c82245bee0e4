import { getFormatter, getTranslations } from "next-intl/server";
import type { LatestReason } from "@/lib/queries/attention";

/**
 * The latest reason given for a milestone: the note in its author's words, then who wrote it
 * (a name, never an email) and when. The report's own entries say so instead.
 */
export async function ReasonText({ reason, className = "reason" }: { reason: LatestReason; className?: string }) {
  const t = await getTranslations("reason");
  const format = await getFormatter();
  if (!reason.by) return <span className={`${className} muted`}>{t("fromReport")}</span>;
  const when = format.dateTime(new Date(reason.at), { dateStyle: "medium" });
  return (
    <span className={className} data-testid="reason">
      {reason.note ? (
        <q className="reason__note" dir="auto">
          {reason.note}
        </q>
      ) : (
        <span className="muted">{t("none")}</span>
      )}{" "}
      <span className="reason__by muted">
        — {t("by", { name: reason.by })}, <time dateTime={reason.at}>{when}</time>
      </span>
    </span>
  );
}
