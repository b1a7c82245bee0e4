import { z } from "zod";
import { TOKEN_SCOPES, USER_ROLES } from "@/db/schema";
import { reason } from "./reasons";
import { plainText } from "./text";

export const emailSchema = z
  .email(reason("email"))
  .max(254, reason("tooLong", { max: 254 }))
  .transform((email) => email.toLowerCase());

export const passwordSchema = z
  .string()
  .min(12, reason("passwordTooShort", { min: 12 }))
  .max(128, reason("passwordTooLong", { max: 128 }));

export const newUserSchema = z.object({
  email: emailSchema,
  name: plainText()
    .trim()
    .min(1, reason("required"))
    .max(120, reason("tooLong", { max: 120 }))
    .optional(),
  role: z.enum(USER_ROLES, { error: reason("oneOf", { options: USER_ROLES.join(", ") }) }),
  password: passwordSchema,
  allWorkstreams: z.boolean().default(false),
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const userAccessSchema = z.object({
  role: z.enum(USER_ROLES, { error: reason("oneOf", { options: USER_ROLES.join(", ") }) }),
  allWorkstreams: z.boolean(),
  workstreamIds: z.array(z.number().int().positive()).max(10_000).default([]),
});

export const newTokenSchema = z.object({
  name: plainText()
    .trim()
    .min(1, reason("required"))
    .max(80, reason("tooLong", { max: 80 })),
  scope: z.enum(TOKEN_SCOPES, { error: reason("tokenScope") }),
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(1, reason("required"))
    .max(128, reason("passwordTooLong", { max: 128 })),
});
