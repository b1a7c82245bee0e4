import { createTranslator } from "use-intl/core";
import type { z } from "zod";
import type { InvalidParam } from "@/lib/errors";
import en from "@/messages/en.json";
import { decodeReason, type ReasonArgs, type ReasonCode, type ReasonValues } from "./reasons";
import { issueName } from "./zod-errors";

const english = createTranslator({
  locale: "en",
  // Plain strings: `values` are typed by REASON_ARGUMENTS, as JSON imports carry no ICU types.
  messages: { validation: en.validation as Record<ReasonCode, string> },
  namespace: "validation",
});

/** A reason's English text, exactly as the API answers it: `englishReason("tooLong", { max: 2000 })` → "must be at most 2,000 characters". */
export function englishReason(code: ReasonCode, values?: ReasonValues): string {
  return english(code, values);
}

/** An InvalidParam for a reason with a code, e.g. a command's own check: `invalidParam("email", "emailInUse")`. */
export function invalidParam<C extends ReasonCode>(name: string, code: C, ...args: ReasonArgs<C>): InvalidParam {
  const values = args[0] as ReasonValues | undefined;
  return values ? { name, reason: englishReason(code, values), code, values } : { name, reason: englishReason(code), code };
}

/** A zod issue's message as an InvalidParam's reason: decoded when made by `reason()`, else as it is. */
export function reasonFromMessage(message: string): Pick<InvalidParam, "reason" | "code" | "values"> {
  const decoded = decodeReason(message);
  if (!decoded) return { reason: message };
  return decoded.values
    ? { reason: englishReason(decoded.code, decoded.values), code: decoded.code, values: decoded.values }
    : { reason: englishReason(decoded.code), code: decoded.code };
}

/**
 * Field paths and English reasons of a failed parse, as the API answers them, e.g.
 * `evidence.1: is not a valid web address`; a reason made with `reason()` keeps its code and values.
 */
export function invalidParamsOf(error: z.ZodError): InvalidParam[] {
  return error.issues.map((issue) => ({ name: issueName(issue), ...reasonFromMessage(issue.message) }));
}
