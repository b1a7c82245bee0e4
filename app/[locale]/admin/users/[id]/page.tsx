import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { USER_ROLES } from "@/lib/domain/roles";
import { getUserAccess, workstreamChoices } from "@/lib/queries/users";
import { AdminNav } from "../../_components/admin-nav";
import { requireAdminPage } from "../../_components/admin-gate";
import { TokenSection } from "../../_components/token-section";
import { AccessForm } from "./access-form";
import { saveUserAccess } from "./actions";
import { PageHeader } from "../../../_components/page-header";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("user.title") };
}

export default async function AdminUserPage({ params }: PageProps<"/[locale]/admin/users/[id]">) {
  const { id } = await params;
  const admin = await requireAdminPage(`/admin/users/${encodeURIComponent(id)}`);
  const user = await getUserAccess(id);
  if (!user) notFound();
  const t = await getTranslations("admin");
  const format = await getFormatter();
  return (
    <div className="page">
      <PageHeader
        back={{ label: t("breadcrumb"), link: <Link href="/admin">{t("user.back")}</Link> }}
        title={user.name}
        lead={
          <>
            {user.email} · <span className={`badge role-badge role-badge--${user.role}`}>{t(`role.${user.role}`)}</span>
            {user.isDemo && (
              <>
                {" "}
                · <span className="badge badge--planned">{t("user.demo")}</span>
              </>
            )}{" "}
            · {t("user.created", { date: format.dateTime(user.createdAt, { dateStyle: "medium" }) })}
          </>
        }
      />
      <AdminNav current="users" />
      <section aria-labelledby="access-heading" className="admin-section">
        <h2 id="access-heading">{t("user.accessHeading")}</h2>
        <p className="lead">{t("user.accessIntro")}</p>
        <AccessForm
          action={saveUserAccess.bind(null, user.id)}
          current={{ role: user.role, allWorkstreams: user.allWorkstreams, workstreamIds: user.workstreamIds }}
          roles={USER_ROLES}
          workstreams={await workstreamChoices()}
          isSelf={user.id === admin.userId}
        />
      </section>
      <TokenSection ownerId={user.id} />
    </div>
  );
}
