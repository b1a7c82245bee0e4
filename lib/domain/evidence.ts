/**
 * A milestone's evidence (a UN document symbol or a URL), as the database stores it, and the
 * pattern a symbol follows. lib/ and pages take them from here: app/ never imports db/, and the
 * seed, which may not import lib/, reads the pattern from db/schema (STYLE.md 14).
 */
export { DOCUMENT_SYMBOL_PATTERN, type Evidence } from "@/db/schema/evidence";
