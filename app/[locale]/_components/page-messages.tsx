import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { type ClientMessagesPage, clientMessages } from "@/i18n/client-messages";

/**
 * Gives a page's client components its own words beside the shared ones. A nested provider
 * replaces the layout's messages for what it wraps, so it sends both.
 */
export async function PageMessages({ page, children }: { page: ClientMessagesPage; children: ReactNode }) {
  return <NextIntlClientProvider messages={clientMessages(await getMessages(), page)}>{children}</NextIntlClientProvider>;
}
