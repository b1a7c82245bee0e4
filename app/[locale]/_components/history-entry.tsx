import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { isSeedActor } from "@/lib/domain/actor-name";
import type { Evidence } from "@/lib/domain/evidence";
import { isTranslationLocale, LOCALE_NAMES } from "@/i18n/locales";
import { DATE_FIELDS, isMilestoneField } from "@/lib/domain/milestone-fields";
import { formatPartialDate } from "@/lib/domain/partial-date";
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
  const locale = await getLocale();
  const what =
    entry.kind === "created"
      ? isSeedActor(entry.actor)
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
  /** An old or new value as people read it: dates at their precision, "—" for none. */
  const valueText = (name: string, value: unknown) => {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value !== "string") return String(value);
    return DATE_FIELDS.includes(name) ? formatPartialDate(value, locale) : value;
  };
  return (
    <>
      <time dateTime={entry.changedAt}>{format.dateTime(new Date(entry.changedAt), { dateStyle: "medium", timeStyle: "short" })}</time> —{" "}
      <strong>{what}</strong> <span className="muted">{t("historyBy", { actor: entry.actor })}</span>
      {changed.length > 0 && (
        <ul className="history__changes">
          {changed.map((name) => (
            <li key={name}>
              {t("changedValue", {
                field: fieldName(name),
                from: valueText(name, entry.changes![name]!.from),
                to: valueText(name, entry.changes![name]!.to),
              })}
            </li>
          ))}
        </ul>
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
