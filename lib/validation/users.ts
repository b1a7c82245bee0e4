import { z } from "zod";
import { TOKEN_SCOPES, USER_ROLES } from "@/db/schema";

export const emailSchema = z.email("must be an email address such as name@un.org").max(254).transform((email) => email.toLowerCase());

export const passwordSchema = z
  .string()
  .min(12, "must be at least 12 characters long")
  .max(128, "must be at most 128 characters long");

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "is required").max(120).optional(),
  role: z.enum(USER_ROLES, { error: `must be one of ${USER_ROLES.join(", ")}` }),
  password: passwordSchema,
  allWorkstreams: z.boolean().default(false),
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const userAccessSchema = z.object({
  role: z.enum(USER_ROLES, { error: `must be one of ${USER_ROLES.join(", ")}` }),
  allWorkstreams: z.boolean(),
  workstreamIds: z.array(z.number().int().positive()).max(10_000).default([]),
});

export const newTokenSchema = z.object({
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  scope: z.enum(TOKEN_SCOPES, { error: "must be read or write" }),
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "is required").max(128),
});
