import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * The JSON body of a request, or a 400 that says it is not JSON; with `maxBytes`, a 413 for a
 * larger body (checked on the declared length first, then on what arrived).
 */
export async function readJson(request: Request, maxBytes?: number): Promise<unknown> {
  const tooLarge = () =>
    new AppError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`, [{ name: "body", reason: `must be at most ${maxBytes} bytes` }]);
  if (maxBytes !== undefined && Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const text = await request.text();
  if (maxBytes !== undefined && Buffer.byteLength(text) > maxBytes) throw tooLarge();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.", [{ name: "body", reason: "is not valid JSON" }]);
  }
}

const idSchema = z.coerce.number().int().positive();

/** A numeric id from the path, or a 400 naming it. */
export function parseId(raw: string, name = "id"): number {
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid_input", `Invalid ${name}`, [{ name, reason: "must be a positive whole number" }]);
  return parsed.data;
}
