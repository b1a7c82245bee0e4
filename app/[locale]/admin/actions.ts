"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { actorFromSession } from "@/lib/auth/actor";
import { createUserAsAdmin } from "@/lib/commands/users";
import { errorState, type FormState, successState } from "../_lib/form-state";
import { getFormText } from "../_lib/form-text";

/** What the form shows again after a refusal; never the password. */
export type NewUserValues = { email: string; name: string; role: string; allWorkstreams: boolean };
export type CreateUserState = FormState<NewUserValues> & { created: { id: string; email: string } | null };

export async function createUserFromForm(_previous: CreateUserState, form: FormData): Promise<CreateUserState> {
  const values: NewUserValues = {
    email: String(form.get("email") ?? ""),
    name: String(form.get("name") ?? ""),
    role: String(form.get("role") ?? ""),
    allWorkstreams: form.get("allWorkstreams") === "on",
  };
  try {
    const actor = await actorFromSession(await headers());
    const input = { ...values, name: values.name.trim() || undefined, password: String(form.get("password") ?? "") };
    const created = await createUserAsAdmin(actor, input);
    refresh();
    return { ...successState({ email: "", name: "", role: values.role, allWorkstreams: false }), created: { id: created.id, email: created.email } };
  } catch (error) {
    return { ...errorState(error, values, await getFormText()), created: null };
  }
}
