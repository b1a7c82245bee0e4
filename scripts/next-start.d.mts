/** The arguments for `next start` from the environment: -p PORT, and -H HOSTNAME when set. */
export function nextStartArgs(env: Record<string, string | undefined>): string[];
