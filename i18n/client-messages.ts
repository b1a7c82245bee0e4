import type { AbstractIntlMessages } from "next-intl";

/**
 * The message namespaces that client components on every page use (useTranslations in a
 * "use client" file or lib/client): the header, the filters, the charts, the cards' watch
 * button, form errors and their reasons, the error boundary. The layout sends only these.
 */
export const SHARED_CLIENT_NAMESPACES = ["status", "charts", "error", "errors", "filters", "nav", "card", "validation"] as const;

/**
 * What some pages' client components add, sent by those pages' layouts (`PageMessages`), so an
 * overview does not carry the editor's, the roadmap's or the admin forms' words (about 20 KB,
 * 30 KB in Arabic). Adding useTranslations("x") to a client component means adding "x" here,
 * for every page that renders it; i18n/client-messages.test.ts follows the imports to check.
 */
export const PAGE_CLIENT_NAMESPACES = {
  workstream: ["editor", "bulk"],
  timeline: ["timeline", "reason", "reports", "editor"],
  admin: ["admin", "account"],
  account: ["account", "admin"],
  ingest: ["ingest", "editor"],
  signIn: ["signIn"],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessagesPage = keyof typeof PAGE_CLIENT_NAMESPACES;

/** The messages a page's client components need: the shared namespaces, plus the page's own. */
export function clientMessages(messages: AbstractIntlMessages, page?: ClientMessagesPage): AbstractIntlMessages {
  const names: readonly string[] = page ? [...SHARED_CLIENT_NAMESPACES, ...PAGE_CLIENT_NAMESPACES[page]] : SHARED_CLIENT_NAMESPACES;
  return Object.fromEntries(names.flatMap((name) => (name in messages ? [[name, messages[name]!]] : [])));
}
