"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { TRANSLATION_LOCALES } from "@/i18n/locales";
import { actorFromSession } from "@/lib/auth/actor";
import { createWorkstream, updateWorkstream } from "@/lib/commands/workstreams";
import { errorState, type FormState, successState } from "../../_lib/form-state";
import { getFormText } from "../../_lib/form-text";
import { translationFieldName, type TranslationFormValues, translationsInput } from "./translation-fields";

/**
 * The form's fields as typed: leads and paragraphs are comma-separated, as the schema accepts
 * them; translated names and summaries are one field per language and part (`translations.fr.name`).
 */
export type WorkstreamFormValues = {
  slug: string;
  nameEn: string;
  nameZh: string;
  bodyCode: string;
  leads: string;
  summaryEn: string;
  summaryZh: string;
  paragraphs: string;
} & TranslationFormValues;
export type WorkstreamFormState = FormState<WorkstreamFormValues | null> & { saved: { slug: string; nameEn: string } | null };

function valuesOf(form: FormData): WorkstreamFormValues {
  const value = (name: keyof WorkstreamFormValues) => String(form.get(name) ?? "");
  const translated = {} as TranslationFormValues;
  for (const locale of TRANSLATION_LOCALES) {
    for (const part of ["name", "summary"] as const) translated[translationFieldName(locale, part)] = value(translationFieldName(locale, part));
  }
  return {
    ...translated,
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

/** The command's input: the form's own fields, with the translations nested by language. */
function inputOf(values: WorkstreamFormValues) {
  const { slug, nameEn, nameZh, bodyCode, leads, summaryEn, summaryZh, paragraphs } = values;
  return { slug, nameEn, nameZh, bodyCode, leads, summaryEn, summaryZh, paragraphs, translations: translationsInput(values) };
}

/** Form state for a refusal; each translation input keeps its own error (`translations.fr.name`, see `fieldOf`). */
async function refusal(error: unknown, values: WorkstreamFormValues): Promise<WorkstreamFormState> {
  return { ...errorState(error, values, await getFormText()), saved: null };
}

export async function createWorkstreamFromForm(_previous: WorkstreamFormState, form: FormData): Promise<WorkstreamFormState> {
  const values = valuesOf(form);
  try {
    const created = await createWorkstream(await actorFromSession(await headers()), inputOf(values));
    refresh();
    return { ...successState(null), saved: { slug: created.slug, nameEn: created.nameEn } };
  } catch (error) {
    return refusal(error, values);
  }
}

/** `version` is the one the page showed: a change made meanwhile by someone else is a conflict. */
export async function updateWorkstreamFromForm(slug: string, version: number, _previous: WorkstreamFormState, form: FormData): Promise<WorkstreamFormState> {
  const values = valuesOf(form);
  let saved;
  try {
    saved = await updateWorkstream(await actorFromSession(await headers()), slug, { version, ...inputOf(values) });
  } catch (error) {
    return refusal(error, values);
  }
  // A new slug is a new address: continue on the page that has it.
  if (saved.slug !== slug) redirect({ href: `/admin/workstreams/${saved.slug}?renamed=1`, locale: await getLocale() });
  refresh();
  return { ...successState(null), saved: { slug: saved.slug, nameEn: saved.nameEn } };
}
