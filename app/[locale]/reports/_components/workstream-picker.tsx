"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";

/** [slug, name, the name's language], as GET /api/reports/{year}/workstreams answers. */
type Choice = [string, string, string];

export type WorkstreamPickerLabels = {
  summary: string;
  legend: string;
  search: string;
  loading: string;
  failed: string;
  retry: string;
  noMatch: string;
  /** Shown when a search matches more than the list holds; "{count}" is replaced. */
  refine: string;
};

/** The most choices listed at once; a search narrows the rest. */
const LISTED = 100;

/**
 * The workstreams the report is limited to, inside the options form (submitted as `workstream`
 * fields). The choices load when the list is first opened, so a year with a thousand workstreams
 * does not put a thousand checkboxes in every report page; the ticked ones are on the page from
 * the start, and stay in the form while a search hides them.
 */
export function WorkstreamPicker(props: { year: number; lang: string; selected: Choice[]; labels: WorkstreamPickerLabels }) {
  const { year, lang, selected, labels } = props;
  const [opened, setOpened] = useState(false);
  const [search, setSearch] = useState("");
  const [ticked, setTicked] = useState(() => new Set(selected.map(([slug]) => slug)));
  const searchId = useId();
  const details = useRef<HTMLDetailsElement>(null);
  // Opened before the page was interactive: the toggle event came before React listened.
  useEffect(() => {
    if (details.current?.open) setOpened(true);
  }, []);
  const choices = useQuery({
    queryKey: ["report-workstream-choices", year, lang],
    enabled: opened,
    staleTime: 60_000,
    queryFn: async ({ signal }): Promise<Choice[]> => {
      const response = await fetch(`/api/reports/${year}/workstreams?lang=${encodeURIComponent(lang)}`, { signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return ((await response.json()) as { workstreams: Choice[] }).workstreams;
    },
  });

  const all = choices.data ?? selected;
  const matching = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    return needle ? all.filter(([slug, name]) => name.toLocaleLowerCase().includes(needle) || slug.includes(needle)) : all;
  }, [all, search]);
  const listed = matching.slice(0, LISTED);
  const listedSlugs = new Set(listed.map(([slug]) => slug));
  const toggle = (slug: string, on: boolean) =>
    setTicked((before) => {
      const next = new Set(before);
      if (on) next.add(slug);
      else next.delete(slug);
      return next;
    });

  return (
    <details
      ref={details}
      className="report-options__workstreams"
      onToggle={(event) => event.currentTarget.open && setOpened(true)}
      data-testid="workstream-picker"
    >
      <summary>{labels.summary}</summary>
      <fieldset>
        <legend className="visually-hidden">{labels.legend}</legend>
        <div className="filters__field filters__search">
          <label htmlFor={searchId}>{labels.search}</label>
          <input
            id={searchId}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            // Enter narrows the list; it does not send the options form.
            onKeyDown={(event) => event.key === "Enter" && event.preventDefault()}
            autoComplete="off"
            maxLength={200}
          />
        </div>
        {choices.isPending && opened && (
          <p role="status" className="muted">
            {labels.loading}
          </p>
        )}
        {choices.isError && (
          <p role="alert" className="form-error">
            {labels.failed}{" "}
            <button type="button" className="button button--quiet" onClick={() => void choices.refetch()}>
              {labels.retry}
            </button>
          </p>
        )}
        {choices.data && matching.length === 0 && <p className="muted">{labels.noMatch}</p>}
        {listed.map(([slug, name, nameLang]) => (
          <label key={slug} className="check">
            <input type="checkbox" name="workstream" value={slug} checked={ticked.has(slug)} onChange={(event) => toggle(slug, event.target.checked)} />
            <span lang={nameLang === lang ? undefined : nameLang}>{name}</span>
          </label>
        ))}
        {matching.length > LISTED && <p className="muted">{labels.refine.replace("{count}", String(matching.length - LISTED))}</p>}
        {/* Ticked workstreams a search hides are still part of the form. */}
        {[...ticked]
          .filter((slug) => !listedSlugs.has(slug))
          .map((slug) => (
            <input key={slug} type="hidden" name="workstream" value={slug} />
          ))}
      </fieldset>
    </details>
  );
}
