import { vi } from "vitest";

// `server-only` throws outside a React Server environment; unit and integration tests import
// server modules directly, so it is neutralised here and only here.
vi.mock("server-only", () => ({}));
