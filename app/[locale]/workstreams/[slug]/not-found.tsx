import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";

export default async function WorkstreamNotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="page empty-state">
      <h1>{t("workstreamTitle")}</h1>
      <p>{t("workstreamBody")}</p>
      <Link className="button" href="/">
        {t("backToOverview")}
      </Link>
    </div>
  );
}
