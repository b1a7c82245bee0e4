"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { apiFetch } from "@/lib/client/api";

/** Puts a workstream on the user's watch list (shown first on their overview), or takes it off. */
export function WatchButton({ slug, name, watched }: { slug: string; name: string; watched: boolean }) {
  const t = useTranslations("card");
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const [optimistic, setOptimistic] = useState(watched);
  const toggle = useMutation({
    mutationFn: (next: boolean) => apiFetch<{ watched: boolean }>(`/api/workstreams/${slug}/watch`, { method: "PUT", body: { watched: next } }),
    onMutate: (next) => setOptimistic(next),
    onError: () => setOptimistic(watched),
    onSuccess: () => startTransition(() => router.refresh()),
  });
  return (
    <span className="watch">
      <button
        type="button"
        className="watch__button"
        aria-pressed={optimistic}
        aria-label={t("watchLabel", { name })}
        disabled={toggle.isPending || refreshing}
        onClick={() => toggle.mutate(!optimistic)}
        data-testid="watch-button"
      >
        <span aria-hidden="true">{optimistic ? "★" : "☆"}</span> {optimistic ? t("watching") : t("watch")}
      </button>
      {toggle.isError && (
        <span role="alert" className="field-error">
          {t("watchFailed")}
        </span>
      )}
    </span>
  );
}
