import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { requirePageReader } from "@/lib/auth/page-access";
import { latestCompletionYear, milestoneYears } from "@/lib/queries/stats";
import { queryStringOf } from "@/lib/url";

/**
 * /reports: the latest year in which milestones were completed (else the latest that has any),
 * keeping the options in the URL.
 */
export default async function ReportsIndex({ searchParams }: PageProps<"/[locale]/reports">) {
  const params = await searchParams;
  await requirePageReader(`/reports${queryStringOf(params)}`);
  const latest = (await latestCompletionYear()) ?? (await milestoneYears())[0];
  if (latest === undefined) {
    const t = await getTranslations("reports");
    return (
      <div className="page">
        <div className="empty-state" role="status">
          <h1>{t("title")}</h1>
          <p>{t("noYears")}</p>
        </div>
      </div>
    );
  }
  redirect({ href: `/reports/${latest}${queryStringOf(params)}`, locale: await getLocale() });
}
