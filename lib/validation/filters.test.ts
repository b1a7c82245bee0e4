import { describe, expect, it } from "vitest";
import { milestoneListQuerySchema, overviewQuerySchema, parseQueryLenient, parseQueryStrict, workstreamListQuerySchema } from "./filters";

const strict = (query: string) => parseQueryStrict(milestoneListQuerySchema, new URLSearchParams(query));

describe("filter parameters", () => {
  it("accepts year, body, several statuses and paging", () => {
    const parsed = strict("year=2021&body=hlcm&status=completed,planned&status=delayed&page=2&pageSize=10");
    expect(parsed).toEqual({
      ok: true,
      value: { year: 2021, body: "HLCM", status: ["completed", "planned", "delayed"], page: 2, pageSize: 10 },
    });
  });

  it("treats empty values as not set", () => {
    expect(strict("year=&body=&status=")).toEqual({ ok: true, value: { page: 1, pageSize: 50 } });
  });

  it("gives the overview 18 cards a page and its Attention list a page of its own; the API keeps 24", () => {
    expect(parseQueryStrict(overviewQuerySchema, new URLSearchParams(""))).toMatchObject({ ok: true, value: { page: 1, pageSize: 18, apage: 1 } });
    expect(parseQueryStrict(overviewQuerySchema, new URLSearchParams("pageSize=100&apage=3"))).toMatchObject({ ok: true, value: { pageSize: 100, apage: 3 } });
    expect(parseQueryStrict(workstreamListQuerySchema, new URLSearchParams(""))).toMatchObject({ ok: true, value: { pageSize: 24 } });
  });

  it("names the parameter that is wrong", () => {
    const cases: [string, string][] = [
      ["year=20x1", "year"],
      ["year=1800", "year"],
      ["status=done", "status"],
      ["body=HL CM", "body"],
      ["page=0", "page"],
      ["pageSize=1000", "pageSize"],
      ["workstream=Bad_Slug", "workstream"],
      ["yaer=2021", "yaer"],
    ];
    for (const [query, name] of cases) {
      const parsed = strict(query);
      expect(parsed.ok, query).toBe(false);
      if (!parsed.ok)
        expect(
          parsed.invalidParams.map((param) => param.name),
          query,
        ).toContain(name);
    }
  });

  it("on pages, drops only the bad parameter and reports it", () => {
    const { value, invalidParams } = parseQueryLenient(workstreamListQuerySchema, { year: "abc", body: "HLCP", status: ["completed"] });
    expect(value).toMatchObject({ body: "HLCP", status: ["completed"], page: 1 });
    expect(value.year).toBeUndefined();
    expect(invalidParams.map((param) => param.name)).toEqual(["year"]);
  });
});
