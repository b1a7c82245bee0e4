import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { todayIso } from "@/lib/domain/partial-date";
import { listBodies } from "@/lib/queries/bodies";
import { listWorkstreamSummaries } from "@/lib/queries/workstreams";
import { AdminNav } from "../_components/admin-nav";
import { requireAdminPage } from "../_components/admin-gate";
import { createWorkstreamFromForm } from "./actions";
import { EMPTY_WORKSTREAM, WorkstreamForm } from "./workstream-form";
import { PageHeader } from "../../_components/page-header";

/** Every workstream on one page: there are a few dozen, not thousands. */
const ALL = { page: 1, pageSize: 10_000 };

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("workstreams.title") };
}

export default async function AdminWorkstreamsPage() {
  await requireAdminPage("/admin/workstreams");
  const t = await getTranslations("admin");
  const { items } = await listWorkstreamSummaries({}, ALL, todayIso());
  const bodies = (await listBodies()).map((body) => ({ code: body.code, label: `${body.shortNameEn} (${body.code})` }));
  return (
    <div className="page">
      <PageHeader title={t("title")} lead={t("intro")} />
      <AdminNav current="workstreams" />
      <section aria-labelledby="workstreams-heading" className="admin-section">
        <h2 id="workstreams-heading">{t("workstreams.heading", { count: items.length })}</h2>
        <div className="table-scroll">
          <table data-testid="workstreams-table">
            <caption className="visually-hidden">{t("workstreams.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("workstreams.name")}</th>
                <th scope="col">{t("workstreams.slug")}</th>
                <th scope="col">{t("workstreams.body")}</th>
                <th scope="col">{t("workstreams.leads")}</th>
                <th scope="col" className="num">
                  {t("workstreams.milestones")}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t("workstreams.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((workstream) => (
                <tr key={workstream.id} data-testid="workstream-row" data-slug={workstream.slug}>
                  <th scope="row">
                    <Link href={`/workstreams/${workstream.slug}`}>{workstream.nameEn}</Link>
                  </th>
                  <td>
                    <code>{workstream.slug}</code>
                  </td>
                  <td>{workstream.bodyShortNameEn}</td>
                  <td>{workstream.leads.length ? workstream.leads.join(", ") : <span className="muted">{t("workstreams.noLeads")}</span>}</td>
                  <td className="num">{workstream.total}</td>
                  <td>
                    <Link href={`/admin/workstreams/${workstream.slug}`} aria-label={t("workstreams.editLabel", { name: workstream.nameEn })}>
                      {t("workstreams.edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="create-workstream-heading" className="admin-section">
        <h2 id="create-workstream-heading">{t("workstreams.createHeading")}</h2>
        <WorkstreamForm action={createWorkstreamFromForm} mode="create" current={EMPTY_WORKSTREAM} bodies={bodies} />
      </section>
    </div>
  );
}
