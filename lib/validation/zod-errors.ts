import type { z } from "zod";
import { AppError, type InvalidParam } from "@/lib/errors";

/** Field paths and messages of a failed parse, e.g. `evidence.1: must be a URL…`. */
export function fieldErrors(error: z.ZodError): InvalidParam[] {
  return error.issues.map((issue) => ({ name: issue.path.map(String).join(".") || "body", reason: issue.message }));
}

/** Parses a command's input or throws a 422 naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const errors = fieldErrors(result.error);
    throw new AppError("unprocessable", `Invalid ${errors.map((e) => e.name).join(", ")}`, errors);
  }
  return result.data;
}
