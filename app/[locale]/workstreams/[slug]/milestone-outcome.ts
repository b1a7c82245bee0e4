import type { BulkResult } from "@/lib/commands/milestones";
import { AppError, type AppErrorCode, STATUS_BY_CODE } from "@/lib/errors";
import type { LastChange, MilestoneState } from "@/lib/queries/milestone-state";
import { errorState, type FormState, type FormText, type RefusalKey, successState } from "../../_lib/form-state";

// What the milestone actions answer the browser, as data: kept apart from the actions ("use
// server" files export only actions) so the mapping can be tested without a request.

/** Someone else's change that a write's version missed: the record as it is now, and who changed it. */
export type MilestoneConflict = { current: MilestoneState; lastChange: LastChange | null };

/**
 * A milestone write's answer: the saved record, or the refusal (field errors, a whole-form
 * error) with, for a version conflict, the current record for the conflict screen. `editAgain`
 * says the draft itself needs correcting (refused fields, or nothing to save), so the editor
 * opens again rather than only rolling back.
 */
export type MilestoneWriteState = FormState<null> & { saved: MilestoneState | null; conflict: MilestoneConflict | null; editAgain: boolean };

export function milestoneSaved(saved: MilestoneState): MilestoneWriteState {
  return { ...successState(null), saved, conflict: null, editAgain: false };
}

export function milestoneRefused(error: unknown, text: FormText, refusalFor: Partial<Record<AppErrorCode, RefusalKey>> = {}): MilestoneWriteState {
  const state = errorState(error, null, text, refusalFor);
  const refusal = error as AppError;
  const current = refusal.code === "conflict" ? (refusal.extra.current as MilestoneState | undefined) : undefined;
  const conflict = current ? { current, lastChange: (refusal.extra.lastChange as LastChange | null | undefined) ?? null } : null;
  const unchanged = refusal.invalidParams.some((param) => param.code === "changesNothing");
  return { ...state, saved: null, conflict, editAgain: !conflict && (unchanged || Object.keys(state.fieldErrors).length > 0) };
}

/** One row of a bulk update as the form lists it; a refused row says why in the page's language. */
export type BulkRowOutcome =
  | { id: number; outcome: "done"; milestone: MilestoneState }
  | { id: number; outcome: "conflict"; current: MilestoneState; lastChange: LastChange | null }
  /** `fieldReason`: the refused field's reason; else `error` says why the row as a whole was refused. */
  | { id: number; outcome: "refused"; fieldReason: string | null; error: string | null };

export type BulkWriteState = FormState<null> & { rows: BulkRowOutcome[] | null; done: number };

/** The code of a refused row, from the status the command gives it (the REST answer's status). */
const codeOfStatus = (status: number): AppErrorCode =>
  (Object.entries(STATUS_BY_CODE).find(([, value]) => value === status)?.[0] as AppErrorCode | undefined) ?? "unprocessable";

/**
 * A bulk update's rows, each refusal put into words the way a single milestone's would be: its
 * first refused field's reason, else the refusal of the row as a whole.
 */
export function bulkDone(result: BulkResult, text: FormText): BulkWriteState {
  const rows = result.results.map((row): BulkRowOutcome => {
    if (row.outcome !== "refused") return row;
    const refusal = errorState(new AppError(codeOfStatus(row.status), row.detail, row.invalidParams), null, text);
    return { id: row.id, outcome: "refused", fieldReason: Object.values(refusal.fieldErrors)[0] ?? null, error: refusal.error };
  });
  return { ...successState(null), rows, done: result.done };
}

export function bulkRefused(error: unknown, text: FormText): BulkWriteState {
  return { ...errorState(error, null, text), rows: null, done: 0 };
}
