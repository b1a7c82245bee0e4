import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { invalidParam } from "@/lib/validation/english-reasons";
import { describeReason } from "@/lib/validation/reasons";
import es from "@/messages/es.json";
import { errorState } from "./form-state";

const spanish = createTranslator({ locale: "es", messages: es, namespace: "validation" });
const inSpanish = (param: Parameters<typeof describeReason>[1]) => describeReason(spanish, param);

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
});
