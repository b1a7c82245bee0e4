/**
 * Account roles and API token scopes, as the database stores them. Pages take them from here:
 * app/ never imports db/ (STYLE.md 14; the lint enforces it).
 */
export { TOKEN_SCOPES, type TokenScope } from "@/db/schema/access";
export { USER_ROLES, type UserRole } from "@/db/schema/auth";
