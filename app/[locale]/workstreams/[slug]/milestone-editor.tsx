"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRouter } from "@/i18n/navigation";
import { useEffect, useRef, useState } from "react";
import { LOCALE_NAMES, TRANSLATION_LOCALES, type TranslationLocale } from "@/i18n/locales";
import { apiFetch } from "@/lib/client/api";
import { DATE_FIELDS, MILESTONE_FIELDS, type MilestoneField } from "@/lib/domain/milestone-fields";
import { formatPartialDate } from "@/lib/domain/partial-date";
import type { MilestoneStatus } from "@/lib/domain/status";
import type { LastChange, MilestoneState } from "@/lib/queries/milestone-state";
import { milestoneUpdateSchema } from "@/lib/validation/milestones";
import { precheck, refusalOfThrown } from "../../_lib/form-state";
import { useFormText } from "../../_lib/use-form-text";
import { removeMilestoneFromEditor, saveMilestoneChange } from "./actions";
import { changeBody, type Draft, draftFrom, titleIn, translationField } from "./milestone-draft";
import { StatusFields, useFieldWiring, usePageLocale } from "./milestone-fields";

type Conflict = { draft: Draft; base: MilestoneState; current: MilestoneState; lastChange: LastChange | null };

type Props = { initial: MilestoneState; canEdit: boolean; openOnLoad: boolean; overdue: boolean };

/**
 * A milestone's status badge and, for those allowed, its editor. Saving shows the new status at
 * once (optimistic) and rolls back with a message if the server refuses; a conflict with
 * someone else's change opens a screen to re-apply or discard.
 */
export function MilestoneEditor({ initial, canEdit, openOnLoad, overdue }: Props) {
  const t = useTranslations("editor");
  const tErrors = useTranslations("errors");
  const tStatus = useTranslations("status");
  const queryClient = useQueryClient();
  const router = useRouter();
  const formText = useFormText();
  const locale = usePageLocale();
  const key = ["milestone", initial.id];
  const { data: milestone } = useQuery({
    queryKey: key,
    queryFn: () => apiFetch<MilestoneState>(`/api/milestones/${initial.id}`, { method: "GET" }),
    initialData: initial,
    staleTime: Infinity,
  });
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(initial));
  const [base, setBase] = useState<MilestoneState>(initial);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (openOnLoad && canEdit) openEditor();
    // Only on first render: the link from the timeline asks to open this editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The dialog is mounted only while open (so closed forms leave nothing in the page).
  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
  }, [open, conflict]);

  /** Closing through the element lets the browser return focus to the Update button. */
  function closeDialog() {
    if (dialogRef.current?.open) dialogRef.current.close();
    else setOpen(false);
  }

  function openEditor() {
    setBase(milestone);
    setDraft(draftFrom(milestone));
    setErrors({});
    setFormError(null);
    setConflict(null);
    setConfirmRemove(false);
    setOpen(true);
  }

  // The action answers a refusal as data; the optimistic status is rolled back for it as for a
  // request that never arrived.
  const save = useMutation({
    mutationFn: (vars: { body: Record<string, unknown>; draft: Draft; base: MilestoneState }) => saveMilestoneChange(initial.id, vars.body),
    onMutate: async (vars) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<MilestoneState>(key);
      if (previous) {
        queryClient.setQueryData<MilestoneState>(key, {
          ...previous,
          status: (vars.body.status as MilestoneStatus | undefined) ?? previous.status,
          titleEn: (vars.body.titleEn as string | undefined) ?? previous.titleEn,
        });
      }
      return { previous };
    },
    onError: (error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      setNotice(t("rolledBack", { reason: tErrors(refusalOfThrown(error)) }));
    },
    onSuccess: (answer, vars, context) => {
      if (answer.saved) {
        // A new version here is also what tells the roadmap's peek to refetch its bars.
        queryClient.setQueryData(key, answer.saved);
        setNotice(null);
        setConflict(null);
        return;
      }
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      setDraft(vars.draft);
      if (answer.conflict) {
        setConflict({ draft: vars.draft, base: vars.base, ...answer.conflict });
        setOpen(true);
      } else if (answer.editAgain) {
        // Something to correct in the draft: the editor again, saying what.
        setBase(vars.base);
        setErrors(answer.fieldErrors);
        setFormError(answer.error ?? t("fixFields"));
        setOpen(true);
      } else {
        setNotice(t("rolledBack", { reason: answer.error ?? "" }));
      }
    },
  });

  const remove = useMutation({
    mutationFn: () => removeMilestoneFromEditor(initial.id, milestone.version),
    onSuccess: (answer) => {
      if (answer.saved) closeDialog();
      else setFormError(answer.error ?? t("fixFields"));
    },
    onError: (error) => setFormError(tErrors(refusalOfThrown(error))),
  });

  function submit(event: React.FormEvent<HTMLFormElement>, against: MilestoneState = base) {
    event.preventDefault();
    const body = changeBody(draft, against);
    const refused = precheck(milestoneUpdateSchema(), body, null, formText);
    if (refused) {
      setErrors(refused.fieldErrors);
      setFormError(refused.error ?? t("fixFields"));
      return;
    }
    setErrors({});
    setFormError(null);
    setConflict(null);
    closeDialog();
    save.mutate({ body, draft, base: against });
  }

  const wiring = useFieldWiring(draft, setDraft, errors);
  const { ids, field, errorFor } = wiring;
  // The live state's title (so a saved change shows at once), in the page's language.
  const title = titleIn(locale, milestone);

  return (
    <div className="milestone-status" data-testid="milestone-status">
      <span className="badges">
        <span className={`badge badge--${milestone.status}`} data-testid="status-badge">
          {tStatus(milestone.status)}
        </span>
        {overdue && milestone.status !== "completed" && milestone.status !== "cancelled" && <span className="badge badge--overdue">{tStatus("overdue")}</span>}
        {save.isPending && <span className="badge badge--saving">{t("saving")}</span>}
      </span>
      {notice && (
        <p className="field-error" role="alert">
          {notice}
        </p>
      )}
      {canEdit && (
        <button type="button" className="button button--small" onClick={openEditor} aria-haspopup="dialog">
          {t("update")}
          <span className="visually-hidden">
            : <span lang={title.lang}>{title.text}</span>
          </span>
        </button>
      )}
      {canEdit && open && (
        <dialog ref={dialogRef} className="dialog" aria-labelledby={`${ids}-title`} onClose={() => setOpen(false)}>
          <h2 id={`${ids}-title`} className="dialog__title">
            {conflict ? t("conflictTitle") : t("title")}
          </h2>
          <p className="muted" lang={title.lang} dir="auto">
            {title.text}
          </p>
          {conflict ? (
            <ConflictView
              conflict={conflict}
              onReapply={(event) => {
                setBase(conflict.current);
                submit(event, conflict.current);
              }}
              onDiscard={() => {
                queryClient.setQueryData(key, conflict.current);
                setConflict(null);
                closeDialog();
                router.refresh();
              }}
            />
          ) : (
            <form onSubmit={(event) => submit(event)} noValidate className="dialog__form">
              {formError && (
                <p className="form-error" role="alert">
                  {formError}
                </p>
              )}
              <StatusFields draft={draft} wiring={wiring} plannedDate={base.date} />
              <details className="dialog__details" open={Boolean(errors.titleEn || errors.titleZh || errors.date)}>
                <summary>{t("editDetails")}</summary>
                <div className="field">
                  <label htmlFor={`${ids}-titleEn`}>{t("titleEn")}</label>
                  <input {...field("titleEn")} maxLength={300} />
                  {errorFor("titleEn")}
                </div>
                <div className="field">
                  <label htmlFor={`${ids}-titleZh`}>{t("titleZh")}</label>
                  <input {...field("titleZh")} lang="zh" maxLength={300} />
                  {errorFor("titleZh")}
                </div>
                <div className="field">
                  <label htmlFor={`${ids}-date`}>{t("date")}</label>
                  <input {...field("date")} inputMode="numeric" />
                  <p className="hint">{t("dateHint")}</p>
                  {errorFor("date")}
                </div>
              </details>
              <details className="dialog__details" open={TRANSLATION_LOCALES.some((locale) => errors[translationField(locale)])} data-testid="translations">
                <summary>{t("translations")}</summary>
                <p className="hint">{t("translationsHint")}</p>
                {TRANSLATION_LOCALES.map((locale) => (
                  <div className="field" key={locale}>
                    <label htmlFor={`${ids}-${translationField(locale)}`}>
                      <span lang={locale}>{LOCALE_NAMES[locale]}</span> — {t("translationLabel", { locale })}
                    </label>
                    <input {...field(translationField(locale))} lang={locale} dir="auto" maxLength={300} />
                    {errorFor(translationField(locale))}
                  </div>
                ))}
              </details>
              <div className="dialog__actions">
                <button type="submit" className="button">
                  {t("save")}
                </button>
                <button type="button" className="button button--quiet" onClick={closeDialog}>
                  {t("cancel")}
                </button>
                <span className="dialog__spacer" />
                {confirmRemove ? (
                  <span className="dialog__confirm" role="group" aria-label={t("removeConfirm")}>
                    {t("removeConfirm")}{" "}
                    <button type="button" className="button button--danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
                      {t("removeYes")}
                    </button>{" "}
                    <button type="button" className="button button--quiet" onClick={() => setConfirmRemove(false)}>
                      {t("removeNo")}
                    </button>
                  </span>
                ) : (
                  <button type="button" className="button button--quiet" onClick={() => setConfirmRemove(true)}>
                    {t("remove")}
                  </button>
                )}
              </div>
            </form>
          )}
        </dialog>
      )}
    </div>
  );
}

function ConflictView({
  conflict,
  onReapply,
  onDiscard,
}: {
  conflict: Conflict;
  onReapply: (event: React.FormEvent<HTMLFormElement>) => void;
  onDiscard: () => void;
}) {
  const t = useTranslations("editor");
  const tStatus = useTranslations("status");
  const locale = useLocale();
  const { base, current, draft, lastChange } = conflict;
  const show = (name: MilestoneField, value: string | null | undefined) =>
    !value ? "—" : name === "status" ? tStatus(value as MilestoneStatus) : DATE_FIELDS.includes(name) ? formatPartialDate(value, locale) : value;
  const mine = changeBody(draft, base);
  // A re-plan moves the date: the conflict table shows it on the date's row.
  if (mine.expectedDate !== undefined) mine.date = mine.expectedDate;
  const myTranslations = (mine.translations ?? {}) as Partial<Record<TranslationLocale, string>>;
  const translationRows = TRANSLATION_LOCALES.filter(
    (locale) => (base.translations[locale] ?? "") !== (current.translations[locale] ?? "") || locale in myTranslations,
  );
  return (
    <form onSubmit={onReapply} className="dialog__form" data-testid="conflict">
      <div className="form-error" role="alert">
        <p>
          <OtherChange lastChange={lastChange} />
        </p>
        {lastChange?.note && (
          <p data-testid="conflict-note">
            {t("conflictNote")} <q dir="auto">{lastChange.note}</q>
          </p>
        )}
        <p>{t("conflictBody")}</p>
      </div>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("conflictField")}</th>
              <th scope="col">{t("conflictBase")}</th>
              <th scope="col">{t("conflictNow")}</th>
              <th scope="col">{t("conflictMine")}</th>
            </tr>
          </thead>
          <tbody>
            {MILESTONE_FIELDS.filter((name) => base[name] !== current[name] || name in mine).map((name) => (
              <tr key={name} className={base[name] !== current[name] ? "changed" : undefined}>
                <th scope="row">{t(`fields.${name}`)}</th>
                <td>{show(name, base[name] as string | null)}</td>
                <td>{show(name, current[name] as string | null)}</td>
                <td>{name in mine ? show(name, mine[name] as string | null) : t("conflictUnchanged")}</td>
              </tr>
            ))}
            {translationRows.map((locale) => {
              const theirs = (base.translations[locale] ?? "") !== (current.translations[locale] ?? "");
              return (
                <tr key={locale} className={theirs ? "changed" : undefined}>
                  <th scope="row">{t("fields.titleIn", { language: LOCALE_NAMES[locale] })}</th>
                  <td lang={locale} dir="auto">
                    {base.translations[locale] || "—"}
                  </td>
                  <td lang={locale} dir="auto">
                    {current.translations[locale] || "—"}
                  </td>
                  <td lang={locale} dir="auto">
                    {locale in myTranslations ? myTranslations[locale] || "—" : t("conflictUnchanged")}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="dialog__actions">
        <button type="submit" className="button">
          {t("reapply")}
        </button>
        <button type="button" className="button button--quiet" onClick={onDiscard}>
          {t("discard")}
        </button>
      </div>
    </form>
  );
}

/** "Ana Ruiz changed it 3 minutes ago": who made the other change and when, never a version number. */
export function OtherChange({ lastChange }: { lastChange: LastChange | null }) {
  const t = useTranslations("editor");
  const format = useFormatter();
  if (!lastChange) return <>{t("conflictSomeone")}</>;
  const at = new Date(lastChange.changedAt);
  return (
    <time data-testid="conflict-who" dateTime={lastChange.changedAt} title={format.dateTime(at, { dateStyle: "medium", timeStyle: "short" })}>
      {t("conflictWho", { name: lastChange.actor, ago: format.relativeTime(at, new Date()) })}
    </time>
  );
}
