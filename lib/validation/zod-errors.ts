import type { z } from "zod";
import { AppError, type InvalidParam } from "@/lib/errors";
import { reasonFromMessage } from "./english-reasons";

/**
 * Field paths and reasons of a failed parse, e.g. `evidence.1: is not a valid web address`. A
 * reason made with `reason()` comes with its code and values, for the interface to translate.
 */
export function fieldErrors(error: z.ZodError): InvalidParam[] {
  return error.issues.map((issue) => ({ name: issue.path.map(String).join(".") || "body", ...reasonFromMessage(issue.message) }));
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
