import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="page empty-state">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <Link className="button" href="/">
        {t("backToOverview")}
      </Link>
    </div>
  );
}
