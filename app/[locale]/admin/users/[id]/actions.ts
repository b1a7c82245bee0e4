"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { actorFromSession } from "@/lib/auth/actor";
import { setUserAccess } from "@/lib/commands/users";
import { errorState, type FormState, successState } from "../../../_lib/form-state";
import { getFormText } from "../../../_lib/form-text";

export type AccessValues = { role: string; allWorkstreams: boolean; workstreamIds: number[] };
export type AccessState = FormState<AccessValues | null>;

export async function saveUserAccess(userId: string, _previous: AccessState, form: FormData): Promise<AccessState> {
  const values: AccessValues = {
    role: String(form.get("role") ?? ""),
    allWorkstreams: form.get("allWorkstreams") === "on",
    // Ids as the form writes them (digits only); anything else is NaN, which the schema refuses.
    workstreamIds: form.getAll("workstreamIds").map((id) => (typeof id === "string" && /^[1-9]\d{0,14}$/.test(id) ? Number(id) : Number.NaN)),
  };
  try {
    await setUserAccess(await actorFromSession(await headers()), userId, values);
    refresh();
    return successState(values);
  } catch (error) {
    return errorState(error, values, await getFormText());
  }
}
