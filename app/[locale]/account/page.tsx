import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/page-access";
import { assignedWorkstreamsOf } from "@/lib/queries/users";
import { TokenSection } from "../admin/_components/token-section";
import "../admin/admin.css";
import { PageHeader } from "../_components/page-header";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const actor = await requirePageUser("/account");
  const t = await getTranslations("account");
  const tRole = await getTranslations("admin.role");
  const assigned = actor.role === "editor" && !actor.allWorkstreams ? await assignedWorkstreamsOf(actor.userId) : [];
  return (
    <div className="page">
      <PageHeader title={t("title")} lead={t("intro")} />
      <section aria-labelledby="account-details" className="admin-section">
        <h2 id="account-details">{t("details")}</h2>
        <dl className="account-facts" data-testid="account-facts">
          <div>
            <dt>{t("name")}</dt>
            <dd>{actor.name}</dd>
          </div>
          <div>
            <dt>{t("email")}</dt>
            <dd>{actor.email}</dd>
          </div>
          <div>
            <dt>{t("role")}</dt>
            <dd>
              <span className={`badge role-badge role-badge--${actor.role}`}>{tRole(actor.role)}</span>{" "}
              <span className="muted">{t(`roleMeaning.${actor.role}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t("workstreams")}</dt>
            <dd data-testid="account-workstreams">
              {actor.role === "viewer" ? (
                t("viewerWorkstreams")
              ) : actor.role === "admin" || actor.allWorkstreams ? (
                t("allWorkstreams")
              ) : assigned.length ? (
                <ul className="plain-list">
                  {assigned.map((workstream) => (
                    <li key={workstream.id}>
                      <Link href={`/workstreams/${workstream.slug}`}>{workstream.nameEn}</Link>
                    </li>
                  ))}
                </ul>
              ) : (
                t("noWorkstreams")
              )}
            </dd>
          </div>
        </dl>
      </section>
      <TokenSection ownerId={actor.userId} />
    </div>
  );
}
