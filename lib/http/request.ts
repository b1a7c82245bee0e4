import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";

/** The JSON body of a request, or a 400 that says it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
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
