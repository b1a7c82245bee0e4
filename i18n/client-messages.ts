import type { AbstractIntlMessages } from "next-intl";

/**
 * The message namespaces client components use (useTranslations in a "use client" file or
 * lib/client). Only these go to the browser with every page, not the whole file (~24 KB).
 * Adding useTranslations("x") to a client component means adding "x" here.
 */
export const CLIENT_NAMESPACES = [
  "status",
  "charts",
  "editor",
  "error",
  "errors",
  "filters",
  "nav",
  "signIn",
  "admin",
  "account",
  "validation",
  "bulk",
  "card",
  "ingest",
  "reports",
  "timeline",
  "reason",
] as const;

export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(CLIENT_NAMESPACES.flatMap((name) => (name in messages ? [[name, messages[name]!]] : [])));
}
