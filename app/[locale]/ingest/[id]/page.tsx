import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getReviewQueue } from "@/lib/queries/ingest";
import { requireIngestPage } from "../access";
import { ReviewQueue } from "./review-queue";
import "../ingest.css";
import { PageHeader } from "../../_components/page-header";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("ingest");
  const queue = /^\d+$/.test((await params).id) ? await getReviewQueue(Number((await params).id)) : null;
  return { title: queue ? t("review.title", { symbol: queue.document.symbol }) : t("title") };
}

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await getTranslations("ingest");
  if (!(await requireIngestPage(`/ingest/${id}`))) {
    return (
      <div className="page empty-state" data-testid="editor-required">
        <h1>{t("title")}</h1>
        <p>{t("editorRequired")}</p>
      </div>
    );
  }
  if (!/^\d+$/.test(id)) notFound();
  const queue = await getReviewQueue(Number(id));
  if (!queue) notFound();
  return (
    <div className="page">
      <PageHeader
        back={{ label: t("review.breadcrumb"), link: <Link href="/ingest">{t("review.back")}</Link> }}
        title={t("review.title", { symbol: queue.document.symbol })}
      />
      <ReviewQueue queue={queue} />
    </div>
  );
}
