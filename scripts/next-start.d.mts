/** Where `npm start` listens: PORT (default 3000) and, when set, HOSTNAME. */
export function listenOptions(env: Record<string, string | undefined>): { port: number; hostname: string | undefined };
/** The better-auth session token in a Cookie header, if there is one. */
export function sessionTokenOf(cookie: string): string | null;
/** The database file when DATABASE_PATH is not set (as db/index.ts). */
export const DEFAULT_DATABASE_PATH: string;
