import { z } from "zod";
import { isPlainText } from "@/lib/domain/plain-text";
import { reason } from "./reasons";

/**
 * The one rule for stored text: a zod string that refuses control characters, lone surrogates
 * and non-characters with the reason code `controlCharacters` (a 422 naming the field). Every
 * text field of every write schema starts from `plainText()`; notes pass `{ multiline: true }`
 * to keep tabs and line breaks.
 */
export function plainText(options: { multiline?: boolean; error?: string } = {}) {
  return z
    .string(options.error ? { error: options.error } : undefined)
    .refine((value) => isPlainText(value, options), { error: reason("controlCharacters"), abort: true });
}
