"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { getAuth } from "@/lib/auth/auth";
import { safeNextPath } from "@/lib/auth/page-access";
import { throttledSignIn, throttleKeys } from "@/lib/auth/throttle";
import { clientAddress } from "@/lib/http/client-address";
import { signInSchema } from "@/lib/validation/users";
import { getReasonText } from "@/lib/validation/reason-text";
import { fieldErrors } from "@/lib/validation/zod-errors";

export type SignInState = {
  email: string;
  fieldErrors: Record<string, string>;
  formError: string | null;
  retryAfterSeconds?: number;
};

export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const raw = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) {
    const reasonText = await getReasonText();
    return {
      email: raw.email,
      formError: null,
      fieldErrors: Object.fromEntries(fieldErrors(parsed.error).map((e) => [e.name, reasonText(e)])),
    };
  }
  const requestHeaders = await headers();
  // Counted per account and address (the socket's, or per TRUST_PROXY the proxy's word for it).
  const keys = throttleKeys(parsed.data.email, clientAddress(requestHeaders));
  const result = await throttledSignIn(keys, async () => {
    await getAuth().api.signInEmail({ body: parsed.data, headers: requestHeaders });
    return true;
  });
  if (result.outcome === "locked") {
    return { email: raw.email, fieldErrors: {}, formError: "locked", retryAfterSeconds: result.retryAfterSeconds };
  }
  if (result.outcome === "invalid") return { email: raw.email, fieldErrors: {}, formError: "invalid" };
  return redirect({ href: safeNextPath(form.get("next")), locale: await getLocale() });
}

export async function signOut(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect({ href: "/sign-in", locale: await getLocale() });
}
