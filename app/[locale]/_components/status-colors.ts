// The timeline's components import the colours from here; their home is lib/domain.
export { STATUS_COLORS } from "@/lib/domain/status-colors";
