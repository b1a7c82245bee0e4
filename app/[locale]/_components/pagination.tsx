import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";

type Props = { page: number; totalPages: number; hrefFor: (page: number) => string; label: string };

export async function Pagination({ page, totalPages, hrefFor, label }: Props) {
  if (totalPages <= 1) return null;
  const t = await getTranslations("pagination");
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span aria-disabled="true">{t("previous")}</span>
      )}
      <span>{t("pageOf", { page, totalPages })}</span>
      {page < totalPages ? (
        <Link href={hrefFor(page + 1)} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span aria-disabled="true">{t("next")}</span>
      )}
    </nav>
  );
}
