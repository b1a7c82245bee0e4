import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { apiTokens, type TokenScope } from "@/db/schema";

/** What a token list shows: never the token or its hash. */
export type TokenListItem = {
  id: number;
  name: string;
  prefix: string;
  scope: TokenScope;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** A user's API tokens, newest first, revoked ones included. */
export async function listTokensOf(userId: string): Promise<TokenListItem[]> {
  return await getDb()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scope: apiTokens.scope,
      createdBy: apiTokens.createdBy,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}
