import { useTranslations } from "next-intl";
import { useReasonText } from "@/lib/client/use-reason-text";
import type { FormText } from "./form-state";

/** In a client component: a refusal's words in the page's language, for `errorState` and `precheck`. */
export function useFormText(): FormText {
  const reason = useReasonText();
  const t = useTranslations("errors");
  return { reason, refusal: (key) => t(key) };
}
