import { z } from "zod";
import { reason } from "./reasons";

/** Watch or stop watching a workstream: `{ "watched": true }`. */
export const watchSchema = z.object({
  watched: z.boolean({ error: reason("required") }),
});
