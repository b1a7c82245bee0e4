import { getLocale, getTranslations } from "next-intl/server";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { slipMonths } from "@/lib/domain/slip";

/**
 * A re-planned milestone's slip, under its date: "First planned for March 2022 · 9 months later".
 * Nothing while the plan never moved.
 */
export async function SlipNote({ baselineDate, date }: { baselineDate: string | null; date: string }) {
  const months = slipMonths(baselineDate, date);
  if (months === null || !baselineDate) return null;
  const t = await getTranslations("slip");
  const locale = await getLocale();
  return (
    <div className="slip" data-testid="slip">
      {t("was", { date: formatPartialDate(baselineDate, locale) })}
      {months !== 0 && <> · {months > 0 ? t("later", { months }) : t("earlier", { months: -months })}</>}
    </div>
  );
}
