// @ts-check
// Plain JavaScript so that the server script's change listener (db/postgres-changes.mjs) shares it
// with the app. Types: db/database-url.d.mts.

/**
 * The URL with its password hidden, for messages and logs (up to the last "@": a password may hold one).
 * @param {string} url
 */
export function redactDatabaseUrl(url) {
  return url.replace(/^(\w+:\/\/[^:/@]*:).*@(?=[^@]*$)/, "$1***@");
}
