import "server-only";
import { getTranslations } from "next-intl/server";
import { describeReason, type ReasonParts } from "./reasons";

export type ReasonText = (param: ReasonParts) => string;

/**
 * On the server (pages, server actions): a refused field's reason in the request's language,
 * so a form's state carries text ready to show.
 */
export async function getReasonText(): Promise<ReasonText> {
  const t = await getTranslations("validation");
  return (param) => describeReason(t, param);
}
