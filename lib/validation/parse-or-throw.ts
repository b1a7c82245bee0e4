import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { invalidParamsOf } from "./english-reasons";
import { parseQueryStrict, slugSchema, toInvalidParams } from "./filters";

/** Parses API query parameters or throws a 400 AppError naming each bad parameter. */
export function parseApiQuery<S extends z.ZodObject>(schema: S, params: URLSearchParams): z.output<S> {
  const parsed = parseQueryStrict(schema, params);
  if (!parsed.ok) {
    const names = parsed.invalidParams.map((param) => param.name).join(", ");
    throw new AppError("invalid_input", `Invalid query parameter: ${names}`, parsed.invalidParams);
  }
  return parsed.value;
}

/** Parses a command's input or throws a 422 naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const errors = invalidParamsOf(result.error);
    throw new AppError("unprocessable", `Invalid ${errors.map((e) => e.name).join(", ")}`, errors);
  }
  return result.data;
}

/**
 * A workstream slug from a route's path, or a 400 naming `slug`. A malformed slug names no
 * workstream, and refusing it here keeps text a database cannot hold (PostgreSQL refuses NUL)
 * out of every query.
 */
export function parseSlugParam(raw: string): string {
  const parsed = slugSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      "invalid_input",
      "Invalid workstream slug",
      toInvalidParams(parsed.error).map((param) => ({ ...param, name: "slug" })),
    );
  }
  return parsed.data;
}
