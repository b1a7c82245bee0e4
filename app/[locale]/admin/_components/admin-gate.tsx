import "server-only";
import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/page-access";
import { type Actor, effectiveRole } from "@/lib/auth/permissions";

/**
 * Admin pages call this first: without an account go to sign-in; with an account but not the
 * admin role, null (the page then shows <AdminRequired /> and loads nothing else).
 */
export async function requireAdminPage(path: string): Promise<Actor | null> {
  const actor = await requirePageUser(path);
  return effectiveRole(actor) === "admin" ? actor : null;
}

/**
 * What a signed-in non-admin sees instead of an admin page. (`forbidden()` would also answer
 * 403, but it needs `experimental.authInterrupts`.)
 */
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
