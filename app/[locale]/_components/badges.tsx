import { getTranslations } from "next-intl/server";
import type { Health } from "@/lib/domain/health";
import type { MilestoneStatus } from "@/lib/domain/status";

export async function StatusBadge({ status, overdue = false }: { status: MilestoneStatus; overdue?: boolean }) {
  const t = await getTranslations("status");
  return (
    <span className="badges">
      <span className={`badge badge--${status}`}>{t(status)}</span>
      {overdue && <span className="badge badge--overdue">{t("overdue")}</span>}
    </span>
  );
}

export async function HealthBadge({ health }: { health: Health }) {
  const t = await getTranslations("health");
  return <span className={`badge health health--${health}`}>{t(health)}</span>;
}
