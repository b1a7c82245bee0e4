"use client";

import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/i18n/locales";
import "./language-switcher.css";

/**
 * The six languages as plain links to the same page with the same query (filters, page, year),
 * so switching keeps the view and works without JavaScript. Each name is written in its own
 * language and marked with `lang` so screen readers pronounce it.
 */
export function LanguageSwitcher() {
  const t = useTranslations("nav.language");
  const locale = useLocale() as Locale;
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const href = query ? `${pathname}?${query}` : pathname;
  return (
    <details className="language-switcher">
      <summary aria-label={t("current", { language: LOCALE_NAMES[locale] })}>
        <span lang={locale}>{LOCALE_NAMES[locale]}</span>
      </summary>
      <nav aria-label={t("label")}>
        <ul className="language-switcher__list">
          {LOCALES.map((other) => (
            <li key={other}>
              <Link
                href={href}
                locale={other}
                lang={other}
                hrefLang={other}
                aria-current={other === locale ? "true" : undefined}
                className="language-switcher__link"
                data-testid={`language-${other}`}
              >
                {LOCALE_NAMES[other]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}
