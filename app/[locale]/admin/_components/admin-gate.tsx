import "server-only";
import { forbidden } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/page-access";
import { type Actor, effectiveRole } from "@/lib/auth/permissions";

/**
 * Admin pages call this first: without an account go to sign-in; with an account but not the
 * admin role, `forbidden()`: the answer is a 403 showing <AdminRequired /> (app/[locale]/forbidden.tsx),
 * and the page loads nothing else.
 */
export async function requireAdminPage(path: string): Promise<Actor> {
  const actor = await requirePageUser(path);
  if (effectiveRole(actor) !== "admin") forbidden();
  return actor;
}

/** What a signed-in non-admin sees instead of an admin page. */
export async function AdminRequired() {
  const t = await getTranslations("admin.required");
  return (
    <div className="page empty-state" data-testid="admin-required">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <Link className="button" href="/">
        {t("home")}
      </Link>
    </div>
  );
}
