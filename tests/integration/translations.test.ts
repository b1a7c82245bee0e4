import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMilestone, PATCH as patchMilestone } from "@/app/api/milestones/[id]/route";
import { PATCH as patchWorkstream } from "@/app/api/workstreams/[slug]/route";
import { POST as postMilestone } from "@/app/api/workstreams/[slug]/milestones/route";
import { getDb } from "@/db";
import { milestones, milestoneTranslations, statusHistory, workstreams, workstreamTranslations } from "@/db/schema";
import { createMilestone, updateMilestone } from "@/lib/commands/milestones";
import { createWorkstream, updateWorkstream } from "@/lib/commands/workstreams";
import { AppError } from "@/lib/errors";
import { invalidateReads } from "@/lib/queries/cache";
import { getMilestoneState } from "@/lib/queries/milestone-state";
import {
  allMilestoneTranslations,
  allWorkstreamTranslations,
  milestoneTitleTranslations,
  milestoneTranslationsOf,
  workstreamTextsIn,
} from "@/lib/queries/translations";
import { setupTestDatabase, spyOnStatements } from "../setup/test-database";
import { makeUser, type TestPrincipal } from "../setup/users";

/** A workstream's current version, which every change sends back. */
const versionOf = async (slug: string) =>
  (await getDb().select({ version: workstreams.version }).from(workstreams).where(eq(workstreams.slug, slug)).limit(1))[0]!.version;

setupTestDatabase();

type Handler = (request: Request, context: never) => Response | Promise<Response>;
async function call(handler: Handler, method: string, url: string, params: Record<string, string>, options: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const request = new Request(`http://localhost${url}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(params) } as never);
  return { status: response.status, body: await response.json(), type: response.headers.get("content-type") };
}
const patch = (id: number, body: unknown, token?: string) =>
  call(patchMilestone as Handler, "PATCH", `/api/milestones/${id}`, { id: String(id) }, { token, body });
const invalidNames = (body: { "invalid-params"?: { name: string }[] }) => (body["invalid-params"] ?? []).map((param) => param.name);

const ASSIGNED = "ai-working-group";
const OTHER = "data-cube";

let viewer: TestPrincipal;
let editorAssigned: TestPrincipal;
let editorNotAssigned: TestPrincipal;
let admin: TestPrincipal;

/** A fresh milestone of the assigned workstream, so no test depends on another's writes. */
async function freshMilestone(title = "Translation test milestone") {
  return await createMilestone(admin.actor, ASSIGNED, { titleEn: title, titleZh: "翻译测试", date: "2023-06" });
}

const historyOf = async (id: number) => await getDb().select().from(statusHistory).where(eq(statusHistory.milestoneId, id)).orderBy(statusHistory.id);
const translationRows = async (id: number) =>
  await getDb().select().from(milestoneTranslations).where(eq(milestoneTranslations.milestoneId, id)).orderBy(milestoneTranslations.locale);
const milestoneRow = async (id: number) => (await getDb().select().from(milestones).where(eq(milestones.id, id)).limit(1))[0]!;
/** Everything a refused write must leave alone. */
const snapshotOf = async (id: number) => ({ milestone: await milestoneRow(id), history: await historyOf(id), translations: await translationRows(id) });

beforeAll(async () => {
  process.env.PUBLIC_READ = "0";
  viewer = await makeUser("viewer");
  editorAssigned = await makeUser("editor", { assignedSlugs: [ASSIGNED] });
  editorNotAssigned = await makeUser("editor", { assignedSlugs: [OTHER] });
  admin = await makeUser("admin");
});

describe("PATCH /api/milestones/{id} with translations", () => {
  it("an assigned editor adds a French title: one history entry records title.fr, the version moves on", async () => {
    const milestone = await freshMilestone();
    const before = (await historyOf(milestone.id)).length;
    const response = await patch(milestone.id, { version: milestone.version, translations: { fr: "  Publication du Data Cube  " } }, editorAssigned.token);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: milestone.version + 1, status: milestone.status, translations: { fr: "Publication du Data Cube" } });

    const history = await historyOf(milestone.id);
    expect(history).toHaveLength(before + 1);
    expect(history.at(-1)).toMatchObject({
      kind: "edited",
      fromStatus: milestone.status,
      toStatus: milestone.status,
      actorUserId: editorAssigned.actor.userId,
      changes: { "title.fr": { from: null, to: "Publication du Data Cube" } },
    });
    expect(await translationRows(milestone.id)).toEqual([
      expect.objectContaining({ locale: "fr", title: "Publication du Data Cube", updatedBy: expect.stringContaining(editorAssigned.email) }),
    ]);
    // The English and Chinese columns are untouched.
    expect(await milestoneRow(milestone.id)).toMatchObject({ titleEn: milestone.titleEn, titleZh: milestone.titleZh });
  });

  it("changes several languages in one write, recording only those that differ", async () => {
    const milestone = await freshMilestone();
    const first = await patch(milestone.id, { version: milestone.version, translations: { fr: "Titre", es: "Título" } }, admin.token);
    expect(first.status).toBe(200);
    const second = await patch(milestone.id, { version: first.body.version, translations: { fr: "Titre", es: "Título nuevo", ru: "Название" } }, admin.token);
    expect(second.status).toBe(200);
    expect((await historyOf(milestone.id)).at(-1)!.changes).toEqual({
      "title.es": { from: "Título", to: "Título nuevo" },
      "title.ru": { from: null, to: "Название" },
    });
    expect(await allMilestoneTranslations(milestone.id)).toEqual({ fr: "Titre", es: "Título nuevo", ru: "Название" });
  });

  it("a translation can ride along with a status change: one entry of kind status with the title change", async () => {
    const milestone = await freshMilestone();
    const response = await patch(milestone.id, { version: milestone.version, status: "in_progress", translations: { ar: "عنوان" } }, admin.token);
    expect(response.status).toBe(200);
    const last = (await historyOf(milestone.id)).at(-1)!;
    expect(last).toMatchObject({ kind: "status", fromStatus: "planned", toStatus: "in_progress", changes: { "title.ar": { from: null, to: "عنوان" } } });
  });

  it("an unchanged translation writes nothing: 422 naming body, same version, no history", async () => {
    const milestone = await freshMilestone();
    const saved = await updateMilestone(admin.actor, milestone.id, { version: milestone.version, translations: { fr: "Même titre" } });
    const before = await snapshotOf(milestone.id);
    const response = await patch(milestone.id, { version: saved.version, translations: { fr: " Même titre " } }, admin.token);
    expect(response.status).toBe(422);
    expect(invalidNames(response.body)).toEqual(["body"]);
    expect(await snapshotOf(milestone.id)).toEqual(before);
  });

  it("an unchanged translation is left out of a change that does something else", async () => {
    const milestone = await freshMilestone();
    const saved = await updateMilestone(admin.actor, milestone.id, { version: milestone.version, translations: { fr: "Même titre" } });
    const response = await patch(milestone.id, { version: saved.version, titleZh: "新标题", translations: { fr: "Même titre" } }, admin.token);
    expect(response.status).toBe(200);
    expect((await historyOf(milestone.id)).at(-1)!.changes).toEqual({ titleZh: { from: "翻译测试", to: "新标题" } });
  });

  it("an empty string removes a translation, recorded as a change to null", async () => {
    const milestone = await freshMilestone();
    const saved = await updateMilestone(admin.actor, milestone.id, { version: milestone.version, translations: { fr: "À retirer", es: "Se queda" } });
    const response = await patch(milestone.id, { version: saved.version, translations: { fr: "" } }, admin.token);
    expect(response.status).toBe(200);
    expect(response.body.translations).toEqual({ es: "Se queda" });
    expect((await translationRows(milestone.id)).map((row) => row.locale)).toEqual(["es"]);
    expect((await historyOf(milestone.id)).at(-1)).toMatchObject({ kind: "edited", changes: { "title.fr": { from: "À retirer", to: null } } });
  });

  it("removing a translation that does not exist changes nothing (422)", async () => {
    const milestone = await freshMilestone();
    const before = await snapshotOf(milestone.id);
    const response = await patch(milestone.id, { version: milestone.version, translations: { ru: "   " } }, admin.token);
    expect(response.status).toBe(422);
    expect(await snapshotOf(milestone.id)).toEqual(before);
  });

  const refused: [string, () => string | undefined, number][] = [
    ["anonymous", () => undefined, 401],
    ["a viewer", () => viewer.token, 403],
    ["an editor not assigned to the workstream", () => editorNotAssigned.token, 403],
    ["an admin's read-only token", () => admin.readToken, 403],
  ];
  for (const [who, token, status] of refused) {
    it(`${who} cannot change a translation (${status}) and nothing changes`, async () => {
      const milestone = await freshMilestone();
      const saved = await updateMilestone(admin.actor, milestone.id, { version: milestone.version, translations: { fr: "Original" } });
      const before = await snapshotOf(milestone.id);
      const response = await patch(milestone.id, { version: saved.version, translations: { fr: "Détourné", es: "Nuevo" } }, token());
      expect(response.status).toBe(status);
      expect(response.type).toContain("application/problem+json");
      expect(await snapshotOf(milestone.id)).toEqual(before);
    });
  }

  it("permission is checked before the input: a viewer sending a bad language still gets 403", async () => {
    const milestone = await freshMilestone();
    const response = await patch(milestone.id, { version: milestone.version, translations: { de: "Titel" } }, viewer.token);
    expect(response.status).toBe(403);
  });

  it("a write based on an old version is refused with 409; the current state carries the translations", async () => {
    const milestone = await freshMilestone();
    const mine = await patch(milestone.id, { version: milestone.version, translations: { es: "Primero" } }, editorAssigned.token);
    expect(mine.status).toBe(200);
    const before = await snapshotOf(milestone.id);
    const stale = await patch(milestone.id, { version: milestone.version, translations: { es: "Segundo", fr: "Deuxième" } }, admin.token);
    expect(stale.status).toBe(409);
    expect(invalidNames(stale.body)).toEqual(["version"]);
    expect(stale.body.current).toMatchObject({ id: milestone.id, version: milestone.version + 1, translations: { es: "Primero" } });
    expect(await snapshotOf(milestone.id)).toEqual(before);
  });

  it.each([
    [{ de: "Titel" }, "translations.de"],
    [{ fr: "x".repeat(301) }, "translations.fr"],
    [{ es: 42 }, "translations.es"],
    [{ en: "English is a column" }, "translations.en"],
    [{ zh: "中文是列" }, "translations.zh"],
    ["Titre", "translations"],
    [["fr", "Titre"], "translations"],
  ])("refuses translations %j with 422 naming %s, changing nothing", async (translations, field) => {
    const milestone = await freshMilestone();
    const before = await snapshotOf(milestone.id);
    const response = await patch(milestone.id, { version: milestone.version, translations }, admin.token);
    expect(response.status).toBe(422);
    expect(invalidNames(response.body)).toContain(field);
    expect(await snapshotOf(milestone.id)).toEqual(before);
  });

  it("accepts exactly 300 characters", async () => {
    const milestone = await freshMilestone();
    const response = await patch(milestone.id, { version: milestone.version, translations: { fr: "é".repeat(300) } }, admin.token);
    expect(response.status).toBe(200);
    expect((await allMilestoneTranslations(milestone.id)).fr).toHaveLength(300);
  });

  it("GET returns the translations with the milestone", async () => {
    const milestone = await freshMilestone();
    await updateMilestone(admin.actor, milestone.id, { version: milestone.version, translations: { ru: "Веха" } });
    const read = await call(getMilestone as Handler, "GET", `/api/milestones/${milestone.id}`, { id: String(milestone.id) }, { token: viewer.readToken });
    expect(read.status).toBe(200);
    expect(read.body.translations).toEqual({ ru: "Веха" });
  });
});

describe("POST /api/workstreams/{slug}/milestones with translations", () => {
  it("stores the translations given at creation and names them in the created entry", async () => {
    const created = await call(
      postMilestone as Handler,
      "POST",
      `/api/workstreams/${ASSIGNED}/milestones`,
      { slug: ASSIGNED },
      {
        token: editorAssigned.token,
        body: { titleEn: "Created with translations", date: "2024", translations: { fr: "Créé avec traductions", es: "" } },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.translations).toEqual({ fr: "Créé avec traductions" });
    expect(await historyOf(created.body.id)).toEqual([
      expect.objectContaining({ kind: "created", changes: { "title.fr": { from: null, to: "Créé avec traductions" } } }),
    ]);
  });

  it("refuses an unknown language at creation with 422, adding nothing", async () => {
    const count = async () => (await getDb().select().from(milestones)).length;
    const before = await count();
    const created = await call(
      postMilestone as Handler,
      "POST",
      `/api/workstreams/${ASSIGNED}/milestones`,
      { slug: ASSIGNED },
      {
        token: admin.token,
        body: { titleEn: "Bad language", date: "2024", translations: { it: "Titolo" } },
      },
    );
    expect(created.status).toBe(422);
    expect(invalidNames(created.body)).toEqual(["translations.it"]);
    expect(await count()).toBe(before);
  });
});

describe("translation loaders", () => {
  let a: number;
  let b: number;
  let c: number;
  beforeAll(async () => {
    a = (await freshMilestone("Loader A")).id;
    b = (await freshMilestone("Loader B")).id;
    c = (await freshMilestone("Loader C")).id;
    await updateMilestone(admin.actor, a, { version: 1, translations: { fr: "A en français", es: "A en español" } });
    await updateMilestone(admin.actor, b, { version: 1, translations: { fr: "B en français" } });
  });

  it("milestoneTitleTranslations gives one language's titles for the ids asked, and nothing for the others", async () => {
    expect(await milestoneTitleTranslations([a, b, c], "fr")).toEqual(
      new Map([
        [a, "A en français"],
        [b, "B en français"],
      ]),
    );
    expect(await milestoneTitleTranslations([b, c], "es")).toEqual(new Map());
    expect(await milestoneTitleTranslations([a, b], "es")).toEqual(new Map([[a, "A en español"]]));
    expect(await milestoneTitleTranslations([], "fr")).toEqual(new Map());
  });

  it("each loader asks the database once for any number of ids, and not at all in English or Chinese", async () => {
    // Earlier tests asked the same: start from an empty read cache so the loaders run.
    invalidateReads("translations");
    const statements = spyOnStatements();
    const parameter = String.raw`(\?|\$\d+)`;
    try {
      await milestoneTitleTranslations([a, b, c], "fr");
      expect(statements.texts()).toHaveLength(1);
      expect(statements.texts()[0]).toMatch(
        new RegExp(String.raw`from "milestone_translations" where .*"milestone_id" in \(${parameter}, ${parameter}, ${parameter}\)`),
      );
      await workstreamTextsIn([1, 2, 3, 4], "ar");
      expect(statements.texts()).toHaveLength(2);
      await milestoneTitleTranslations([a, b, c], "en");
      await workstreamTextsIn([1, 2], "zh");
      expect(statements.texts()).toHaveLength(2);
    } finally {
      statements.restore();
    }
  });

  it("milestoneTitleTranslations is empty in English and Chinese, whose titles are columns", async () => {
    expect((await milestoneTitleTranslations([a, b], "en")).size).toBe(0);
    expect((await milestoneTitleTranslations([a, b], "zh")).size).toBe(0);
  });

  it("allMilestoneTranslations and milestoneTranslationsOf give every language of a milestone", async () => {
    expect(await allMilestoneTranslations(a)).toEqual({ fr: "A en français", es: "A en español" });
    expect(await allMilestoneTranslations(c)).toEqual({});
    expect(await milestoneTranslationsOf([a, c, b])).toEqual(
      new Map([
        [a, { fr: "A en français", es: "A en español" }],
        [b, { fr: "B en français" }],
      ]),
    );
  });

  it("getMilestoneState carries the translations", async () => {
    expect((await getMilestoneState(b))!.translations).toEqual({ fr: "B en français" });
  });

  it("workstreamTextsIn gives names and summaries of one language; empty in English and Chinese", async () => {
    const x = await createWorkstream(admin.actor, {
      slug: "loader-workstream",
      nameEn: "Loader workstream",
      bodyCode: "CEB",
      translations: { fr: { name: "Axe de chargement" }, ru: { name: "Направление", summary: "Резюме" } },
    });
    const y = (await getDb().select().from(workstreams).where(eq(workstreams.slug, ASSIGNED)).limit(1))[0]!;
    expect(await workstreamTextsIn([x.id, y.id], "fr")).toEqual(new Map([[x.id, { name: "Axe de chargement", summary: null }]]));
    expect(await workstreamTextsIn([x.id, y.id], "ru")).toEqual(new Map([[x.id, { name: "Направление", summary: "Резюме" }]]));
    expect((await workstreamTextsIn([x.id], "ar")).size).toBe(0);
    expect((await workstreamTextsIn([x.id], "en")).size).toBe(0);
    expect((await workstreamTextsIn([x.id], "zh")).size).toBe(0);
  });
});

describe("workstream translations (admins)", () => {
  const rowsOf = async (workstreamId: number) =>
    await getDb().select().from(workstreamTranslations).where(eq(workstreamTranslations.workstreamId, workstreamId)).orderBy(workstreamTranslations.locale);

  it("an admin adds, merges and removes names and summaries per language", async () => {
    const created = await createWorkstream(admin.actor, {
      slug: "translated-workstream",
      nameEn: "Translated workstream",
      bodyCode: "HLCP",
      translations: { fr: { name: "Axe traduit", summary: "Résumé" }, es: { name: "", summary: "" } },
    });
    expect(created.translations).toEqual({ fr: { name: "Axe traduit", summary: "Résumé" } });

    // Only the name is sent: the summary stays.
    const renamed = await call(
      patchWorkstream as Handler,
      "PATCH",
      "/api/workstreams/translated-workstream",
      { slug: "translated-workstream" },
      {
        token: admin.token,
        body: { version: await versionOf("translated-workstream"), translations: { fr: { name: "Axe renommé" }, ar: { summary: "ملخص" } } },
      },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.translations).toEqual({ fr: { name: "Axe renommé", summary: "Résumé" }, ar: { name: null, summary: "ملخص" } });

    // Emptying both texts of a language removes its row.
    const emptied = await updateWorkstream(admin.actor, "translated-workstream", {
      version: await versionOf("translated-workstream"),
      translations: { fr: { summary: "" } },
      nameZh: "",
    });
    expect(emptied.translations.fr).toEqual({ name: "Axe renommé", summary: null });
    await updateWorkstream(admin.actor, "translated-workstream", {
      version: await versionOf("translated-workstream"),
      translations: { fr: { name: "" }, ar: { summary: "" } },
    });
    expect(await rowsOf(created.id)).toEqual([]);
    expect(await allWorkstreamTranslations(created.id)).toEqual({});
  });

  it.each([
    [{ de: { name: "Arbeitsstrom" } }, "translations.de"],
    [{ fr: { name: "x".repeat(301) } }, "translations.fr.name"],
    [{ fr: { summary: "x".repeat(5001) } }, "translations.fr.summary"],
    [{ fr: { title: "Titre" } }, "translations.fr"],
    [{ fr: "Nom" }, "translations.fr"],
  ])("refuses %j with 422 naming %s, changing nothing", async (translations, field) => {
    const workstream = (await getDb().select().from(workstreams).where(eq(workstreams.slug, ASSIGNED)).limit(1))[0]!;
    const before = await rowsOf(workstream.id);
    let error: unknown;
    try {
      await updateWorkstream(admin.actor, ASSIGNED, { version: await versionOf(ASSIGNED), translations });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).invalidParams.map((param) => param.name)).toContain(field);
    expect(await rowsOf(workstream.id)).toEqual(before);
    expect((await getDb().select().from(workstreams).where(eq(workstreams.id, workstream.id)).limit(1))[0]).toEqual(workstream);
  });

  for (const who of ["viewer", "editor"] as const) {
    it(`a ${who} cannot change a workstream's translations (403) and nothing is written`, async () => {
      const token = who === "viewer" ? viewer.token : editorAssigned.token;
      const workstream = (await getDb().select().from(workstreams).where(eq(workstreams.slug, ASSIGNED)).limit(1))[0]!;
      const response = await call(
        patchWorkstream as Handler,
        "PATCH",
        `/api/workstreams/${ASSIGNED}`,
        { slug: ASSIGNED },
        {
          token,
          body: { translations: { fr: { name: "Détourné" } } },
        },
      );
      expect(response.status).toBe(403);
      expect(
        (
          await getDb()
            .select()
            .from(workstreamTranslations)
            .where(and(eq(workstreamTranslations.workstreamId, workstream.id), eq(workstreamTranslations.locale, "fr")))
            .limit(1)
        )[0],
      ).toBeUndefined();
    });
  }
});
