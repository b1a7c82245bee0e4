import { getFormatter, getTranslations } from "next-intl/server";
import type { Evidence } from "@/lib/domain/evidence";
import { isTranslationLocale, LOCALE_NAMES } from "@/i18n/locales";
import { isMilestoneField } from "@/lib/domain/milestone-fields";
import type { HistoryEntry } from "@/lib/queries/milestones";

function evidenceHref(evidence: Evidence): string {
  return evidence.kind === "url" ? evidence.value : `https://undocs.org/${evidence.value}`;
}

/** One history entry: when, who, what changed, the note and the evidence given with it. */
export async function HistoryEntryText({ entry }: { entry: HistoryEntry }) {
  const t = await getTranslations("workstream");
  const tStatus = await getTranslations("status");
  const tFields = await getTranslations("editor.fields");
  const format = await getFormatter();
  const what =
    entry.kind === "created"
      ? entry.actor === "seed"
        ? t("historyInitial", { to: tStatus(entry.toStatus) })
        : t("historyKind.created", { to: tStatus(entry.toStatus) })
      : entry.kind === "status"
        ? t("historyKind.status", { from: tStatus(entry.fromStatus ?? entry.toStatus), to: tStatus(entry.toStatus) })
        : t(`historyKind.${entry.kind}`);
  const changed = entry.changes ? Object.keys(entry.changes) : [];
  /** A changed field as people read it: "Title (English)", or "Title (Français)" for `title.fr`. */
  const fieldName = (name: string) => {
    const language = name.startsWith("title.") ? name.slice("title.".length) : null;
    if (isTranslationLocale(language)) return tFields("titleIn", { language: LOCALE_NAMES[language] });
    return isMilestoneField(name) ? tFields(name) : name;
  };
  return (
    <>
      <time dateTime={entry.changedAt}>{format.dateTime(new Date(entry.changedAt), { dateStyle: "medium", timeStyle: "short" })}</time> —{" "}
      <strong>{what}</strong> <span className="muted">{t("historyBy", { actor: entry.actor })}</span>
      {changed.length > 0 && (
        <div className="history__note">
          {t("changedFields", {
            fields: format.list(changed.map(fieldName)),
          })}
        </div>
      )}
      {entry.note && <div className="history__note">{entry.note}</div>}
      {entry.evidence.length > 0 && (
        <div className="history__note">
          {entry.evidence.map((item) => (
            <a key={item.value} href={evidenceHref(item)} rel="noreferrer" className="evidence">
              {item.value}
            </a>
          ))}
        </div>
      )}
    </>
  );
}
