import { Link } from "@/i18n/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { USER_ROLES } from "@/lib/domain/roles";
import { listUsers } from "@/lib/queries/users";
import { AdminNav } from "./_components/admin-nav";
import { requireAdminPage } from "./_components/admin-gate";
import { CreateUserForm } from "./create-user-form";
import { PageHeader } from "../_components/page-header";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("usersTitle") };
}

export default async function AdminUsersPage() {
  await requireAdminPage("/admin");
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const users = await listUsers();
  return (
    <div className="page">
      <PageHeader title={t("title")} lead={t("intro")} />
      <AdminNav current="users" />
      <section aria-labelledby="users-heading" className="admin-section">
        <h2 id="users-heading">{t("users.heading", { count: users.length })}</h2>
        <div className="table-scroll">
          <table data-testid="users-table">
            <caption className="visually-hidden">{t("users.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("users.email")}</th>
                <th scope="col">{t("users.name")}</th>
                <th scope="col">{t("users.role")}</th>
                <th scope="col">{t("users.allWorkstreams")}</th>
                <th scope="col" className="num">
                  {t("users.assigned")}
                </th>
                <th scope="col">{t("users.demo")}</th>
                <th scope="col">{t("users.created")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} data-testid="user-row" data-email={user.email}>
                  <th scope="row">
                    <Link href={`/admin/users/${user.id}`}>{user.email}</Link>
                  </th>
                  <td>{user.name}</td>
                  <td>
                    <span className={`badge role-badge role-badge--${user.role}`}>{t(`role.${user.role}`)}</span>
                  </td>
                  <td>{user.allWorkstreams ? t("yes") : t("no")}</td>
                  <td className="num">{user.assignedCount}</td>
                  <td>{user.isDemo ? t("yes") : t("no")}</td>
                  <td className="nowrap">{format.dateTime(user.createdAt, { dateStyle: "medium" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="create-user-heading" className="admin-section">
        <h2 id="create-user-heading">{t("createUser.heading")}</h2>
        <CreateUserForm roles={USER_ROLES} />
      </section>
    </div>
  );
}
