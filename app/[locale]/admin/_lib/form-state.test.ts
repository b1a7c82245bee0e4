import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { invalidParam } from "@/lib/validation/english-reasons";
import { describeReason } from "@/lib/validation/reasons";
import es from "@/messages/es.json";
import { errorState, type FormText } from "./form-state";

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
    const bodyOnly = new AppError("unprocessable", "The change is empty.", [invalidParam("body", "changesNothing")]);
    expect(errorState(bodyOnly, null, inSpanish)).toMatchObject({ error: es.errors.invalid, fieldErrors: {} });
  });

  it("leaves anything that is not an AppError to the error page", () => {
    const crash = new Error("database is locked");
    expect(() => errorState(crash, null, inSpanish)).toThrow(crash);
  });
});
