import Link from "next/link";
import { getTranslations } from "next-intl/server";
import "./globals.css";

/**
 * Outside any language (the proxy sends bare paths to a language first, so this is rare): the
 * default language's page with a way back.
 */
export default async function RootNotFound() {
  const t = await getTranslations("notFound");
  return (
    <html lang="en" dir="ltr">
      <body>
        <main id="main" className="page empty-state">
          <h1>{t("title")}</h1>
          <p>{t("body")}</p>
          <p>
            <Link className="button" href="/">
              {t("backToOverview")}
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
