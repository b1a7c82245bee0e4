import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseQueryStrict } from "./filters";

/** Parses API query parameters or throws a 400 AppError naming each bad parameter. */
export function parseApiQuery<S extends z.ZodObject>(schema: S, params: URLSearchParams): z.output<S> {
  const parsed = parseQueryStrict(schema, params);
  if (!parsed.ok) {
    const names = parsed.invalidParams.map((param) => param.name).join(", ");
    throw new AppError("invalid_input", `Invalid query parameter: ${names}`, parsed.invalidParams);
  }
  return parsed.value;
}
