import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";

const SECTIONS = [
  { key: "users", href: "/admin" },
  { key: "workstreams", href: "/admin/workstreams" },
] as const;

/** Tabs between the admin sections; `current` is the section this page belongs to. */
export async function AdminNav({ current }: { current: (typeof SECTIONS)[number]["key"] }) {
  const t = await getTranslations("admin.nav");
  return (
    <nav aria-label={t("label")} className="admin-tabs">
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.key}>
            <Link href={section.href} aria-current={section.key === current ? "page" : undefined}>
              {t(section.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
