import { getTranslations } from "next-intl/server";

/**
 * The overview's skeleton while its page renders. It sits in a group of its own so that it does
 * not wrap the roadmap: React shows a streamed page at least 300 ms after its fallback is painted,
 * which held the roadmap's server-rendered bars back (docs/decisions/009-roadmap-rows.md).
 */
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
