import "server-only";
import { getTranslations } from "next-intl/server";
import { getReasonText } from "@/lib/validation/reason-text";
import type { FormText } from "./form-state";

/** In a server action: the words of a refusal in the request's language, for `errorState`. */
export async function getFormText(): Promise<FormText> {
  const [reason, t] = await Promise.all([getReasonText(), getTranslations("errors")]);
  return { reason, refusal: (key) => t(key) };
}
