"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { actorFromSession } from "@/lib/auth/actor";
import { decideProposals, ingestDocument } from "@/lib/commands/ingest";
import { parseId, uploadedFile } from "@/lib/http/request";
import { errorState, type FormState, successState } from "../_lib/form-state";
import { getFormText } from "../_lib/form-text";

/** What the upload form shows again after a refusal (the file input cannot be refilled). */
export type UploadValues = { symbol: string; lang: string; year: string };
export type UploadState = FormState<UploadValues>;

/** Reads an uploaded report into proposals, then opens its review queue. */
export async function uploadReport(_previous: UploadState, form: FormData): Promise<UploadState> {
  const values: UploadValues = { symbol: String(form.get("symbol") ?? ""), lang: String(form.get("lang") ?? ""), year: String(form.get("year") ?? "") };
  let documentId: number;
  try {
    const actor = await actorFromSession(await headers());
    ({ documentId } = await ingestDocument(actor, await uploadedFile(form.get("file")), values));
  } catch (error) {
    return errorState(error, values, await getFormText());
  }
  return redirect({ href: `/ingest/${documentId}`, locale: await getLocale() });
}

export type Decision = { decision: "accept"; ids: number[]; edits?: Record<string, string> } | { decision: "reject"; ids: number[]; reason: string };
export type DecisionState = FormState<null> & { decided: number };

/** Accepts (one possibly edited) or rejects (with a reason) proposals of a read report. */
export async function decideOnProposals(documentId: number, decision: Decision): Promise<DecisionState> {
  try {
    const { decided } = await decideProposals(await actorFromSession(await headers()), parseId(String(documentId)), decision);
    refresh();
    return { ...successState(null), decided: decided.length };
  } catch (error) {
    // The queue may have moved on (someone else decided): show it as it is now.
    refresh();
    return { ...errorState(error, null, await getFormText()), decided: 0 };
  }
}
