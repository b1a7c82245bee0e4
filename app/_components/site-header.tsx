import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NavLink } from "./nav-link";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            CEB
          </span>
          <span>{t("brand")}</span>
        </Link>
        <nav aria-label={t("label")}>
          <ul className="nav-list">
            <li>
              <NavLink href="/">{t("overview")}</NavLink>
            </li>
            <li>
              <NavLink href="/timeline">{t("timeline")}</NavLink>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
