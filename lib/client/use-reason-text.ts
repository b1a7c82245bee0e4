import { useTranslations } from "next-intl";
import type { InvalidParam } from "@/lib/errors";
import { describeReason } from "@/lib/validation/reasons";

/**
 * In a client component: a refused field's reason in the page's language (the English `reason`
 * when it has no code this interface knows).
 */
export function useReasonText(): (param: Pick<InvalidParam, "reason" | "code" | "values">) => string {
  const t = useTranslations("validation");
  return (param) => describeReason(t, param);
}
