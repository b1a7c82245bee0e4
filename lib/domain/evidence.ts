/**
 * A milestone's evidence (a UN document symbol or a URL), as the database stores it. Pages take
 * the type from here: app/ never imports db/ (STYLE.md 14; the lint enforces it).
 */
export type { Evidence } from "@/db/schema/evidence";
