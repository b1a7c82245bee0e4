import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { signOut } from "../sign-in/actions";
import { getPageActor } from "@/lib/auth/page-access";
import { LanguageSwitcher } from "./language-switcher";
import { NavLink } from "./nav-link";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const tReports = await getTranslations("reports");
  const tIngest = await getTranslations("ingest");
  const actor = await getPageActor();
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
            <li>
              <NavLink href="/reports">{tReports("nav")}</NavLink>
            </li>
            {(actor?.role === "admin" || actor?.role === "editor") && (
              <li>
                <NavLink href="/ingest">{tIngest("nav")}</NavLink>
              </li>
            )}
            {actor?.role === "admin" && (
              <li>
                <NavLink href="/admin">{t("admin")}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="user-menu">
          <LanguageSwitcher />
          {actor ? (
            <>
              <Link href="/account" className="user-menu__name" data-testid="signed-in-as">
                {actor.name} <span className="user-menu__role">({t(`role.${actor.role}`)})</span>
              </Link>
              <form action={signOut}>
                <button type="submit" className="button button--on-dark">
                  {t("signOut")}
                </button>
              </form>
            </>
          ) : (
            <Link href="/sign-in" className="button button--on-dark">
              {t("signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
