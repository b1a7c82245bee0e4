/** The URL with its password hidden, for messages and logs (up to the last "@": a password may hold one). */
export declare function redactDatabaseUrl(url: string): string;
