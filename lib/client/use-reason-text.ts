import { useTranslations } from "next-intl";
import { describeReason, type ReasonParts } from "@/lib/validation/reasons";

/**
 * In a client component: a refused field's reason in the page's language (the English `reason`
 * when it has no code this interface knows).
 */
export function useReasonText(): (param: ReasonParts) => string {
  const t = useTranslations("validation");
  return (param) => describeReason(t, param);
}
