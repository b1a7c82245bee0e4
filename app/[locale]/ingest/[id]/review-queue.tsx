"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import type { ReviewProposal, ReviewQueue as Queue } from "@/lib/queries/ingest";
import { refusalOfThrown } from "../../_lib/form-state";
import { decideOnProposals, type Decision } from "../actions";

/** The paragraph with the proposal's quote marked. */
function Paragraph({ text, quote, lang }: { text: string; quote: string | null; lang: string }) {
  const at = quote ? text.indexOf(quote) : -1;
  if (!quote || at < 0) return <p lang={lang}>{text}</p>;
  return (
    <p lang={lang}>
      {text.slice(0, at)}
      <mark>{quote}</mark>
      {text.slice(at + quote.length)}
    </p>
  );
}

/** Proposals by workstream, each beside its paragraph: accept, edit then accept, reject with a reason, or accept in bulk. */
export function ReviewQueue({ queue }: { queue: Queue }) {
  const t = useTranslations("ingest.review");
  const tStatus = useTranslations("status");
  const tErrors = useTranslations("errors");
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const pending = queue.groups.flatMap((g) => g.proposals).filter((p) => p.state === "pending");

  // The action refreshes the page either way: a refusal may mean someone else decided first.
  const decide = useMutation({
    mutationFn: (body: Decision) => decideOnProposals(queue.document.id, body),
    onSuccess: (answer) => {
      if (answer.status === "success") {
        setSelected(new Set());
        setMessage({ kind: "success", text: t("done", { count: answer.decided }) });
        return;
      }
      const detail =
        answer.error ??
        Object.entries(answer.fieldErrors)
          .map(([field, reason]) => `${field}: ${reason}`)
          .join(" ");
      setMessage({ kind: "error", text: t("failed", { detail }) });
    },
    onError: (error) => setMessage({ kind: "error", text: t("failed", { detail: tErrors(refusalOfThrown(error)) }) }),
  });

  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <div className="review-toolbar">
        <p data-testid="pending-count">{t("pendingCount", { count: pending.length })}</p>
        <label>
          <input
            type="checkbox"
            data-testid="select-all"
            checked={pending.length > 0 && pending.every((p) => selected.has(p.id))}
            onChange={(event) => setSelected(event.target.checked ? new Set(pending.map((p) => p.id)) : new Set())}
          />{" "}
          {t("selectAll")}
        </label>
        <button
          type="button"
          className="button"
          data-testid="accept-selected"
          disabled={selected.size === 0 || decide.isPending}
          onClick={() => decide.mutate({ decision: "accept", ids: [...selected] })}
        >
          {t("acceptSelected", { count: selected.size })}
        </button>
        {message && (
          <p
            role={message.kind === "error" ? "alert" : "status"}
            className={message.kind === "error" ? "form-error" : "form-success"}
            data-testid="review-message"
          >
            {message.text}
          </p>
        )}
      </div>
      {queue.groups.map((group) => (
        <section key={group.key} className="review-group" aria-labelledby={`group-${group.key}`}>
          <h2 id={`group-${group.key}`} lang={group.slug ? undefined : queue.document.lang}>
            {group.key === "none" ? t("unnamed") : group.name}
          </h2>
          {group.proposals.map((item) => (
            <ProposalCard
              key={item.id}
              item={item}
              lang={queue.document.lang}
              paragraphText={item.proposal.paragraph ? queue.paragraphs[item.proposal.paragraph] : undefined}
              selected={selected.has(item.id)}
              onToggle={() => toggle(item.id)}
              busy={decide.isPending}
              onDecide={(body) => decide.mutate(body)}
              statusLabel={(s) => tStatus(s)}
            />
          ))}
        </section>
      ))}
    </>
  );
}

function ProposalCard(props: {
  item: ReviewProposal;
  lang: string;
  paragraphText: string | undefined;
  selected: boolean;
  onToggle: () => void;
  busy: boolean;
  onDecide: (body: Decision) => void;
  statusLabel: (status: (typeof MILESTONE_STATUSES)[number]) => string;
}) {
  const t = useTranslations("ingest.review");
  const { item, lang, paragraphText } = props;
  const p = item.proposal;
  const [mode, setMode] = useState<"view" | "edit" | "reject">("view");
  const [reason, setReason] = useState("");
  const [edits, setEdits] = useState({ titleEn: p.quote ?? "", date: p.date ?? "", status: p.status ?? "planned", nameEn: p.proposedWorkstream?.name ?? "" });
  const pendingItem = item.state === "pending";

  return (
    <article className="proposal" data-testid="proposal" data-kind={p.kind} data-state={item.state} data-paragraph={p.paragraph ?? ""}>
      <div>
        <div className="proposal__meta">
          {pendingItem && <input type="checkbox" aria-label={t("select")} checked={props.selected} onChange={props.onToggle} data-testid="proposal-select" />}
          <span className="badge">{t(`kind.${p.kind}`)}</span>
          <span className={`badge badge--${item.state === "accepted" ? "completed" : item.state === "rejected" ? "cancelled" : "planned"}`}>
            {t(`state.${item.state}`)}
          </span>
          {p.paragraph !== null && (
            <span>
              {t("paragraph", { number: p.paragraph })}
              {p.footnote ? `, ${t("footnote", { number: p.footnote })}` : ""}
            </span>
          )}
          {p.date && (
            <span>
              {t("date")}: {p.date} ({t(`precision.${p.datePrecision ?? "year"}`)})
            </span>
          )}
          {p.kind === "status-change" && p.fromStatus && p.status ? (
            <span>{t("change", { from: props.statusLabel(p.fromStatus), to: props.statusLabel(p.status) })}</span>
          ) : (
            p.status && <span className={`badge badge--${p.status}`}>{props.statusLabel(p.status)}</span>
          )}
          <span className="muted">{t("confidence", { value: p.confidence })}</span>
        </div>
        {p.quote ? (
          <blockquote className="proposal__quote" lang={lang}>
            {p.quote}
          </blockquote>
        ) : p.kind === "silent-commitment" ? (
          <p className="muted">{t("noQuote")}</p>
        ) : (
          p.proposedWorkstream && <p lang={lang}>{p.proposedWorkstream.name}</p>
        )}
        {item.reason && <p className="muted">{t("reasonShown", { reason: item.reason })}</p>}
        {pendingItem && mode === "view" && (
          <div className="proposal__actions">
            <button type="button" className="button" disabled={props.busy} onClick={() => props.onDecide({ decision: "accept", ids: [item.id] })}>
              {t("accept")}
            </button>
            {(p.kind === "milestone" || p.kind === "workstream" || p.kind === "status-change") && (
              <button type="button" className="button button--quiet" onClick={() => setMode("edit")}>
                {t("edit")}
              </button>
            )}
            <button type="button" className="button button--quiet" onClick={() => setMode("reject")}>
              {t("reject")}
            </button>
          </div>
        )}
        {pendingItem && mode === "edit" && (
          <form
            className="proposal__edit"
            onSubmit={(event) => {
              event.preventDefault();
              const body: Record<string, string> =
                p.kind === "workstream"
                  ? { nameEn: edits.nameEn }
                  : p.kind === "status-change"
                    ? { status: edits.status }
                    : { titleEn: edits.titleEn, date: edits.date, status: edits.status };
              props.onDecide({ decision: "accept", ids: [item.id], edits: body });
            }}
          >
            {p.kind === "workstream" ? (
              <label>
                <span>{t("nameEn")}</span>
                <input value={edits.nameEn} onChange={(e) => setEdits({ ...edits, nameEn: e.target.value })} required />
              </label>
            ) : (
              <>
                {p.kind === "milestone" && (
                  <>
                    <label>
                      <span>{t("titleEn")}</span>
                      <input value={edits.titleEn} onChange={(e) => setEdits({ ...edits, titleEn: e.target.value })} required />
                    </label>
                    <label>
                      <span>{t("date")}</span>
                      <input value={edits.date} onChange={(e) => setEdits({ ...edits, date: e.target.value })} required dir="ltr" />
                    </label>
                  </>
                )}
                <label>
                  <span>{t("status")}</span>
                  <select value={edits.status} onChange={(e) => setEdits({ ...edits, status: e.target.value as typeof edits.status })}>
                    {MILESTONE_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {props.statusLabel(s)}
                      </option>
                    ))}
                  </select>
                </label>
              </>
            )}
            <div className="proposal__actions">
              <button type="submit" className="button" disabled={props.busy}>
                {t("acceptEdited")}
              </button>
              <button type="button" className="button button--quiet" onClick={() => setMode("view")}>
                {t("cancel")}
              </button>
            </div>
          </form>
        )}
        {pendingItem && mode === "reject" && (
          <form
            className="proposal__edit"
            onSubmit={(event) => {
              event.preventDefault();
              props.onDecide({ decision: "reject", ids: [item.id], reason });
            }}
          >
            <label>
              <span>{t("rejectReason")}</span>
              <input value={reason} onChange={(e) => setReason(e.target.value)} required />
            </label>
            <div className="proposal__actions">
              <button type="submit" className="button" disabled={props.busy || !reason.trim()}>
                {t("confirmReject")}
              </button>
              <button type="button" className="button button--quiet" onClick={() => setMode("view")}>
                {t("cancel")}
              </button>
            </div>
          </form>
        )}
      </div>
      {paragraphText && (
        <div className="proposal__paragraph" aria-label={t("paragraphText", { number: p.paragraph ?? 0 })}>
          <Paragraph text={paragraphText} quote={p.quote} lang={lang} />
        </div>
      )}
    </article>
  );
}
