import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { invalidParam } from "@/lib/validation/english-reasons";
import { describeReason } from "@/lib/validation/reasons";
import es from "@/messages/es.json";
import { errorState, fieldOf, type FormText, refusalOfThrown } from "./form-state";

const spanishReasons = createTranslator({ locale: "es", messages: es, namespace: "validation" });
const spanishErrors = createTranslator({ locale: "es", messages: es, namespace: "errors" });
const inSpanish: FormText = {
  reason: (param) => describeReason(spanishReasons, param),
  refusal: (key) => spanishErrors(key),
};

describe("a refused form's state", () => {
  it("gives each field its reason in the page's language, the first per field", () => {
    const refusal = new AppError("unprocessable", "Invalid name, scope", [
      invalidParam("name", "tooLong", { max: 80 }),
      invalidParam("name", "required"),
      { name: "scope", reason: "is not one we know" },
    ]);
    const state = errorState(refusal, { name: "", scope: "" }, inSpanish);
    expect(state.fieldErrors).toEqual({ name: "debe tener como máximo 80 caracteres", scope: "is not one we know" });
    expect(state.error).toBeNull();
  });

  it("a 409 that names a field (a taken slug) is shown next to the field, not as the English message", () => {
    const taken = new AppError("conflict", 'A workstream with the slug "data-cube" already exists.', [invalidParam("slug", "slugTaken")]);
    const state = errorState(taken, { slug: "data-cube" }, inSpanish);
    expect(state).toMatchObject({ status: "error", error: null, fieldErrors: { slug: es.validation.slugTaken } });
  });

  it("a refusal of the whole form is said in the page's language, chosen by the error's code", () => {
    const forbidden = new AppError("forbidden", "API tokens cannot revoke tokens; sign in.");
    expect(errorState(forbidden, null, inSpanish)).toMatchObject({ status: "error", error: es.errors.forbidden, fieldErrors: {} });
    const gone = new AppError("not_found", "No such token.");
    expect(errorState(gone, null, inSpanish).error).toBe(es.errors.notFound);
    const notJson = new AppError("invalid_input", "The request body is not valid JSON.", [{ name: "body", reason: "is not valid JSON" }]);
    expect(errorState(notJson, null, inSpanish)).toMatchObject({ error: es.errors.invalid, fieldErrors: {} });
  });

  it("a change that changes nothing is said as such, not as an invalid form", () => {
    const empty = new AppError("unprocessable", "The change is empty.", [invalidParam("body", "changesNothing")]);
    expect(errorState(empty, null, inSpanish)).toMatchObject({ status: "error", error: es.errors.unchanged, fieldErrors: {} });
  });

  it("a form may name one code's refusal more precisely (the workstream, not the milestone, is gone)", () => {
    const gone = new AppError("not_found", 'No workstream with slug "data-cube".');
    expect(errorState(gone, null, inSpanish, { not_found: "workstreamNotFound" }).error).toBe(es.errors.workstreamNotFound);
    const forbidden = new AppError("forbidden", "You are not assigned to this workstream.");
    expect(errorState(forbidden, null, inSpanish, { not_found: "workstreamNotFound" }).error).toBe(es.errors.forbidden);
  });

  it("a list's items count for the list, while each translation is a field of its own", () => {
    expect(fieldOf("evidence.1")).toBe("evidence");
    expect(fieldOf("workstreamIds.2")).toBe("workstreamIds");
    expect(fieldOf("translations.fr")).toBe("translations.fr");
    expect(fieldOf("translations.ar.name")).toBe("translations.ar.name");
    expect(fieldOf("items.3.version")).toBe("items");
    expect(fieldOf("note")).toBe("note");
    const refusal = new AppError("unprocessable", "Invalid evidence, translations.fr", [
      invalidParam("evidence.1", "documentSymbol"),
      invalidParam("evidence.0", "required"),
      invalidParam("translations.fr", "tooLong", { max: 300 }),
    ]);
    const state = errorState(refusal, null, inSpanish);
    expect(Object.keys(state.fieldErrors)).toEqual(["evidence", "translations.fr"]);
    expect(state.fieldErrors["translations.fr"]).toBe("debe tener como máximo 300 caracteres");
  });

  it("in the browser, an action that could not be sent is unreachable; one that failed on the server is a failure", () => {
    expect(refusalOfThrown(new TypeError("Failed to fetch"))).toBe("unreachable");
    expect(refusalOfThrown(new Error("An error occurred in the Server Components render."))).toBe("failed");
  });

  it("leaves anything that is not an AppError to the error page", () => {
    const crash = new Error("database is locked");
    expect(() => errorState(crash, null, inSpanish)).toThrow(crash);
  });
});
