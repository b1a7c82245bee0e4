"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Link } from "@/i18n/navigation";
import { apiFetch } from "@/lib/client/api";
import type { MilestoneState } from "@/lib/queries/milestone-state";
import type { CompactBar, TimelineLane } from "@/lib/queries/timeline";
import { MilestoneEditor } from "../../workstreams/[slug]/milestone-editor";

type Props = {
  bar: CompactBar;
  lane: TimelineLane;
  statuses: readonly string[];
  canEdit: boolean;
  describe: (bar: CompactBar) => string;
  onClose: () => void;
};

/**
 * The milestone behind a bar, without leaving the roadmap: what the bar says in words, a link to
 * it on its workstream page, and for editors the same editor as on that page. A saved change
 * refetches the roadmap's bars, so its new status segment appears.
 */
export function MilestonePeek({ bar, lane, canEdit, describe, onClose }: Props) {
  const t = useTranslations("timeline");
  const client = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { data: state } = useQuery({
    queryKey: ["milestone", bar[0]],
    queryFn: () => apiFetch<MilestoneState>(`/api/milestones/${bar[0]}`, { method: "GET" }),
    staleTime: 0,
  });
  const firstVersion = useRef<number | null>(null);
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (!state) return;
    if (firstVersion.current === null) firstVersion.current = state.version;
    else if (state.version !== firstVersion.current) {
      firstVersion.current = state.version;
      void client.invalidateQueries({ queryKey: ["timeline"] });
    }
  }, [state, client]);

  return (
    <aside
      className="roadmap__peek"
      aria-labelledby="roadmap-peek-title"
      data-testid="milestone-peek"
      onKeyDown={(event) => event.key === "Escape" && onClose()}
    >
      <h2 id="roadmap-peek-title" tabIndex={-1} ref={headingRef} dir="auto">
        {bar[8]}
      </h2>
      <p className="muted">{describe(bar)}</p>
      <p>
        <Link href={`/workstreams/${lane.slug}?milestone=${bar[0]}#milestone-${bar[0]}`}>{t("openOnWorkstream", { workstream: lane.name })}</Link>
      </p>
      {state && <MilestoneEditor key={state.version} initial={state} canEdit={canEdit} openOnLoad={false} overdue={Boolean(bar[7] & 1)} />}
      <button type="button" className="button button--small button--secondary" onClick={onClose}>
        {t("closePeek")}
      </button>
    </aside>
  );
}
