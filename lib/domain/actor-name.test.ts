import { describe, expect, it } from "vitest";
import { actorDisplayName, isSeedActor } from "./actor-name";

describe("actorDisplayName", () => {
  it("shows who changed something by name, never by email", () => {
    expect(actorDisplayName("Ana Ruiz <ana@un.org>")).toBe("Ana Ruiz");
    expect(actorDisplayName("Ana Silva <ana@un.org>")).toBe("Ana Silva");
    expect(actorDisplayName("ana@un.org")).toBe("ana");
    expect(actorDisplayName("<ana@un.org>")).toBe("ana");
    expect(actorDisplayName("ana@un.org <ana@un.org>")).toBe("ana");
  });

  it("leaves the seed's label for the caller to word", () => {
    expect(actorDisplayName("seed")).toBe("seed");
    expect(isSeedActor("seed")).toBe(true);
    expect(isSeedActor("Ana Ruiz <ana@un.org>")).toBe(false);
  });
});
