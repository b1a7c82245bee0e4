"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useId, useRef, useState } from "react";
import type { MilestoneState } from "@/lib/queries/milestone-state";
import { milestoneBulkSchema } from "@/lib/validation/milestones";
import { precheck, refusalOfThrown } from "../_lib/form-state";
import { useFormText } from "../_lib/use-form-text";
import { updateSelectedMilestones } from "../workstreams/[slug]/actions";
import { OtherChange } from "../workstreams/[slug]/milestone-editor";
import { evidenceLines, StatusFields, useFieldWiring } from "../workstreams/[slug]/milestone-fields";
import type { BulkRowOutcome } from "../workstreams/[slug]/milestone-outcome";

/** A milestone that can be selected: its id, the version the page loaded and its title as shown. */
export type SelectableMilestone = { id: number; version: number; title: string; titleLang?: string };

type SelectionContext = {
  milestones: SelectableMilestone[];
  selected: Set<number>;
  toggle: (id: number, on: boolean) => void;
  setAll: (on: boolean) => void;
  listLabel: string;
};

const Selection = createContext<SelectionContext | null>(null);

function useSelection(): SelectionContext {
  const context = useContext(Selection);
  if (!context) throw new Error("SelectMilestone and SelectAllMilestones belong inside a MilestoneSelection.");
  return context;
}

/**
 * Bulk update for one list of milestones (a workstream's table, the Attention list, search
 * results): wrap the list in it, put a `SelectAllMilestones` in its header and a
 * `SelectMilestone` in each row. A bar above the list counts the selection and opens one form
 * (status, note, evidence, new expected date) applied to every selected milestone through
 * a server action (the command behind `POST /api/milestones/bulk`), then lists each row's result: done, conflict (who changed it,
 * when, their note) or refused. Show it only to those who may edit; rows they may not change
 * come back "refused".
 *
 * Props:
 * - `milestones`: every milestone of the list that can be selected, with the version the page
 *   loaded (the latest version in the react-query cache wins, so the row editors stay in step);
 * - `listLabel`: what the list is, for "Select all in {listLabel}" and the form's heading;
 * - `children`: the list itself.
 */
export function MilestoneSelection({ milestones, listLabel, children }: { milestones: SelectableMilestone[]; listLabel: string; children: React.ReactNode }) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const toggle = (id: number, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const setAll = (on: boolean) => setSelected(on ? new Set(milestones.map((m) => m.id)) : new Set());
  return (
    <Selection.Provider value={{ milestones, selected, toggle, setAll, listLabel }}>
      <BulkUpdateBar />
      {children}
    </Selection.Provider>
  );
}

/** A row's checkbox; `label` names the milestone for screen readers. */
export function SelectMilestone({ id, label }: { id: number; label: string }) {
  const t = useTranslations("bulk");
  const { selected, toggle } = useSelection();
  return (
    <label className="select-box">
      <input type="checkbox" checked={selected.has(id)} onChange={(event) => toggle(id, event.target.checked)} data-testid="select-milestone" />
      <span className="visually-hidden">{t("select", { title: label })}</span>
    </label>
  );
}

/** The list's "select all" checkbox: checked when all are, mixed when some are. */
export function SelectAllMilestones() {
  const t = useTranslations("bulk");
  const { milestones, selected, setAll, listLabel } = useSelection();
  const ref = useRef<HTMLInputElement>(null);
  const all = milestones.length > 0 && milestones.every((m) => selected.has(m.id));
  const some = !all && milestones.some((m) => selected.has(m.id));
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <label className="select-box">
      <input ref={ref} type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} data-testid="select-all" />
      <span className="visually-hidden">{t("selectAll", { list: listLabel })}</span>
    </label>
  );
}

type BulkDraft = { status: string; completedOn: string; note: string; evidence: string; expectedDate: string };
const EMPTY: BulkDraft = { status: "", completedOn: "", note: "", evidence: "", expectedDate: "" };

function BulkUpdateBar() {
  const t = useTranslations("bulk");
  const tEditor = useTranslations("editor");
  const { milestones, selected, setAll, toggle, listLabel } = useSelection();
  const tErrors = useTranslations("errors");
  const queryClient = useQueryClient();
  const formText = useFormText();
  const headingId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<BulkDraft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [results, setResults] = useState<BulkRowOutcome[] | null>(null);
  // Versions learnt from a conflict: applying again builds on the change the user has now seen.
  const [seenVersions, setSeenVersions] = useState<Map<number, number>>(new Map());
  const wiring = useFieldWiring(draft, setDraft, errors);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
  }, [open]);

  const chosen = milestones.filter((m) => selected.has(m.id));
  const versionOf = (m: SelectableMilestone) => seenVersions.get(m.id) ?? queryClient.getQueryData<MilestoneState>(["milestone", m.id])?.version ?? m.version;
  const titleOf = (id: number) => milestones.find((m) => m.id === id);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => updateSelectedMilestones(body),
    onSuccess: (answer) => {
      if (!answer.rows) {
        setErrors(answer.fieldErrors);
        setFormError(answer.error ?? tEditor("fixFields"));
        return;
      }
      setResults(answer.rows);
      const versions = new Map(seenVersions);
      for (const row of answer.rows) {
        if (row.outcome === "done") {
          queryClient.setQueryData(["milestone", row.id], row.milestone);
          toggle(row.id, false);
        } else if (row.outcome === "conflict") versions.set(row.id, row.current.version);
      }
      setSeenVersions(versions);
    },
    onError: (error) => setFormError(tErrors(refusalOfThrown(error))),
  });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: Record<string, unknown> = { items: chosen.map((m) => ({ id: m.id, version: versionOf(m) })) };
    if (draft.status) body.status = draft.status;
    if (draft.status === "completed" && draft.completedOn.trim()) body.completedOn = draft.completedOn.trim();
    if (draft.note.trim()) body.note = draft.note.trim();
    const evidence = evidenceLines(draft.evidence);
    if (evidence.length) body.evidence = evidence;
    if (draft.expectedDate.trim() && (draft.status === "delayed" || draft.status === "at_risk")) body.expectedDate = draft.expectedDate.trim();
    const refused = precheck(milestoneBulkSchema(), body, null, formText);
    if (refused) {
      setErrors(refused.fieldErrors);
      setFormError(refused.error ?? tEditor("fixFields"));
      return;
    }
    setErrors({});
    setFormError(null);
    save.mutate(body);
  }

  function openForm() {
    setResults(null);
    setErrors({});
    setFormError(null);
    setOpen(true);
  }

  function close() {
    if (dialogRef.current?.open) dialogRef.current.close();
    else setOpen(false);
  }

  return (
    <div className="bulk-bar" role="region" aria-label={t("barLabel", { list: listLabel })} data-testid="bulk-bar">
      <span aria-live="polite">{t("selected", { count: chosen.length })}</span>
      <button type="button" className="button button--small" onClick={openForm} disabled={chosen.length === 0} aria-haspopup="dialog">
        {t("update", { count: chosen.length })}
      </button>
      {chosen.length > 0 && (
        <button type="button" className="button button--quiet button--small" onClick={() => setAll(false)}>
          {t("clear")}
        </button>
      )}
      {open && (
        <dialog ref={dialogRef} className="dialog" aria-labelledby={headingId} onClose={() => setOpen(false)} data-testid="bulk-dialog">
          <h2 id={headingId} className="dialog__title">
            {t("title", { count: chosen.length || (results?.length ?? 0) })}
          </h2>
          {results && <BulkResults results={results} titleOf={titleOf} />}
          {chosen.length > 0 ? (
            <form onSubmit={submit} noValidate className="dialog__form">
              {formError && (
                <p className="form-error" role="alert">
                  {formError}
                </p>
              )}
              <ul className="bulk-chosen">
                {chosen.map((m) => (
                  <li key={m.id} lang={m.titleLang} dir="auto">
                    {m.title}
                  </li>
                ))}
              </ul>
              <StatusFields draft={draft} wiring={wiring} plannedDate={null} keepStatus />
              <div className="dialog__actions">
                <button type="submit" className="button" disabled={save.isPending}>
                  {save.isPending ? tEditor("saving") : results ? t("applyAgain", { count: chosen.length }) : t("apply", { count: chosen.length })}
                </button>
                <button type="button" className="button button--quiet" onClick={close}>
                  {tEditor("cancel")}
                </button>
              </div>
            </form>
          ) : (
            <div className="dialog__actions">
              <button type="button" className="button" onClick={close}>
                {t("close")}
              </button>
            </div>
          )}
        </dialog>
      )}
    </div>
  );
}

/** Each row's result: done, a conflict (who, when, their note) or refused (why). */
function BulkResults({ results, titleOf }: { results: BulkRowOutcome[]; titleOf: (id: number) => SelectableMilestone | undefined }) {
  const t = useTranslations("bulk");
  const tEditor = useTranslations("editor");
  const done = results.filter((row) => row.outcome === "done").length;
  return (
    <div role="status" className="bulk-results" data-testid="bulk-results">
      <p>{t("summary", { done, total: results.length })}</p>
      <ul>
        {results.map((row) => {
          const milestone = titleOf(row.id);
          return (
            <li key={row.id} data-outcome={row.outcome} className={`bulk-result bulk-result--${row.outcome}`}>
              <strong>{t(`outcome.${row.outcome}`)}</strong>{" "}
              <span lang={milestone?.titleLang} dir="auto">
                {milestone?.title ?? `#${row.id}`}
              </span>
              {row.outcome === "conflict" && (
                <div className="muted">
                  <OtherChange lastChange={row.lastChange} />
                  {row.lastChange?.note && (
                    <div>
                      {tEditor("conflictNote")} <q dir="auto">{row.lastChange.note}</q>
                    </div>
                  )}
                  <div>{t("conflictHint")}</div>
                </div>
              )}
              {row.outcome === "refused" && <div className="muted">{row.fieldReason ? tEditor("fieldError", { reason: row.fieldReason }) : row.error}</div>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
