/**
 * What the milestone forms' server actions answer (ADR 013): the command's real refusals, put
 * into form state by the same mapping the actions use, in the page's language. The actions
 * themselves only add the session's actor and `refresh()`.
 */
import { createTranslator } from "use-intl/core";
import { beforeAll, describe, expect, it } from "vitest";
import { statusHistory } from "@/db/schema";
import type { FormText } from "@/app/[locale]/_lib/form-state";
import { bulkDone, bulkRefused, milestoneRefused, milestoneSaved } from "@/app/[locale]/workstreams/[slug]/milestone-outcome";
import { bulkUpdateMilestones, createMilestone, removeMilestone, updateMilestone } from "@/lib/commands/milestones";
import { describeReason } from "@/lib/validation/reasons";
import fr from "@/messages/fr.json";
import { countRows, setupTestDatabase } from "../setup/test-database";
import { makeUser, type TestPrincipal } from "../setup/users";

setupTestDatabase();

const reasons = createTranslator({ locale: "fr", messages: fr, namespace: "validation" });
const refusals = createTranslator({ locale: "fr", messages: fr, namespace: "errors" });
const inFrench: FormText = { reason: (param) => describeReason(reasons, param), refusal: (key) => refusals(key) };

/** Runs a command as an action does: its result, or its refusal as form state. */
async function attempt(write: () => Promise<Parameters<typeof milestoneSaved>[0]>, refusalFor?: Parameters<typeof milestoneRefused>[2]) {
  try {
    return milestoneSaved(await write());
  } catch (error) {
    return milestoneRefused(error, inFrench, refusalFor);
  }
}

let made = 0;
/** A new planned milestone of the workstream, so each test starts from a known record. */
const freshMilestoneOf = (slug: string) => createMilestone(editor.actor, slug, { titleEn: `Target ${++made}`, date: "2024-05" });

let editor: TestPrincipal;
let viewer: TestPrincipal;
let outsider: TestPrincipal;

beforeAll(async () => {
  editor = await makeUser("editor", { allWorkstreams: true, email: "lea.martin@example.org" });
  viewer = await makeUser("viewer");
  outsider = await makeUser("editor", { assignedSlugs: ["data-cube"] });
});

describe("a milestone change from the editor", () => {
  it("saved: the new record, no error", async () => {
    const target = await freshMilestoneOf("ai-working-group");
    const state = await attempt(() => updateMilestone(editor.actor, target.id, { version: target.version, status: "delayed", note: "Waiting for HLCP" }));
    expect(state).toMatchObject({ status: "success", error: null, fieldErrors: {}, conflict: null, editAgain: false });
    expect(state.saved).toMatchObject({ id: target.id, status: "delayed", version: target.version + 1 });
  });

  it("an out-of-date version: the conflict screen's data (the current record and who changed it), and nothing written", async () => {
    const target = await freshMilestoneOf("ai-working-group");
    await updateMilestone(editor.actor, target.id, { version: target.version, note: "A first change" });
    const before = await countRows(statusHistory);
    const state = await attempt(() => updateMilestone(editor.actor, target.id, { version: target.version, status: "at_risk", note: "Mine" }));
    expect(state).toMatchObject({ status: "error", saved: null, editAgain: false, fieldErrors: {}, error: fr.errors.conflict });
    expect(state.conflict?.current).toMatchObject({ id: target.id, version: target.version + 1 });
    expect(state.conflict?.lastChange).toMatchObject({ note: "A first change" });
    expect(await countRows(statusHistory)).toBe(before);
  });

  it("refused fields: each reason next to its field (a translation on its own), and the editor opens again", async () => {
    const target = await freshMilestoneOf("ai-working-group");
    const state = await attempt(() =>
      updateMilestone(editor.actor, target.id, { version: target.version, status: "delayed", translations: { fr: "x".repeat(301) } }),
    );
    expect(state.editAgain).toBe(true);
    expect(state.error).toBeNull();
    expect(Object.keys(state.fieldErrors).sort()).toEqual(["note", "translations.fr"]);
    expect(state.fieldErrors.note).toBe(describeReason(reasons, { code: "noteRequired" }));
  });

  it("a change that changes nothing: said so, and the editor opens again", async () => {
    const target = await freshMilestoneOf("ai-working-group");
    const state = await attempt(() => updateMilestone(editor.actor, target.id, { version: target.version, status: target.status }));
    expect(state).toMatchObject({ status: "error", error: fr.errors.unchanged, fieldErrors: {}, editAgain: true, conflict: null });
  });

  it("a viewer, or an editor of other workstreams, is refused as a whole; nothing to correct in the draft", async () => {
    const target = await freshMilestoneOf("ai-working-group");
    const asViewer = await attempt(() => updateMilestone(viewer.actor, target.id, { version: target.version, note: "Viewer" }));
    expect(asViewer).toMatchObject({ error: fr.errors.forbidden, editAgain: false, saved: null });
    const notAssigned = await attempt(() => updateMilestone(outsider.actor, target.id, { version: target.version, note: "Outsider" }));
    expect(notAssigned).toMatchObject({ error: fr.errors.forbidden, editAgain: false });
    const signedOut = await attempt(() => updateMilestone(null, target.id, { version: target.version, note: "Nobody" }));
    expect(signedOut.error).toBe(fr.errors.signedOut);
  });
});

describe("adding and removing", () => {
  it("a missing workstream is said as such (renamed since the page loaded), not as a missing milestone", async () => {
    const state = await attempt(() => createMilestone(editor.actor, "no-such-workstream", { titleEn: "New", date: "2024" }), {
      not_found: "workstreamNotFound",
    });
    expect(state.error).toBe(fr.errors.workstreamNotFound);
  });

  it("a removal with an old version is a conflict, said about the whole form", async () => {
    const created = await createMilestone(editor.actor, "data-cube", { titleEn: "To remove", date: "2024-05" });
    await updateMilestone(editor.actor, created.id, { version: created.version, note: "Meanwhile" });
    const state = await attempt(() => removeMilestone(editor.actor, created.id, { version: created.version }));
    expect(state).toMatchObject({ error: fr.errors.conflict, saved: null });
    expect(state.conflict?.current.version).toBe(created.version + 1);
  });
});

describe("a bulk update", () => {
  it("lists each row: done, a conflict with the current record, or refused with its reason in the page's language", async () => {
    const done = await freshMilestoneOf("ai-working-group");
    const stale = await freshMilestoneOf("data-cube");
    await updateMilestone(editor.actor, stale.id, { version: stale.version, note: "Meanwhile" });
    const result = await bulkUpdateMilestones(outsider.actor, {
      items: [
        { id: stale.id, version: stale.version },
        { id: done.id, version: done.version },
      ],
      note: "Checked in bulk",
    });
    const state = bulkDone(result, inFrench);
    expect(state.status).toBe("success");
    expect(state.rows).toEqual([
      expect.objectContaining({ id: stale.id, outcome: "conflict", current: expect.objectContaining({ version: stale.version + 1 }) }),
      { id: done.id, outcome: "refused", fieldReason: null, error: fr.errors.forbidden },
    ]);
  });

  it("a shared change that is wrong refuses the whole form before any row, next to its field", async () => {
    const target = await freshMilestoneOf("ai-working-group");
    let state;
    try {
      await bulkUpdateMilestones(editor.actor, { items: [{ id: target.id, version: target.version }], status: "delayed" });
      expect.unreachable("a delay without a note is refused");
    } catch (error) {
      state = bulkRefused(error, inFrench);
    }
    expect(state).toMatchObject({ status: "error", rows: null, error: null });
    expect(state?.fieldErrors.note).toBe(describeReason(reasons, { code: "noteRequired" }));
  });
});
