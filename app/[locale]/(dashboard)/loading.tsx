import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("loading");
  return (
    <div className="page" aria-busy="true">
      <p role="status" className="loading">
        {t("message")}
      </p>
      <div className="card-grid" aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="card card--skeleton" />
        ))}
      </div>
    </div>
  );
}
