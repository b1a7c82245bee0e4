"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { getAuth } from "@/lib/auth/auth";
import { safeNextPath } from "@/lib/auth/page-access";
import { checkSignInThrottle, clearSignInFailures, recordSignInFailure, throttleKeys } from "@/lib/auth/throttle";
import { signInSchema } from "@/lib/validation/users";
import { getReasonText } from "@/lib/validation/reason-text";
import { fieldErrors } from "@/lib/validation/zod-errors";

export type SignInState = {
  email: string;
  fieldErrors: Record<string, string>;
  formError: string | null;
  retryAfterSeconds?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function clientAddress(all: Headers): string | null {
  return all.get("x-forwarded-for")?.split(",")[0]?.trim() || all.get("x-real-ip") || null;
}

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
  const keys = throttleKeys(parsed.data.email, clientAddress(requestHeaders));
  const decision = checkSignInThrottle(keys);
  if (!decision.allowed) {
    return { email: raw.email, fieldErrors: {}, formError: "locked", retryAfterSeconds: decision.retryAfterSeconds };
  }
  // Repeated failures are answered more and more slowly before the lock.
  if (decision.delayMs > 0) await sleep(decision.delayMs);
  try {
    await getAuth().api.signInEmail({ body: parsed.data, headers: requestHeaders });
  } catch {
    recordSignInFailure(keys);
    return { email: raw.email, fieldErrors: {}, formError: "invalid" };
  }
  clearSignInFailures(keys);
  return redirect({ href: safeNextPath(form.get("next")), locale: await getLocale() });
}

export async function signOut(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect({ href: "/sign-in", locale: await getLocale() });
}
