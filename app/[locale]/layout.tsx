import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { clientMessages } from "@/i18n/client-messages";
import { directionOf } from "@/i18n/locales";
import { routing } from "@/i18n/routing";
import { UntranslatedNote } from "./_components/localized";
import { Providers } from "./_components/providers";
import { SiteHeader } from "./_components/site-header";
import { notoSansArabic } from "./fonts";
import "../globals.css";
import "./locale-fonts.css";

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "app" });
  return {
    title: { default: t("title"), template: `%s · ${t("shortTitle")}` },
    description: t("description"),
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("app");
  const messages = clientMessages(await getMessages());
  return (
    <html lang={locale} dir={directionOf(locale)} className={notoSansArabic.variable}>
      <body>
        <NextIntlClientProvider messages={messages}>
          <Providers>
            <a className="skip-link" href="#main">
              {t("skipToContent")}
            </a>
            <SiteHeader />
            <main id="main" tabIndex={-1}>
              {children}
            </main>
            <footer className="site-footer">
              <p>{t("footer")}</p>
              <UntranslatedNote locale={locale} />
            </footer>
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
