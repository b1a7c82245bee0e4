"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { actorFromSession } from "@/lib/auth/actor";
import { bulkUpdateMilestones, createMilestone, removeMilestone, updateMilestone } from "@/lib/commands/milestones";
import { parseId } from "@/lib/http/request";
import { getFormText } from "../../_lib/form-text";
import { bulkDone, bulkRefused, type BulkWriteState, milestoneRefused, milestoneSaved, type MilestoneWriteState } from "./milestone-outcome";

// The milestone forms' writes: each resolves who is asking from the session and calls the same
// command as the REST route, answering refusals as data (./milestone-outcome.ts). An action is
// a public endpoint: its arguments are read as strictly as the route's path.

/** The editor's change (`changeBody`): only what differs, with the version it was based on. */
export async function saveMilestoneChange(id: number, change: unknown): Promise<MilestoneWriteState> {
  try {
    const saved = await updateMilestone(await actorFromSession(await headers()), parseId(String(id)), change);
    refresh();
    return milestoneSaved(saved);
  } catch (error) {
    return milestoneRefused(error, await getFormText());
  }
}

/** Removes a milestone from every view, if `version` is still the current one. */
export async function removeMilestoneFromEditor(id: number, version: number): Promise<MilestoneWriteState> {
  try {
    const removed = await removeMilestone(await actorFromSession(await headers()), parseId(String(id)), { version });
    refresh();
    return milestoneSaved(removed);
  } catch (error) {
    return milestoneRefused(error, await getFormText());
  }
}

/** A new milestone of the workstream at `slug`; a missing workstream was renamed since the page loaded. */
export async function addMilestone(slug: string, input: unknown): Promise<MilestoneWriteState> {
  try {
    const created = await createMilestone(await actorFromSession(await headers()), String(slug), input);
    refresh();
    return milestoneSaved(created);
  } catch (error) {
    return milestoneRefused(error, await getFormText(), { not_found: "workstreamNotFound" });
  }
}

/** One change to the selected milestones: each row's outcome, or the refusal of the shared change. */
export async function updateSelectedMilestones(input: unknown): Promise<BulkWriteState> {
  try {
    const result = await bulkUpdateMilestones(await actorFromSession(await headers()), input);
    if (result.done) refresh();
    return bulkDone(result, await getFormText());
  } catch (error) {
    return bulkRefused(error, await getFormText());
  }
}
