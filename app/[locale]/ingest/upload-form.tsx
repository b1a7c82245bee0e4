"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRouter } from "@/i18n/navigation";
import { ApiProblem, apiUpload } from "@/lib/client/api";

/** Uploads a report with its symbol, language and year; the server reads it and opens its review queue. */
export function UploadForm() {
  const t = useTranslations("ingest.upload");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (form: FormData) => apiUpload<{ documentId: number }>("/api/ingest", form),
    onSuccess: ({ documentId }) => router.push(`/ingest/${documentId}`),
    onError: (failure) => {
      const detail =
        failure instanceof ApiProblem ? [failure.detail, ...failure.invalidParams.map((p) => `${p.name}: ${p.reason}`)].join(" ") : String(failure);
      setError(t("failed", { detail }));
    },
  });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    upload.mutate(new FormData(event.currentTarget));
  }

  return (
    <section aria-labelledby="upload-heading" className="ingest-section">
      <h2 id="upload-heading">{t("heading")}</h2>
      <form className="ingest-upload" onSubmit={submit} data-testid="ingest-upload">
        <label>
          <span>{t("file")}</span>
          <input type="file" name="file" accept=".pdf,.docx,.txt,application/pdf,text/plain" required />
          <small className="muted">{t("fileHint")}</small>
        </label>
        <label>
          <span>{t("symbol")}</span>
          <input type="text" name="symbol" required placeholder="E/2023/50" dir="ltr" />
          <small className="muted">{t("symbolHint")}</small>
        </label>
        <label>
          <span>{t("lang")}</span>
          <select name="lang" defaultValue="zh">
            <option value="zh">{t("langZh")}</option>
            <option value="en">{t("langEn")}</option>
          </select>
        </label>
        <label>
          <span>{t("year")}</span>
          <input type="number" name="year" required min={1945} max={2100} defaultValue={new Date().getFullYear() - 1} />
        </label>
        <button type="submit" className="button" disabled={upload.isPending}>
          {upload.isPending ? t("reading") : t("submit")}
        </button>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
