import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { listIngestedDocuments } from "@/lib/queries/ingest";
import { requireIngestPage } from "./access";
import { UploadForm } from "./upload-form";
import "./ingest.css";
import { PageHeader } from "../_components/page-header";

export async function generateMetadata() {
  const t = await getTranslations("ingest");
  return { title: t("title") };
}

export default async function IngestPage() {
  const t = await getTranslations("ingest");
  if (!(await requireIngestPage("/ingest"))) {
    return (
      <div className="page empty-state" data-testid="editor-required">
        <h1>{t("title")}</h1>
        <p>{t("editorRequired")}</p>
      </div>
    );
  }
  const format = await getFormatter();
  const documents = await listIngestedDocuments();
  return (
    <div className="page">
      <PageHeader title={t("title")} lead={t("intro")} />
      <UploadForm />
      <section aria-labelledby="documents-heading" className="ingest-section">
        <h2 id="documents-heading">{t("documents.heading")}</h2>
        {documents.length === 0 ? (
          <p className="muted">{t("documents.none")}</p>
        ) : (
          <div className="table-scroll">
            <table data-testid="ingested-documents">
              <caption className="visually-hidden">{t("documents.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("documents.symbol")}</th>
                  <th scope="col">{t("documents.lang")}</th>
                  <th scope="col" className="num">
                    {t("documents.year")}
                  </th>
                  <th scope="col">{t("documents.file")}</th>
                  <th scope="col">{t("documents.uploaded")}</th>
                  <th scope="col" className="num">
                    {t("documents.pending")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {documents.map((doc) => (
                  <tr key={doc.id}>
                    <th scope="row">
                      <Link href={`/ingest/${doc.id}`}>{doc.symbol}</Link>
                    </th>
                    <td>{doc.lang === "zh" ? t("upload.langZh") : t("upload.langEn")}</td>
                    <td className="num">{doc.year}</td>
                    <td>{doc.filename}</td>
                    <td className="nowrap">{format.dateTime(new Date(doc.uploadedAt), { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td className="num">
                      {doc.pending} / {doc.total}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
