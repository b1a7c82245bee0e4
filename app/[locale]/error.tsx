"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="page empty-state" role="alert">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      {error.digest && <p className="muted">{t("reference", { digest: error.digest })}</p>}
      <button type="button" className="button" onClick={reset}>
        {t("retry")}
      </button>
    </div>
  );
}
