import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { todayIso } from "@/lib/domain/partial-date";
import { listBodies } from "@/lib/queries/bodies";
import { allWorkstreamTranslations } from "@/lib/queries/translations";
import { getWorkstreamBySlug } from "@/lib/queries/workstreams";
import { slugSchema } from "@/lib/validation/filters";
import { AdminNav } from "../../_components/admin-nav";
import { requireAdminPage } from "../../_components/admin-gate";
import { updateWorkstreamFromForm } from "../actions";
import { translationFormValues } from "../translation-fields";
import { WorkstreamForm } from "../workstream-form";
import { PageHeader } from "../../../_components/page-header";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("workstreams.editTitle") };
}

export default async function AdminWorkstreamPage({ params, searchParams }: PageProps<"/[locale]/admin/workstreams/[slug]">) {
  const { slug } = await params;
  await requireAdminPage(`/admin/workstreams/${encodeURIComponent(slug)}`);
  const parsed = slugSchema.safeParse(slug);
  const workstream = parsed.success ? await getWorkstreamBySlug(parsed.data, todayIso()) : null;
  if (!workstream) notFound();
  const t = await getTranslations("admin");
  const bodies = (await listBodies()).map((body) => ({ code: body.code, label: `${body.shortNameEn} (${body.code})` }));
  return (
    <div className="page">
      <PageHeader
        back={{ label: t("breadcrumb"), link: <Link href="/admin/workstreams">{t("workstreams.back")}</Link> }}
        title={t("workstreams.editHeading", { name: workstream.nameEn })}
        lead={<Link href={`/workstreams/${workstream.slug}`}>{t("workstreams.viewPublic")}</Link>}
      />
      <AdminNav current="workstreams" />
      <WorkstreamForm
        key={workstream.slug}
        action={updateWorkstreamFromForm.bind(null, workstream.slug, workstream.version)}
        mode="edit"
        renamed={(await searchParams).renamed === "1"}
        current={{
          slug: workstream.slug,
          nameEn: workstream.nameEn,
          nameZh: workstream.nameZh,
          bodyCode: workstream.bodyCode,
          leads: workstream.leads.join(", "),
          summaryEn: workstream.summaryEn,
          summaryZh: workstream.summaryZh,
          paragraphs: workstream.paragraphs.join(", "),
          ...translationFormValues(await allWorkstreamTranslations(workstream.id)),
        }}
        bodies={bodies}
      />
    </div>
  );
}
