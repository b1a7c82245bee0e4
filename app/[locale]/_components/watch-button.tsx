"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { refusalOfThrown } from "../_lib/form-state";
import { setWatchFromButton } from "./watch-actions";

/** Puts a workstream on the user's watch list (shown first on their overview), or takes it off. */
export function WatchButton({ slug, name, watched }: { slug: string; name: string; watched: boolean }) {
  const t = useTranslations("card");
  const tErrors = useTranslations("errors");
  const [optimistic, setOptimistic] = useState(watched);
  const [error, setError] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: (next: boolean) => setWatchFromButton(slug, next),
    onMutate: (next) => {
      setOptimistic(next);
      setError(null);
    },
    onSuccess: (answer) => {
      if (answer.status === "success") return;
      setOptimistic(watched);
      setError(answer.error ?? tErrors("failed"));
    },
    onError: (failure) => {
      setOptimistic(watched);
      setError(tErrors(refusalOfThrown(failure)));
    },
  });
  return (
    <span className="watch">
      <button
        type="button"
        className="watch__button"
        aria-pressed={optimistic}
        aria-label={t("watchLabel", { name })}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate(!optimistic)}
        data-testid="watch-button"
      >
        <span aria-hidden="true">{optimistic ? "★" : "☆"}</span> {optimistic ? t("watching") : t("watch")}
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </span>
  );
}
