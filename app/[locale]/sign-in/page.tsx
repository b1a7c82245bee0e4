import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { getPageActor, safeNextPath } from "@/lib/auth/page-access";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata() {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: PageProps<"/[locale]/sign-in">) {
  const next = safeNextPath((await searchParams).next);
  if (await getPageActor()) redirect({ href: next, locale: await getLocale() });
  const t = await getTranslations("signIn");
  return (
    <div className="page narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <SignInForm next={next} />
    </div>
  );
}
