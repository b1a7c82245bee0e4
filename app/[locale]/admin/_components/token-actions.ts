"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { actorFromSession } from "@/lib/auth/actor";
import { createApiToken, revokeApiToken } from "@/lib/commands/users";
import { errorState, type FormState, successState } from "../../_lib/form-state";
import { getFormText } from "../../_lib/form-text";

export type NewTokenValues = { name: string; scope: string };
/** `token` is the new token itself: in this answer only, never stored or shown again. */
export type CreateTokenState = FormState<NewTokenValues> & { created: { token: string; name: string } | null };
export type RevokeTokenState = FormState<null>;

export async function createToken(ownerId: string, _previous: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const values = { name: String(form.get("name") ?? ""), scope: String(form.get("scope") ?? "") };
  try {
    const actor = await actorFromSession(await headers());
    const { token } = await createApiToken(actor, ownerId, values);
    refresh();
    return { ...successState({ name: "", scope: values.scope }), created: { token, name: values.name.trim() } };
  } catch (error) {
    return { ...errorState(error, values, await getFormText()), created: null };
  }
}

export async function revokeToken(tokenId: number, _previous: RevokeTokenState, _form: FormData): Promise<RevokeTokenState> {
  try {
    await revokeApiToken(await actorFromSession(await headers()), tokenId);
    refresh();
    return successState(null);
  } catch (error) {
    return errorState(error, null, await getFormText());
  }
}
