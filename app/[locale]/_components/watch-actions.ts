"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { actorFromSession } from "@/lib/auth/actor";
import { setWatch } from "@/lib/commands/watches";
import { errorState, type FormState, successState } from "../_lib/form-state";
import { getFormText } from "../_lib/form-text";

export type WatchState = FormState<{ watched: boolean }>;

/** Puts the workstream at `slug` on the signed-in user's watch list, or takes it off. */
export async function setWatchFromButton(slug: string, watched: boolean): Promise<WatchState> {
  try {
    const answer = await setWatch(await actorFromSession(await headers()), String(slug), { watched });
    refresh();
    return successState({ watched: answer.watched });
  } catch (error) {
    return errorState(error, { watched: !watched }, await getFormText());
  }
}
