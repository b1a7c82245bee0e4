"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { actorFromSession } from "@/lib/auth/actor";
import { createWorkstream, updateWorkstream } from "@/lib/commands/workstreams";
import { errorState, type FormState, successState } from "../_lib/form-state";

/** The form's fields as typed: leads and paragraphs are comma-separated, as the schema accepts them. */
export type WorkstreamFormValues = {
  slug: string;
  nameEn: string;
  nameZh: string;
  bodyCode: string;
  leads: string;
  summaryEn: string;
  summaryZh: string;
  paragraphs: string;
};
export type WorkstreamFormState = FormState<WorkstreamFormValues | null> & { saved: { slug: string; nameEn: string } | null };

function valuesOf(form: FormData): WorkstreamFormValues {
  const value = (name: keyof WorkstreamFormValues) => String(form.get(name) ?? "");
  return {
    slug: value("slug"),
    nameEn: value("nameEn"),
    nameZh: value("nameZh"),
    bodyCode: value("bodyCode"),
    leads: value("leads"),
    summaryEn: value("summaryEn"),
    summaryZh: value("summaryZh"),
    paragraphs: value("paragraphs"),
  };
}

export async function createWorkstreamFromForm(_previous: WorkstreamFormState, form: FormData): Promise<WorkstreamFormState> {
  const values = valuesOf(form);
  try {
    const created = createWorkstream(await actorFromSession(await headers()), values);
    refresh();
    return { ...successState(null), saved: { slug: created.slug, nameEn: created.nameEn } };
  } catch (error) {
    return { ...errorState(error, values), saved: null };
  }
}

export async function updateWorkstreamFromForm(slug: string, _previous: WorkstreamFormState, form: FormData): Promise<WorkstreamFormState> {
  const values = valuesOf(form);
  let saved;
  try {
    saved = updateWorkstream(await actorFromSession(await headers()), slug, values);
  } catch (error) {
    return { ...errorState(error, values), saved: null };
  }
  // A new slug is a new address: continue on the page that has it.
  if (saved.slug !== slug) redirect({ href: `/admin/workstreams/${saved.slug}?renamed=1`, locale: await getLocale() });
  refresh();
  return { ...successState(null), saved: { slug: saved.slug, nameEn: saved.nameEn } };
}
